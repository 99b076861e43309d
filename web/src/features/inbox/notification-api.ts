/**
 * Types of the notification and background-job endpoints; the endpoints come from
 * core/notifications/notifications.contract.ts and core/jobs/jobs.contract.ts.
 */
import type { z } from 'zod';
import type * as N from '../../../../core/notifications/notifications.schema.ts';
import type * as J from '../../../../core/jobs/jobs.schema.ts';

export type Channel = N.Channel;
export type ExternalChannel = N.ExternalChannel;
export type NotificationItem = z.infer<typeof N.NotificationView>;
export type InboxPage = z.infer<typeof N.InboxPage>;
export type InboxQuery = Partial<z.infer<typeof N.InboxQuery>>;
export type UnreadCount = z.infer<typeof N.UnreadCount>;
export type ReadAllResult = z.infer<typeof N.ReadAllResult>;
export type Preferences = z.infer<typeof N.PreferencesView>;
export type UpdatePreferencesBody = z.input<typeof N.UpdatePreferencesBody>;
export type NotificationSettings = z.infer<typeof N.NotificationSettingsView>;
export type UpdateEmailChannelBody = z.input<typeof N.UpdateEmailChannelBody>;
export type UpdateWebhookChannelBody = z.input<typeof N.UpdateWebhookChannelBody>;
export type UpdateNotificationRulesBody = z.input<typeof N.UpdateNotificationRulesBody>;
export type TestChannelBody = z.input<typeof N.TestChannelBody>;
export type TestChannelResult = z.infer<typeof N.TestChannelResult>;
export type OutboxItem = z.infer<typeof N.OutboxItemView>;
export type OutboxPage = z.infer<typeof N.OutboxPage>;
export type OutboxQuery = Partial<z.infer<typeof N.OutboxQuery>>;
export type OutboxStatus = OutboxItem['status'];
export type Job = z.infer<typeof J.JobView>;
export type JobPage = z.infer<typeof J.JobPage>;
export type JobQuery = Partial<z.infer<typeof J.JobQuery>>;
export type JobStatus = Job['status'];
export type Schedule = z.infer<typeof J.ScheduleView>;

export const CHANNEL_LIST: readonly Channel[] = ['inapp', 'email', 'wecom', 'dingtalk'];
