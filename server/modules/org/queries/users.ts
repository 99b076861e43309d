import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../../../core/permissions.ts';
import type { UserView } from '../../../../core/org/org.schema.ts';
import type { Db } from '../../../db/client.ts';
import { departments, roles, userRoles, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { scopeCondition } from '../../../policies/policy.ts';
import { escapeLike } from '../../../kernel/text-search.ts';

const manager = alias(users, 'manager');

/** The user-visibility condition for a scope: a user record is owned by itself and its department. */
export function userScope(db: Db, actor: Actor, scope: DataScope): Promise<SQL> {
  return scopeCondition(db, actor, scope, { ownerUserId: sql`${users.id}`, departmentId: sql`${users.departmentId}` });
}

async function toViews(
  db: Db,
  rows: Array<{ u: typeof users.$inferSelect; deptName: string | null; managerName: string | null }>,
  locale: string,
): Promise<UserView[]> {
  const ids = rows.map((r) => r.u.id);
  const roleRows = ids.length
    ? await db
        .select({ userId: userRoles.userId, id: roles.id, code: roles.code, nameZh: roles.nameZh, nameEn: roles.nameEn })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(inArray(userRoles.userId, ids))
        .orderBy(asc(roles.code))
    : [];
  const byUser = new Map<string, UserView['roles']>();
  for (const r of roleRows) {
    const list = byUser.get(r.userId) ?? [];
    list.push({ id: r.id, code: r.code, name: locale === 'en' ? r.nameEn : r.nameZh });
    byUser.set(r.userId, list);
  }
  return rows.map(({ u, deptName, managerName }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    departmentName: deptName,
    managerId: u.managerId,
    managerName,
    phone: u.phone,
    email: u.email,
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
    active: u.active,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    mustChangePassword: u.mustChangePassword,
    roles: byUser.get(u.id) ?? [],
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  }));
}

function baseSelect(db: Db) {
  return db
    .select({ u: users, deptName: departments.name, managerName: manager.displayName })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(manager, eq(manager.id, users.managerId));
}

export interface UserListParams {
  page: number;
  pageSize: number;
  q?: string | undefined;
  departmentId?: string | undefined;
  roleId?: string | undefined;
  active?: 'true' | 'false' | undefined;
  sort: string;
}

const SORT_COLUMNS = {
  username: users.username,
  displayName: users.displayName,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
} as const;

/** Users inside the actor's data scope, filtered, sorted on allow-listed fields, paginated. */
export async function listUsers(db: Db, actor: Actor, scope: DataScope, p: UserListParams) {
  const conds: SQL[] = [await userScope(db, actor, scope)];
  if (p.q) {
    const like = `%${escapeLike(p.q)}%`;
    conds.push(
      sql`(${users.username} ILIKE ${like} OR ${users.displayName} ILIKE ${like} OR coalesce(${users.phone}, '') ILIKE ${like} OR coalesce(${users.email}, '') ILIKE ${like})`,
    );
  }
  if (p.departmentId) conds.push(eq(users.departmentId, p.departmentId));
  if (p.active) conds.push(eq(users.active, p.active === 'true'));
  if (p.roleId) conds.push(sql`EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ${users.id} AND ur.role_id = ${p.roleId}::uuid)`);
  const where = and(...conds);
  const desc_ = p.sort.startsWith('-');
  const key = (desc_ ? p.sort.slice(1) : p.sort) as keyof typeof SORT_COLUMNS;
  const col = SORT_COLUMNS[key] ?? users.username;
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(desc_ ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`, asc(users.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  return { items: await toViews(db, rows, actor.locale), total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

/** One user if inside the actor's scope; otherwise null (the caller answers 404). */
export async function getUserInScope(db: Db, actor: Actor, scope: DataScope, id: string): Promise<UserView | null> {
  const rows = await baseSelect(db)
    .where(and(eq(users.id, id), await userScope(db, actor, scope)))
    .limit(1);
  if (!rows.length) return null;
  const [view] = await toViews(db, rows, actor.locale);
  return view ?? null;
}
