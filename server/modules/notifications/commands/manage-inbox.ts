import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { notifications } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';

function me(ctx: Ctx): string {
  if (!ctx.actor.userId) throw new AppError('unauthenticated');
  return ctx.actor.userId;
}

/** Marks one of the caller's own notifications read; anyone else's reads as not found. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<void> {
  const userId = me(ctx);
  const [row] = await ctx.db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .limit(1);
  if (!row) throw new AppError('not_found');
  if (row.readAt) return;
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<number> {
  const userId = me(ctx);
  const res = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return res.length;
}
