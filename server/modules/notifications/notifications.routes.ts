import { notificationsContract } from '../../../core/notifications/notifications.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { markAllNotificationsRead, markNotificationRead } from './commands/manage-inbox.ts';
import { retryNotificationDelivery } from './commands/retry-notification-delivery.ts';
import { saveEmailChannel, saveNotificationRules, saveWebhookChannel } from './commands/save-notification-settings.ts';
import { sendTestNotification } from './commands/send-test-notification.ts';
import { updateNotificationPreferences } from './commands/update-notification-preferences.ts';
import { listInbox, listOutbox, notificationSettingsView, preferencesOf, unreadCount } from './queries/notifications.ts';

function userIdOf(actor: Actor): string {
  if (!actor.userId) throw new AppError('unauthenticated');
  return actor.userId;
}

/** 通知: the signed-in user's inbox and preferences, and the channel administration. */
export function notificationsRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, notificationsContract, {
    // ---------- the signed-in user's inbox and preferences ----------
    unreadCount: async ({ ctx }) => ({ count: await unreadCount(ctx.db, userIdOf(ctx.actor)) }),
    inbox: async ({ ctx, query }) => listInbox(ctx.db, userIdOf(ctx.actor), ctx.actor.locale, query),
    markRead: async ({ ctx, params }) => {
      await markNotificationRead(ctx, params.id);
      return { ok: true as const };
    },
    markAllRead: async ({ ctx }) => ({ ok: true as const, count: await markAllNotificationsRead(ctx) }),
    preferences: async ({ ctx }) => preferencesOf(ctx.db, userIdOf(ctx.actor), ctx.actor.locale),
    updatePreferences: async ({ ctx, body }) => {
      await updateNotificationPreferences(ctx, body);
      return preferencesOf(ctx.db, userIdOf(ctx.actor), ctx.actor.locale);
    },
    // ---------- administration ----------
    settings: async ({ ctx }) => notificationSettingsView(ctx.db),
    saveEmail: async ({ ctx, body }) => {
      await saveEmailChannel(ctx, body);
      return notificationSettingsView(ctx.db);
    },
    saveWebhook: async ({ ctx, params, body }) => {
      await saveWebhookChannel(ctx, params.channel, body);
      return notificationSettingsView(ctx.db);
    },
    testChannel: async ({ ctx, params, body }) => sendTestNotification(ctx, params.channel, body.to),
    saveRules: async ({ ctx, body }) => {
      await saveNotificationRules(ctx, body);
      return notificationSettingsView(ctx.db);
    },
    outbox: async ({ ctx, query }) => listOutbox(ctx.db, ctx.actor.locale, query),
    retryDelivery: async ({ ctx, params }) => {
      await retryNotificationDelivery(ctx, params.id);
      return { ok: true as const };
    },
  });
}
