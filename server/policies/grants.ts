import { eq, inArray } from 'drizzle-orm';
import { mergeGrants, type DataScope } from '../../core/permissions.ts';
import type { Db } from '../db/client.ts';
import { isPermission } from '../modules/permission-catalogue.ts';
import { rolePermissions, roles, userRoles } from '../db/schema.ts';

/** Loads a user's roles and computes the effective grants (widest scope per permission). */
export async function loadUserRoles(db: Db, userId: string) {
  const rows = await db
    .select({ id: roles.id, code: roles.code, nameZh: roles.nameZh, nameEn: roles.nameEn, dataScope: roles.dataScope })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId));
  const perms = rows.length
    ? await db
        .select()
        .from(rolePermissions)
        .where(
          inArray(
            rolePermissions.roleId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const byRole = new Map<string, string[]>();
  for (const p of perms) byRole.set(p.roleId, [...(byRole.get(p.roleId) ?? []), p.permission]);
  const grants = mergeGrants(
    rows.map((r) => ({ dataScope: r.dataScope as DataScope, permissions: byRole.get(r.id) ?? [] })),
    isPermission,
  );
  return { roles: rows, grants };
}

/** Effective grants only, in one query (the per-request path). */
export async function loadUserGrants(db: Db, userId: string) {
  const rows = await db
    .select({ roleId: roles.id, dataScope: roles.dataScope, permission: rolePermissions.permission })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(userRoles.userId, userId));
  const byRole = new Map<string, { dataScope: DataScope; permissions: string[] }>();
  for (const r of rows) {
    const entry = byRole.get(r.roleId) ?? { dataScope: r.dataScope as DataScope, permissions: [] };
    if (r.permission) entry.permissions.push(r.permission);
    byRole.set(r.roleId, entry);
  }
  return mergeGrants([...byRole.values()], isPermission);
}
