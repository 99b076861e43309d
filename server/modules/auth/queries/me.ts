import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { pickLocale } from '../../../../core/i18n/locale.ts';
import type { MeResponse } from '../../../../core/auth/auth.schema.ts';
import type { Db } from '../../../db/client.ts';
import { departments, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { loadUserRoles } from '../../../policies/grants.ts';
import { permissionCatalogue } from '../../permission-catalogue.ts';

/** The signed-in user's own view: identity, roles, grants (what the UI may offer). */
export async function getMe(db: Db, actor: Actor, userId?: string): Promise<MeResponse> {
  const id = userId ?? actor.userId;
  if (!id) throw new AppError('unauthenticated');
  const rows = await db
    .select({ u: users, deptName: departments.name })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError('unauthenticated');
  const { roles, grants } = await loadUserRoles(db, id);
  const locale = pickLocale(row.u.locale);
  return {
    id: row.u.id,
    username: row.u.username,
    displayName: row.u.displayName,
    phone: row.u.phone,
    email: row.u.email,
    locale,
    departmentId: row.u.departmentId,
    departmentName: row.deptName,
    mustChangePassword: row.u.mustChangePassword,
    passwordExpired: userId ? false : actor.passwordExpired === true,
    roles: roles.map((r) => ({ id: r.id, code: r.code, name: locale === 'en' ? r.nameEn : r.nameZh })),
    grants: Object.fromEntries(grants),
    grantLabels: Object.fromEntries([...grants.keys()].map((p) => [p, permissionCatalogue().get(p)?.[locale] ?? p])),
    via: actor.kind === 'token' ? 'token' : 'session',
  };
}
