import { eq } from 'drizzle-orm';
import { users, userRoles } from '../../../db/schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../../core/errors.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import {
  assertActiveUser,
  assertDepartmentInScope,
  assertRolesAssignable,
  assertSomeoneCanManageRoles,
  assertUserInScope,
} from '../org-guards.ts';

export interface UpdateUserInput {
  version: number;
  displayName?: string | undefined;
  departmentId?: string | null | undefined;
  managerId?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  roleIds?: string[] | undefined;
}

/** Edits a user's profile, department, manager and roles; a stale version is refused. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<void> {
  const scope = requirePermission(ctx.actor, 'user.manage');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(users).where(eq(users.id, id)).limit(1).for('update');
    const before = rows[0];
    if (!before) throw new AppError('not_found');
    await assertUserInScope(tx, ctx.actor, scope, before);
    checkVersion(before, input.version);
    if (input.departmentId !== undefined && input.departmentId !== before.departmentId) {
      await assertDepartmentInScope(tx, ctx.actor, scope, input.departmentId);
    }
    if (input.managerId !== undefined && input.managerId !== before.managerId) {
      if (input.managerId === id) throw new AppError('validation_failed', {}, { fields: { 'body.managerId': 'cannot manage oneself' } });
      await assertActiveUser(tx, input.managerId, 'managerId');
    }
    const { version: _v, roleIds, ...fields } = input;
    const changes = diffFields(before as unknown as Record<string, unknown>, fields) ?? {};
    if (roleIds) {
      const current = (await tx.select({ roleId: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, id)))
        .map((r) => r.roleId)
        .sort();
      const next = [...new Set(roleIds)].sort();
      if (JSON.stringify(current) !== JSON.stringify(next)) {
        const added = next.filter((r) => !current.includes(r));
        await assertRolesAssignable(tx, ctx.actor, added);
        await tx.delete(userRoles).where(eq(userRoles.userId, id));
        if (next.length) await tx.insert(userRoles).values(next.map((roleId) => ({ userId: id, roleId })));
        changes.roleIds = { before: current, after: next };
      }
    }
    if (Object.keys(changes).length === 0) return;
    // the row is locked (FOR UPDATE) and its version checked above, so the update by id cannot miss
    await tx
      .update(users)
      .set({ ...fields, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(users.id, id));
    if (changes.roleIds) await assertSomeoneCanManageRoles(tx);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: changes.roleIds ? 'user.update_roles' : 'user.update',
      entityType: 'user',
      entityId: id,
      changes,
    });
  });
}
