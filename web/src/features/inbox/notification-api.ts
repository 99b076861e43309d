/**
 * The notification and background-job endpoints, added to the typed API contract by interface
 * merging (see shared/api/routes.ts), with their request and response types from core schemas.
 */
import type { z } from 'zod';
import type * as N from '../../../../core/schemas/notifications.schema.ts';
import type { Ok } from '../../shared/api/types.ts';

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
export type Job = z.infer<typeof N.JobView>;
export type JobPage = z.infer<typeof N.JobPage>;
export type JobQuery = Partial<z.infer<typeof N.JobQuery>>;
export type JobStatus = Job['status'];
export type Schedule = z.infer<typeof N.ScheduleView>;

export const CHANNEL_LIST: readonly Channel[] = ['inapp', 'email', 'wecom', 'dingtalk'];

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /notifications/unread-count': { res: UnreadCount };
    'GET /notifications': { query: InboxQuery; res: InboxPage };
    'POST /notifications/:id/read': { res: Ok };
    'POST /notifications/read-all': { res: ReadAllResult };
    'GET /notifications/preferences': { res: Preferences };
    'PUT /notifications/preferences': { body: UpdatePreferencesBody; res: Preferences };
    'GET /notifications/admin/settings': { res: NotificationSettings };
    'PUT /notifications/admin/channels/email': { body: UpdateEmailChannelBody; res: NotificationSettings };
    'PUT /notifications/admin/channels/:channel': { body: UpdateWebhookChannelBody; res: NotificationSettings };
    'POST /notifications/admin/channels/:channel/test': { body: TestChannelBody; res: TestChannelResult };
    'PUT /notifications/admin/rules': { body: UpdateNotificationRulesBody; res: NotificationSettings };
    'GET /notifications/admin/outbox': { query: OutboxQuery; res: OutboxPage };
    'POST /notifications/admin/outbox/:id/retry': { res: Ok };
    'GET /jobs': { query: JobQuery; res: JobPage };
    'GET /jobs/schedules': { res: Schedule[] };
    'POST /jobs/:id/retry': { res: Ok };
  }
}
