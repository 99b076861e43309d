import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { DataScope } from '../../../../core/permissions.ts';
import { isPermission } from '../../permission-catalogue.ts';
import { rolePermissions, roles } from '../../../db/schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { assertSomeoneCanManageRoles } from '../org-guards.ts';

function validPermissions(list: readonly string[]): string[] {
  const bad = list.filter((p) => !isPermission(p));
  if (bad.length) throw new AppError('validation_failed', {}, { fields: { 'body.permissions': `unknown: ${bad.join(', ')}` } });
  return [...new Set(list)].sort();
}

/** Creates a role (roles are data; the defaults are only a starting point). */
export async function createRole(
  ctx: Ctx,
  input: { code: string; nameZh: string; nameEn: string; dataScope: DataScope; permissions: string[] },
): Promise<string> {
  requirePermission(ctx.actor, 'role.manage');
  const perms = validPermissions(input.permissions);
  return ctx.db.transaction(async (tx) => {
    const dup = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, input.code)).limit(1);
    if (dup[0])
      throw new AppError(
        'conflict_duplicate',
        { field: ctx.actor.locale === 'en' ? 'Role code' : '角色编码' },
        { fields: { 'body.code': 'exists' } },
      );
    const [row] = await tx
      .insert(roles)
      .values({
        code: input.code,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        dataScope: input.dataScope,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: roles.id });
    if (!row) throw new AppError('internal');
    if (perms.length) await tx.insert(rolePermissions).values(perms.map((permission) => ({ roleId: row.id, permission })));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'role.create',
      entityType: 'role',
      entityId: row.id,
      changes: {
        code: { before: null, after: input.code },
        dataScope: { before: null, after: input.dataScope },
        permissions: { before: [], after: perms },
      },
    });
    return row.id;
  });
}

/** Renames a role, changes its data scope or its row of the permission matrix. */
export async function updateRole(
  ctx: Ctx,
  id: string,
  input: {
    version: number;
    nameZh?: string | undefined;
    nameEn?: string | undefined;
    dataScope?: DataScope | undefined;
    permissions?: string[] | undefined;
  },
): Promise<void> {
  requirePermission(ctx.actor, 'role.manage');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(roles).where(eq(roles.id, id)).limit(1).for('update');
    const before = rows[0];
    if (!before) throw new AppError('not_found');
    checkVersion(before, input.version);
    const { version: _v, permissions, ...fields } = input;
    const changes = diffFields(before as unknown as Record<string, unknown>, fields) ?? {};
    if (permissions) {
      const next = validPermissions(permissions);
      const current = (await tx.select().from(rolePermissions).where(eq(rolePermissions.roleId, id))).map((p) => p.permission).sort();
      if (JSON.stringify(next) !== JSON.stringify(current)) {
        await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id));
        if (next.length) await tx.insert(rolePermissions).values(next.map((permission) => ({ roleId: id, permission })));
        changes.permissions = { before: current, after: next };
      }
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(roles)
      .set({ ...fields, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(roles.id, id));
    if (changes.permissions) await assertSomeoneCanManageRoles(tx);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: changes.permissions ? 'role.update_permissions' : 'role.update',
      entityType: 'role',
      entityId: id,
      changes,
    });
  });
}
