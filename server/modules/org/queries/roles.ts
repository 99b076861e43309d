import { asc, sql } from 'drizzle-orm';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { permissionCatalogue } from '../../permission-catalogue.ts';
import type { RoleView } from '../../../../core/org/org.schema.ts';
import type { Db } from '../../../db/client.ts';
import { rolePermissions, roles } from '../../../db/schema.ts';

/** Every role with its permissions and the number of active users holding it. */
export async function listRoles(db: Db, locale: Locale): Promise<RoleView[]> {
  const rows = await db
    .select({
      r: roles,
      userCount: sql<number>`(SELECT count(*)::int FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.role_id = ${roles.id} AND u.active)`,
    })
    .from(roles)
    .orderBy(asc(roles.createdAt), asc(roles.code));
  const perms = await db.select().from(rolePermissions);
  const byRole = new Map<string, string[]>();
  for (const p of perms) byRole.set(p.roleId, [...(byRole.get(p.roleId) ?? []), p.permission]);
  return rows.map(({ r, userCount }) => ({
    id: r.id,
    code: r.code,
    name: locale === 'en' ? r.nameEn : r.nameZh,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    dataScope: r.dataScope as RoleView['dataScope'],
    permissions: (byRole.get(r.id) ?? []).sort(),
    builtin: r.builtin,
    userCount: Number(userCount),
    version: r.version,
  }));
}

/** The capability catalog with labels in the reader's language. */
export function permissionCatalog(locale: Locale) {
  return [...permissionCatalogue()].map(([key, def]) => ({ key, group: def.group, label: def[locale] }));
}
