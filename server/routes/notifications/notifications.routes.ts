import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { OkBody } from '../../../core/schemas/common.schema.ts';
import {
  ExternalChannelSchema, InboxPage, InboxQuery, NotificationSettingsView, OutboxPage, OutboxQuery, PreferencesView, ReadAllResult,
  TestChannelBody, TestChannelResult, UnreadCount, UpdateEmailChannelBody, UpdateNotificationRulesBody, UpdatePreferencesBody,
  UpdateWebhookChannelBody,
} from '../../../core/schemas/notifications.schema.ts';
import { markAllNotificationsRead, markNotificationRead } from '../../commands/manage-inbox.ts';
import { updateNotificationPreferences } from '../../commands/update-notification-preferences.ts';
import { saveEmailChannel, saveNotificationRules, saveWebhookChannel } from '../../commands/save-notification-settings.ts';
import { sendTestNotification } from '../../commands/send-test-notification.ts';
import { retryNotificationDelivery } from '../../commands/retry-background-work.ts';
import { listInbox, listOutbox, notificationSettingsView, preferencesOf, unreadCount } from '../../queries/notifications.ts';
import '../../notifications/event-types.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['notifications'];
const IdParams = z.object({ id: z.string().uuid() });
const WebhookParams = z.object({ channel: z.enum(['wecom', 'dingtalk']) });
const ChannelParams = z.object({ channel: ExternalChannelSchema });

function userIdOf(actor: Actor): string {
  if (!actor.userId) throw new AppError('unauthenticated');
  return actor.userId;
}

export async function notificationsRoutes(api: Api, services: AppServices) {
  // ---------- the signed-in user's inbox and preferences ----------
  api.get('/notifications/unread-count', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '未读通知数 Unread count', response: { 200: UnreadCount, ...errorResponses } },
  }, async (req) => ({ count: await unreadCount(services.db, userIdOf(req.actor)) }));

  api.get('/notifications', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的通知 My notifications', querystring: InboxQuery, response: { 200: InboxPage, ...errorResponses } },
  }, async (req) => listInbox(services.db, userIdOf(req.actor), req.actor.locale, req.query));

  api.post('/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '标记已读 Mark read', params: IdParams, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await markNotificationRead(ctxOf(req, services), req.params.id);
    return { ok: true as const };
  });

  api.post('/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '全部标记已读 Mark all read', response: { 200: ReadAllResult, ...errorResponses } },
  }, async (req) => ({ ok: true as const, count: await markAllNotificationsRead(ctxOf(req, services)) }));

  api.get('/notifications/preferences', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '通知偏好 Notification preferences', response: { 200: PreferencesView, ...errorResponses } },
  }, async (req) => preferencesOf(services.db, userIdOf(req.actor), req.actor.locale));

  api.put('/notifications/preferences', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '修改通知偏好 Update preferences', body: UpdatePreferencesBody, response: { 200: PreferencesView, ...errorResponses } },
  }, async (req) => {
    await updateNotificationPreferences(ctxOf(req, services), req.body);
    return preferencesOf(services.db, userIdOf(req.actor), req.actor.locale);
  });

  // ---------- administration ----------
  const admin = { access: { permission: 'notification.admin' as const } };

  api.get('/notifications/admin/settings', {
    config: admin,
    schema: { tags, summary: '通知渠道与规则 Channel settings and rules', response: { 200: NotificationSettingsView, ...errorResponses } },
  }, async () => notificationSettingsView(services.db));

  api.put('/notifications/admin/channels/email', {
    config: admin,
    schema: { tags, summary: '邮件（SMTP）设置 E-mail settings', body: UpdateEmailChannelBody, response: { 200: NotificationSettingsView, ...errorResponses } },
  }, async (req) => {
    await saveEmailChannel(ctxOf(req, services), req.body);
    return notificationSettingsView(services.db);
  });

  api.put('/notifications/admin/channels/:channel', {
    config: admin,
    schema: {
      tags, summary: '企业微信 / 钉钉机器人设置 WeCom / DingTalk robot settings', params: WebhookParams, body: UpdateWebhookChannelBody,
      response: { 200: NotificationSettingsView, ...errorResponses },
    },
  }, async (req) => {
    await saveWebhookChannel(ctxOf(req, services), req.params.channel, req.body);
    return notificationSettingsView(services.db);
  });

  api.post('/notifications/admin/channels/:channel/test', {
    config: admin,
    schema: { tags, summary: '发送测试消息 Send a test message', params: ChannelParams, body: TestChannelBody, response: { 200: TestChannelResult, ...errorResponses } },
  }, async (req) => sendTestNotification(ctxOf(req, services), req.params.channel, req.body.to));

  api.put('/notifications/admin/rules', {
    config: admin,
    schema: { tags, summary: '抄送规则与每日摘要 CC rule and digest', body: UpdateNotificationRulesBody, response: { 200: NotificationSettingsView, ...errorResponses } },
  }, async (req) => {
    await saveNotificationRules(ctxOf(req, services), req.body);
    return notificationSettingsView(services.db);
  });

  api.get('/notifications/admin/outbox', {
    config: admin,
    schema: { tags, summary: '发送记录与死信 Outbox and dead letters', querystring: OutboxQuery, response: { 200: OutboxPage, ...errorResponses } },
  }, async (req) => listOutbox(services.db, req.actor.locale, req.query));

  api.post('/notifications/admin/outbox/:id/retry', {
    config: admin,
    schema: { tags, summary: '重新发送 Retry a dead letter', params: IdParams, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await retryNotificationDelivery(ctxOf(req, services), req.params.id);
    return { ok: true as const };
  });
}
