import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { OkBody } from '../schemas/common.schema.ts';
import {
  ExternalChannelSchema,
  InboxPage,
  InboxQuery,
  NotificationSettingsView,
  OutboxPage,
  OutboxQuery,
  PreferencesView,
  ReadAllResult,
  TestChannelBody,
  TestChannelResult,
  UnreadCount,
  UpdateEmailChannelBody,
  UpdateNotificationRulesBody,
  UpdatePreferencesBody,
  UpdateWebhookChannelBody,
} from './notifications.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });
const WebhookParams = z.object({ channel: z.enum(['wecom', 'dingtalk']) });
const ChannelParams = z.object({ channel: ExternalChannelSchema });
const me = 'authenticated' as const;
const admin = { permission: 'notification.admin' } as const;

/** 通知: the signed-in user's inbox and preferences, and the channel administration. */
export const notificationsContract = defineContract('notifications', {
  // ---------- the signed-in user's inbox and preferences ----------
  unreadCount: {
    method: 'GET',
    path: '/notifications/unread-count',
    summary: '未读通知数 Unread count',
    access: me,
    response: UnreadCount,
  },
  inbox: {
    method: 'GET',
    path: '/notifications',
    summary: '我的通知 My notifications',
    access: me,
    query: InboxQuery,
    response: InboxPage,
  },
  markRead: {
    method: 'POST',
    path: '/notifications/:id/read',
    summary: '标记已读 Mark read',
    access: me,
    params: IdParams,
    response: OkBody,
  },
  markAllRead: {
    method: 'POST',
    path: '/notifications/read-all',
    summary: '全部标记已读 Mark all read',
    access: me,
    response: ReadAllResult,
  },
  preferences: {
    method: 'GET',
    path: '/notifications/preferences',
    summary: '通知偏好 Notification preferences',
    access: me,
    response: PreferencesView,
  },
  updatePreferences: {
    method: 'PUT',
    path: '/notifications/preferences',
    summary: '修改通知偏好 Update preferences',
    access: me,
    body: UpdatePreferencesBody,
    response: PreferencesView,
  },
  // ---------- administration ----------
  settings: {
    method: 'GET',
    path: '/notifications/admin/settings',
    summary: '通知渠道与规则 Channel settings and rules',
    access: admin,
    response: NotificationSettingsView,
  },
  saveEmail: {
    method: 'PUT',
    path: '/notifications/admin/channels/email',
    summary: '邮件（SMTP）设置 E-mail settings',
    access: admin,
    body: UpdateEmailChannelBody,
    response: NotificationSettingsView,
  },
  saveWebhook: {
    method: 'PUT',
    path: '/notifications/admin/channels/:channel',
    summary: '企业微信 / 钉钉机器人设置 WeCom / DingTalk robot settings',
    access: admin,
    params: WebhookParams,
    body: UpdateWebhookChannelBody,
    response: NotificationSettingsView,
  },
  testChannel: {
    method: 'POST',
    path: '/notifications/admin/channels/:channel/test',
    summary: '发送测试消息 Send a test message',
    access: admin,
    params: ChannelParams,
    body: TestChannelBody,
    response: TestChannelResult,
  },
  saveRules: {
    method: 'PUT',
    path: '/notifications/admin/rules',
    summary: '抄送规则与每日摘要 CC rule and digest',
    access: admin,
    body: UpdateNotificationRulesBody,
    response: NotificationSettingsView,
  },
  outbox: {
    method: 'GET',
    path: '/notifications/admin/outbox',
    summary: '发送记录与死信 Outbox and dead letters',
    access: admin,
    query: OutboxQuery,
    response: OutboxPage,
  },
  retryDelivery: {
    method: 'POST',
    path: '/notifications/admin/outbox/:id/retry',
    summary: '重新发送 Retry a dead letter',
    access: admin,
    params: IdParams,
    response: OkBody,
  },
});
