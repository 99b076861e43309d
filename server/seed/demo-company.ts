import { inArray, sql } from 'drizzle-orm';
import { permissionKeys } from '../modules/permission-catalogue.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { roles, users } from '../db/schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { jobActor } from '../policies/actor.ts';
import { createDepartment } from '../modules/org/commands/save-department.ts';
import { createUser } from '../modules/org/commands/create-user.ts';
import type { Ctx } from '../kernel/context.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { seedDemoIntake } from './demo-intake.ts';
import { seedDemoCustomers } from './demo-customers.ts';

export const DEMO_PASSWORD = 'Demo@2026';

/** The demo company's departments: name → parent name. */
const DEPARTMENTS: Array<[string, string | null]> = [
  ['总经办', null],
  ['市场部', null],
  ['华北片区', '市场部'],
  ['华东片区', '市场部'],
  ['技术中心', null],
  ['售前技术组', '技术中心'],
  ['工程部', '技术中心'],
  ['采购部', null],
  ['财务部', null],
];

/** username, name, department, role codes, manager username, phone */
export const DEMO_USERS: Array<[string, string, string, string[], string | null, string]> = [
  ['zhangwei', '张伟', '总经办', ['general_manager'], null, '13901010001'],
  ['liuyang', '刘洋', '市场部', ['sales_director'], 'zhangwei', '13901010002'],
  ['wangfang', '王芳', '市场部', ['marketing_manager'], 'liuyang', '13901010003'],
  ['lina', '李娜', '市场部', ['sales_supervisor'], 'wangfang', '13901010004'],
  ['chenjing', '陈静', '市场部', ['marketing_assistant'], 'wangfang', '13901010005'],
  ['fengtao', '冯涛', '市场部', ['bid_team_leader', 'account_manager'], 'liuyang', '13901010006'],
  ['heping', '何平', '市场部', ['commercial_specialist'], 'wangfang', '13901010007'],
  ['zhaolei', '赵磊', '华北片区', ['account_manager'], 'wangfang', '13901010008'],
  ['sunli', '孙丽', '华东片区', ['account_manager'], 'wangfang', '13901010009'],
  ['zhouqiang', '周强', '技术中心', ['presales_manager'], 'zhangwei', '13901010010'],
  ['wujie', '吴杰', '售前技术组', ['presales_engineer'], 'zhouqiang', '13901010011'],
  ['zhengmin', '郑敏', '售前技术组', ['solution_architect'], 'zhouqiang', '13901010012'],
  ['xuhua', '徐华', '工程部', ['technical_group'], 'zhouqiang', '13901010013'],
  ['madong', '马东', '采购部', ['procurement'], 'zhangwei', '13901010014'],
  ['huyan', '胡燕', '财务部', ['finance'], 'zhangwei', '13901010015'],
  ['guoqing', '郭庆', '总经办', ['legal'], 'zhangwei', '13901010016'],
  ['linxue', '林雪', '总经办', ['advisor'], 'zhangwei', '13901010017'],
  ['yangfan', '杨帆', '总经办', ['project_monitor'], 'zhangwei', '13901010018'],
];

/** Department heads: department → username. */
const HEADS: Record<string, string> = {
  总经办: 'zhangwei',
  市场部: 'liuyang',
  技术中心: 'zhouqiang',
  售前技术组: 'zhouqiang',
  工程部: 'xuhua',
  采购部: 'madong',
  财务部: 'huyan',
};

/**
 * Fills an empty database with a realistic demo company through the same use cases the UI
 * calls, acting as a seeding job with full grants. Demo users keep the documented password.
 */
export async function seedDemoCompany(db: Db, config: Config, now: Date): Promise<void> {
  const actor = jobActor('demo-seed', new Map(permissionKeys().map((p) => [p, 'all' as const])));
  const ctx: Ctx = { db, actor, now, config };
  const deptIds = new Map<string, string>();
  for (const [name, parent] of DEPARTMENTS) {
    deptIds.set(name, await createDepartment(ctx, { name, parentId: parent ? (deptIds.get(parent) ?? null) : null }));
  }
  const roleRows = await db.select({ id: roles.id, code: roles.code }).from(roles);
  const roleId = new Map(roleRows.map((r) => [r.code, r.id]));
  const userIds = new Map<string, string>();
  for (const [username, displayName, dept, roleCodes, managerName, phone] of DEMO_USERS) {
    const id = await createUser(ctx, {
      username,
      displayName,
      departmentId: deptIds.get(dept) ?? null,
      managerId: managerName ? (userIds.get(managerName) ?? null) : null,
      phone,
      email: `${username}@demo.bidflow.cn`,
      roleIds: roleCodes.map((c) => roleId.get(c) ?? '').filter(Boolean),
      password: DEMO_PASSWORD,
    });
    userIds.set(username, id);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ mustChangePassword: false })
      .where(inArray(users.id, [...userIds.values()]));
    for (const [dept, head] of Object.entries(HEADS)) {
      const id = deptIds.get(dept);
      const headId = userIds.get(head);
      if (id && headId) {
        await tx.execute(
          // the seed runs alone on a fresh database: no concurrent edit to guard against
          sql`UPDATE departments SET head_user_id = ${headId}::uuid WHERE id = ${id}::uuid`,
        );
      }
    }
    await appendAudit(tx, actor, now, {
      action: 'demo.seed',
      entityType: 'system',
      detail: `${DEPARTMENTS.length} departments, ${DEMO_USERS.length} users (password ${'*'.repeat(DEMO_PASSWORD.length)}, no forced change)`,
    });
  });
  await seedDemoCustomers(ctx, userIds);
  await seedDemoProjects(ctx, userIds);
  await seedDemoIntake(ctx, userIds);
}
