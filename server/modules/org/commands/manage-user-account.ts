import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { users } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { hashPassword } from '../../../auth/passwords.ts';
import { loadPasswordPolicy } from '../../../auth/security-settings.ts';
import { endUserSessions } from '../../../auth/sessions.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Db } from '../../../db/client.ts';
import { assertPasswordPolicy } from '../../../auth/enforce-password-policy.ts';
import { notify } from '../../../notifications/notify.ts';
import { passwordResetEvent } from '../../../notifications/event-types.ts';
import { toShanghaiIso } from '../../../../core/calendar/working-calendar.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { assertSomeoneCanManageRoles, assertUserInScope } from '../org-guards.ts';

type UserRow = typeof users.$inferSelect;

async function lockTarget(tx: Db, ctx: Ctx, id: string, version: number): Promise<UserRow> {
  const scope = requirePermission(ctx.actor, 'user.manage');
  const rows = await tx.select().from(users).where(eq(users.id, id)).limit(1).for('update');
  const u = rows[0];
  if (!u) throw new AppError('not_found');
  await assertUserInScope(tx, ctx.actor, scope, u);
  checkVersion(u, version);
  return u;
}

/** Admin reset: a new password the user must change at next sign-in; all their sessions end. */
export async function resetUserPassword(ctx: Ctx, id: string, version: number, newPassword: string): Promise<void> {
  const policy = await loadPasswordPolicy(ctx.db);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    const u = await lockTarget(tx, ctx, id, version);
    assertPasswordPolicy(newPassword, policy, ctx.actor.locale, u.username);
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: ctx.now,
        mustChangePassword: true,
        failedLoginCount: 0,
        firstFailedAt: null,
        lockedUntil: null,
        version: u.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(users.id, id), eq(users.version, version)));
    const ended = await endUserSessions(tx, id);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      changes: { password: { before: '***', after: '***' }, mustChangePassword: { before: u.mustChangePassword, after: true } },
      detail: `ended ${ended} session(s)`,
    });
    await notify(tx, ctx.now, {
      event: passwordResetEvent,
      recipientUserIds: [id],
      subject: { type: 'user', id },
      link: '/profile/password',
      params: { admin: ctx.actor.displayName ?? '', username: u.username, time: toShanghaiIso(ctx.now).slice(0, 16).replace('T', ' ') },
    });
  });
}

/** Deactivates (never deletes) or reactivates a user; deactivation ends every session at once. */
export async function setUserActive(ctx: Ctx, id: string, version: number, active: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const u = await lockTarget(tx, ctx, id, version);
    if (!active && id === ctx.actor.userId) {
      throw new AppError('conflict_state', { reason: ctx.actor.locale === 'en' ? 'you cannot deactivate yourself' : '不能停用自己的账号' });
    }
    if (u.active === active) return;
    await tx
      .update(users)
      .set({ active, version: u.version + 1, updatedAt: ctx.now })
      .where(eq(users.id, id));
    const ended = active ? 0 : await endUserSessions(tx, id);
    if (!active) await assertSomeoneCanManageRoles(tx);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: active ? 'user.activate' : 'user.deactivate',
      entityType: 'user',
      entityId: id,
      changes: { active: { before: u.active, after: active } },
      detail: active ? null : `ended ${ended} session(s)`,
    });
  });
}

/** Lifts a lockout before it expires. */
export async function unlockUser(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const u = await lockTarget(tx, ctx, id, version);
    await tx
      .update(users)
      .set({ lockedUntil: null, failedLoginCount: 0, firstFailedAt: null, version: u.version + 1, updatedAt: ctx.now })
      .where(eq(users.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      changes: { lockedUntil: { before: u.lockedUntil?.toISOString() ?? null, after: null } },
    });
  });
}
