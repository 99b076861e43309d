import { count, eq, sql } from 'drizzle-orm';
import { DEFAULT_ROLES } from '../../core/default-roles.ts';
import type { Db } from '../db/client.ts';
import { rolePermissions, roles, userRoles, users } from '../db/schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { jobActor } from '../policies/actor.ts';
import { ensureCalendarSeeded } from './seed-calendar.ts';

export interface BootstrapResult {
  createdAdmin: boolean;
  /** set only when the password was generated (printed once, must be changed) */
  generatedPassword: string | null;
}

/**
 * On an empty database: seeds the default roles and creates the first administrator `admin`.
 * With ADMIN_PASSWORD the operator chose the password (no forced change); otherwise one is
 * generated, returned to be printed once, and must be changed at first login.
 */
export async function bootstrap(db: Db, now: Date, adminPassword: string | undefined): Promise<BootstrapResult> {
  const actor = jobActor('bootstrap', new Map());
  await ensureCalendarSeeded(db, now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727274003)`);
    const [roleCount] = await tx.select({ n: count() }).from(roles);
    if ((roleCount?.n ?? 0) === 0) {
      for (const r of DEFAULT_ROLES) {
        const [row] = await tx
          .insert(roles)
          .values({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, dataScope: r.dataScope, builtin: true, createdAt: now, updatedAt: now })
          .returning({ id: roles.id });
        if (row && r.permissions.length) {
          await tx.insert(rolePermissions).values(r.permissions.map((permission) => ({ roleId: row.id, permission })));
        }
      }
      await appendAudit(tx, actor, now, { action: 'role.seed', entityType: 'role', detail: `${DEFAULT_ROLES.length} default roles` });
    }
    const [userCount] = await tx.select({ n: count() }).from(users);
    if ((userCount?.n ?? 0) > 0) return { createdAdmin: false, generatedPassword: null };
    const generated = adminPassword ? null : generatePassword(16);
    const password = adminPassword ?? generated ?? '';
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash: await hashPassword(password),
        passwordChangedAt: now,
        mustChangePassword: generated !== null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    const [adminRole] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, 'admin')).limit(1);
    if (admin && adminRole) await tx.insert(userRoles).values({ userId: admin.id, roleId: adminRole.id });
    await appendAudit(tx, actor, now, {
      action: 'user.create', entityType: 'user', entityId: admin?.id ?? null,
      detail: generated ? 'first administrator (generated password, must change)' : 'first administrator (ADMIN_PASSWORD)',
    });
    return { createdAdmin: true, generatedPassword: generated };
  });
}
