import { asc, eq, sql } from 'drizzle-orm';
import type { DataScope } from '../../../../core/permissions.ts';
import type { DepartmentView } from '../../../../core/org/org.schema.ts';
import type { Db } from '../../../db/client.ts';
import { departments, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { scopeCondition } from '../../../policies/policy.ts';

/** Departments in the actor's scope ("own" means the actor's own department). */
export async function listDepartments(db: Db, actor: Actor, scope: DataScope): Promise<DepartmentView[]> {
  const cond = await scopeCondition(db, actor, scope === 'own' ? 'department' : scope, {
    ownerUserId: null,
    departmentId: sql`${departments.id}`,
  });
  const rows = await db
    .select({
      d: departments,
      headName: users.displayName,
      memberCount: sql<number>`(SELECT count(*)::int FROM users m WHERE m.department_id = ${departments.id} AND m.active)`,
    })
    .from(departments)
    .leftJoin(users, eq(users.id, departments.headUserId))
    .where(cond)
    .orderBy(asc(departments.sortOrder), asc(departments.name));
  return rows.map(({ d, headName, memberCount }) => ({
    id: d.id,
    name: d.name,
    parentId: d.parentId,
    headUserId: d.headUserId,
    headName,
    sortOrder: d.sortOrder,
    active: d.active,
    version: d.version,
    memberCount: Number(memberCount),
  }));
}

export async function getDepartmentInScope(db: Db, actor: Actor, scope: DataScope, id: string): Promise<DepartmentView | null> {
  const all = await listDepartments(db, actor, scope);
  return all.find((d) => d.id === id) ?? null;
}
