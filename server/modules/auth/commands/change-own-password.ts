import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { users } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { assertPasswordPolicy } from '../../../auth/enforce-password-policy.ts';
import { hashPassword, verifyPassword } from '../../../auth/passwords.ts';
import { loadPasswordPolicy } from '../../../auth/security-settings.ts';
import { endUserSessions } from '../../../auth/sessions.ts';
import type { Ctx } from '../../../kernel/context.ts';

/**
 * A user changes their own password (also the forced first-login change). Other sessions of
 * the user end; the current one stays.
 */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('unauthenticated');
  const rows = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  const user = rows[0];
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await ctx.db.transaction((tx) =>
      appendAudit(tx, ctx.actor, ctx.now, {
        action: 'user.password_change',
        entityType: 'user',
        entityId: userId,
        result: 'failure',
        detail: 'wrong_current_password',
      }),
    );
    throw new AppError('password_wrong', {}, { fields: { 'body.currentPassword': 'wrong' } });
  }
  const policy = await loadPasswordPolicy(ctx.db);
  assertPasswordPolicy(newPassword, policy, ctx.actor.locale, user.username);
  if (await verifyPassword(user.passwordHash, newPassword)) throw new AppError('password_reused');
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.now, mustChangePassword: false, version: user.version + 1, updatedAt: ctx.now })
      .where(eq(users.id, userId));
    const ended = await endUserSessions(tx, userId, ctx.actor.sessionIdHash);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: userId,
      changes: { password: { before: '***', after: '***' } },
      detail: ended ? `ended ${ended} other session(s)` : null,
    });
  });
}
