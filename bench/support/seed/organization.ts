/**
 * The benchmark company: 13 departments, 200 users with their default roles, each department's
 * head and every user's manager; and the staff the other seeding steps assign records to.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.ts';
import { departments, roles, userRoles, users } from '../../../server/db/schema.ts';
import { hashPassword } from '../../../server/auth/passwords.ts';
import { BENCH_PASSWORD, type BenchUser } from '../dataset.ts';
import { personName, uid } from '../names.ts';
import { uuidArray } from './sql.ts';

interface DeptDef {
  n: number;
  name: string;
  parent: number | null;
}

export const DEPTS: DeptDef[] = [
  { n: 1, name: '总经办', parent: null },
  { n: 2, name: '市场部', parent: null },
  { n: 3, name: '华北区', parent: 2 },
  { n: 4, name: '华东区', parent: 2 },
  { n: 5, name: '华南区', parent: 2 },
  { n: 6, name: '西南区', parent: 2 },
  { n: 7, name: '华中区', parent: 2 },
  { n: 8, name: '售前部', parent: null },
  { n: 9, name: '应标小组', parent: 8 },
  { n: 10, name: '技术中心', parent: null },
  { n: 11, name: '财务部', parent: null },
  { n: 12, name: '法务部', parent: null },
  { n: 13, name: '采购部', parent: null },
];

/** 200 users: who sits where with which default role. */
function orgUsers(): Array<{ dept: number; role: string }> {
  const out: Array<{ dept: number; role: string }> = [];
  const add = (dept: number, role: string, count: number) => {
    for (let i = 0; i < count; i++) out.push({ dept, role });
  };
  add(1, 'general_manager', 1);
  add(1, 'advisor', 1);
  add(2, 'sales_director', 3);
  for (let region = 3; region <= 7; region++) {
    add(region, 'marketing_manager', 1);
    add(region, 'sales_supervisor', 2);
    add(region, 'account_manager', 16);
    add(region, 'marketing_assistant', 1);
  }
  add(8, 'presales_manager', 2);
  add(8, 'presales_engineer', 30);
  add(8, 'solution_architect', 10);
  add(9, 'bid_team_leader', 2);
  add(9, 'commercial_specialist', 8);
  add(10, 'technical_group', 25);
  add(11, 'finance', 6);
  add(12, 'legal', 2);
  add(13, 'procurement', 4);
  add(1, 'project_monitor', 6);
  return out;
}

/** The seeded users, numbered from 1 in the order of orgUsers(). */
export function seededUsers(): BenchUser[] {
  return orgUsers().map((u, i) => {
    const n = i + 1;
    return {
      n,
      id: uid('user', n),
      username: `bench${String(n).padStart(3, '0')}`,
      displayName: personName(n + 1000),
      dept: u.dept,
      deptId: uid('dept', u.dept),
      role: u.role,
    };
  });
}

/** departments, users (all with BENCH_PASSWORD), the departments' heads, user_roles */
export async function seedOrganization(db: Db, now: Date, benchUsers: BenchUser[]): Promise<void> {
  for (const d of DEPTS) {
    await db.insert(departments).values({
      id: uid('dept', d.n),
      name: d.name,
      parentId: d.parent ? uid('dept', d.parent) : null,
      sortOrder: d.n,
      createdAt: now,
      updatedAt: now,
    });
  }
  const hash = await hashPassword(BENCH_PASSWORD);
  // each department's head is its first user; a user's manager is the head (or, for a head, the parent's head)
  const head = new Map<number, BenchUser>();
  for (const u of benchUsers) if (!head.has(u.dept)) head.set(u.dept, u);
  const managerOf = (u: BenchUser): string | null => {
    const h = head.get(u.dept);
    if (h && h.n !== u.n) return h.id;
    const parent = DEPTS.find((d) => d.n === u.dept)?.parent;
    const ph = parent ? head.get(parent) : head.get(1);
    return ph && ph.n !== u.n ? ph.id : null;
  };
  await db.insert(users).values(
    benchUsers.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      passwordHash: hash,
      passwordChangedAt: now,
      departmentId: u.deptId,
      managerId: managerOf(u),
      phone: `139${String(10_000_000 + u.n).padStart(8, '0')}`,
      email: `${u.username}@bench.bidflow.cn`,
      createdAt: now,
      updatedAt: now,
    })),
  );
  for (const [dept, u] of head) {
    await db.execute(sql`UPDATE departments SET head_user_id = ${u.id}::uuid WHERE id = ${uid('dept', dept)}::uuid`);
  }
  const roleRows = await db.select({ id: roles.id, code: roles.code }).from(roles);
  const roleId = new Map(roleRows.map((r) => [r.code, r.id]));
  await db.insert(userRoles).values(
    benchUsers.map((u) => {
      const id = roleId.get(u.role);
      if (!id) throw new Error(`default role ${u.role} missing`);
      return { userId: u.id, roleId: id };
    }),
  );
}

/** The seeded staff the records are assigned to: SQL uuid[] literals of their ids, and how many. */
export interface Staff {
  /** account managers (owners of customers, partners, leads, projects, activities) and their departments */
  amIds: string;
  amDepts: string;
  amCount: number;
  /** presales engineers, then solution architects (project managers and presales leads) */
  presalesIds: string;
  presalesCount: number;
  /** commercial specialists (on the teams of approved projects) */
  commercialIds: string;
  commercialCount: number;
  /** project monitors */
  monitorIds: string;
  monitorCount: number;
  /** marketing managers (the approvers of the pending registrations) */
  marketingManagerIds: string;
}

export function staffOf(benchUsers: BenchUser[]): Staff {
  const byRole = (role: string) => benchUsers.filter((u) => u.role === role);
  const ams = byRole('account_manager');
  return {
    amIds: uuidArray(ams.map((u) => u.id)),
    amDepts: uuidArray(ams.map((u) => u.deptId)),
    amCount: ams.length,
    presalesIds: uuidArray(
      byRole('presales_engineer')
        .concat(byRole('solution_architect'))
        .map((u) => u.id),
    ),
    presalesCount: byRole('presales_engineer').length + byRole('solution_architect').length,
    commercialIds: uuidArray(byRole('commercial_specialist').map((u) => u.id)),
    commercialCount: byRole('commercial_specialist').length,
    monitorIds: uuidArray(byRole('project_monitor').map((u) => u.id)),
    monitorCount: byRole('project_monitor').length,
    marketingManagerIds: uuidArray(byRole('marketing_manager').map((u) => u.id)),
  };
}
