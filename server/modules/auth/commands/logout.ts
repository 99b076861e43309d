import { appendAudit } from '../../../audit/audit-log.ts';
import { deleteSession } from '../../../auth/sessions.ts';
import type { Ctx } from '../../../kernel/context.ts';

/**
 * Signs a browser session out: the session row goes and the sign-out is audited, in one
 * transaction. A call without a session cookie (or by an API token) has nothing to end.
 */
export async function logout(ctx: Ctx, sessionId: string | undefined): Promise<void> {
  const actor = ctx.actor;
  if (!sessionId || actor.kind !== 'user') return;
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await appendAudit(tx, actor, ctx.now, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}
