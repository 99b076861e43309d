import { count, eq, sql } from 'drizzle-orm';
import type { Permission } from '../../core/permissions.ts';
import type { Db } from '../db/client.ts';
import { rolePermissions, roles, settings, userRoles, users } from '../db/schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { jobActor } from '../policies/actor.ts';
import { ensureCalendarSeeded } from '../modules/calendar/commands/seed-calendar.ts';
import { runModuleSetups } from '../modules/install.ts';
import { defaultRoleList, permissionKeys } from '../modules/permission-catalogue.ts';

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
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727274003)`);
    const [roleCount] = await tx.select({ n: count() }).from(roles);
    if ((roleCount?.n ?? 0) === 0) {
      for (const r of defaultRoleList()) {
        const [row] = await tx
          .insert(roles)
          .values({
            code: r.code,
            nameZh: r.nameZh,
            nameEn: r.nameEn,
            dataScope: r.dataScope,
            builtin: true,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: roles.id });
        if (row && r.permissions.length) {
          await tx.insert(rolePermissions).values(r.permissions.map((permission) => ({ roleId: row.id, permission })));
        }
      }
      await appendAudit(tx, actor, now, { action: 'role.seed', entityType: 'role', detail: `${defaultRoleList().length} default roles` });
    }
    await grantNewCapabilities(tx, now, (roleCount?.n ?? 0) === 0);
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
      action: 'user.create',
      entityType: 'user',
      entityId: admin?.id ?? null,
      detail: generated ? 'first administrator (generated password, must change)' : 'first administrator (ADMIN_PASSWORD)',
    });
    return { createdAdmin: true, generatedPassword: generated };
  });
  await runModuleSetups(db, now);
  return result;
}

/** The capabilities that existed before the capability list was recorded (issues 2 and 3). */
const FIRST_RELEASE_PERMISSIONS: readonly string[] = [
  'user.read',
  'user.manage',
  'department.read',
  'department.manage',
  'role.read',
  'role.manage',
  'audit.read',
  'audit.export',
  'audit.verify',
  'system.settings',
  'notification.admin',
  'job.manage',
  'approval.admin',
  'calendar.manage',
  'deadline.read',
  'deadline.manage',
];
const KNOWN_PERMISSIONS_KEY = 'roles.known_permissions';

/**
 * Capabilities added by a newer version reach databases seeded by an older one: each new
 * capability is granted to the built-in roles whose defaults include it, once. Capabilities the
 * database already knew are left alone, so an administrator's removals stay removed.
 */
async function grantNewCapabilities(tx: Db, now: Date, justSeeded: boolean): Promise<void> {
  const PERMISSION_KEYS = permissionKeys();
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, KNOWN_PERMISSIONS_KEY)).limit(1);
  const known = new Set<string>(
    justSeeded ? PERMISSION_KEYS : Array.isArray(row?.value) ? (row.value as string[]) : FIRST_RELEASE_PERMISSIONS,
  );
  const added: Permission[] = PERMISSION_KEYS.filter((p) => !known.has(p));
  if (added.length > 0) {
    const builtin = await tx.select({ id: roles.id, code: roles.code }).from(roles).where(eq(roles.builtin, true));
    const grants: Array<{ roleId: string; permission: Permission }> = [];
    for (const r of builtin) {
      const defaults = defaultRoleList().find((d) => d.code === r.code);
      for (const p of added) if (defaults?.permissions.includes(p)) grants.push({ roleId: r.id, permission: p });
    }
    if (grants.length > 0) await tx.insert(rolePermissions).values(grants).onConflictDoNothing();
    await appendAudit(tx, jobActor('bootstrap', new Map()), now, {
      action: 'role.upgrade',
      entityType: 'role',
      detail: `new capabilities granted to built-in roles: ${added.join(', ')}`,
    });
  }
  if (!row || added.length > 0) {
    await tx
      .insert(settings)
      .values({ key: KNOWN_PERMISSIONS_KEY, value: [...PERMISSION_KEYS], updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: [...PERMISSION_KEYS], updatedAt: now } });
  }
}
