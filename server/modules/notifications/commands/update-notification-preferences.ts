import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { Channel } from '../../../../core/notifications/notifications.schema.ts';
import { notificationPreferences, notificationUserSettings } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { getEventType } from '../../../notifications/notify.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';

export interface UpdatePreferencesInput {
  version: number;
  dailyDigest?: boolean | undefined;
  items?: Array<{ eventType: string; channel: Channel; enabled: boolean }> | undefined;
}

/** A user chooses, per event type and channel, how they are notified, and whether they get a daily digest. */
export async function updateNotificationPreferences(ctx: Ctx, input: UpdatePreferencesInput): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('unauthenticated');
  // one choice per event type and channel (the last one wins)
  const items = [...new Map((input.items ?? []).map((i) => [`${i.eventType}/${i.channel}`, i])).values()];
  const unknown = items.filter((i) => !getEventType(i.eventType));
  if (unknown.length) {
    throw new AppError(
      'validation_failed',
      {},
      { fields: { 'body.items': `unknown event type ${unknown.map((u) => u.eventType).join(', ')}` } },
    );
  }
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(notificationUserSettings)
      .where(eq(notificationUserSettings.userId, userId))
      .limit(1)
      .for('update');
    const version = current?.version ?? 0; // 0: the user has not saved preferences yet
    checkVersion({ version }, input.version);
    const dailyDigest = input.dailyDigest ?? current?.dailyDigest ?? false;
    if (current) {
      await tx
        .update(notificationUserSettings)
        .set({ dailyDigest, version: version + 1, updatedAt: ctx.now })
        .where(eq(notificationUserSettings.userId, userId));
    } else {
      await tx.insert(notificationUserSettings).values({ userId, dailyDigest, version: 1, updatedAt: ctx.now });
    }
    if (items.length) {
      await tx
        .insert(notificationPreferences)
        .values(items.map((i) => ({ userId, eventType: i.eventType, channel: i.channel, enabled: i.enabled })))
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.eventType, notificationPreferences.channel],
          set: { enabled: sql`excluded.enabled` },
        });
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'notification.preferences_update',
      entityType: 'user',
      entityId: userId,
      changes: {
        ...(input.dailyDigest !== undefined && input.dailyDigest !== (current?.dailyDigest ?? false)
          ? { dailyDigest: { before: current?.dailyDigest ?? false, after: input.dailyDigest } }
          : {}),
        ...(items.length
          ? { preferences: { before: null, after: items.map((i) => `${i.eventType}/${i.channel}=${i.enabled ? 'on' : 'off'}`) } }
          : {}),
      },
    });
  });
}
