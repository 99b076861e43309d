import { z } from 'zod';
import { pageOf, PageQuery } from '../schemas/common.schema.ts';

/** Delivery channels: the in-app inbox, e-mail (SMTP), WeCom and DingTalk group robots. */
export const CHANNELS = ['inapp', 'email', 'wecom', 'dingtalk'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ChannelSchema = z.enum(CHANNELS);
export const EXTERNAL_CHANNELS = ['email', 'wecom', 'dingtalk'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];
export const ExternalChannelSchema = z.enum(EXTERNAL_CHANNELS);

// ---------- inbox ----------
export const NotificationView = z.object({
  id: z.string(),
  eventType: z.string(),
  eventLabel: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  major: z.boolean(),
  cc: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const InboxQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});

export const InboxPage = pageOf(NotificationView).extend({ unread: z.number().int() });

export const UnreadCount = z.object({ count: z.number().int() });

export const ReadAllResult = z.object({ ok: z.literal(true), count: z.number().int() });

// ---------- preferences ----------
export const PreferencesView = z.object({
  dailyDigest: z.boolean(),
  digestTime: z.string(),
  version: z.number().int(),
  /** whether the channel can reach this user now (configured by an admin; e-mail needs an address) */
  channels: z.array(z.object({ channel: ChannelSchema, available: z.boolean() })),
  eventTypes: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      major: z.boolean(),
      defaults: z.array(ChannelSchema),
      enabled: z.array(ChannelSchema),
    }),
  ),
});
export type PreferencesView = z.infer<typeof PreferencesView>;

export const UpdatePreferencesBody = z.object({
  version: z.number().int().min(0),
  dailyDigest: z.boolean().optional(),
  items: z
    .array(
      z.object({
        eventType: z.string().min(1).max(100),
        channel: ChannelSchema,
        enabled: z.boolean(),
      }),
    )
    .max(2000)
    .optional(),
});

// ---------- administration ----------
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

export const EmailChannelView = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string(),
  passwordSet: z.boolean(),
  from: z.string(),
  version: z.number().int(),
});
export const WebhookChannelView = z.object({
  enabled: z.boolean(),
  /** the webhook address with its key masked; never the full secret */
  webhookUrlMasked: z.string().nullable(),
  secretSet: z.boolean(),
  version: z.number().int(),
});
export const NotificationRulesView = z.object({
  ccRoleCodes: z.array(z.string()),
  ccUserIds: z.array(z.string()),
  digestTime: z.string(),
  publicUrl: z.string().nullable(),
  version: z.number().int(),
});
export const NotificationSettingsView = z.object({
  email: EmailChannelView,
  wecom: WebhookChannelView,
  dingtalk: WebhookChannelView,
  rules: NotificationRulesView,
});
export type NotificationSettingsView = z.infer<typeof NotificationSettingsView>;

/** A secret field: absent = keep the stored value, '' = clear it. */
export const UpdateEmailChannelBody = z
  .object({
    version: z.number().int().min(0),
    enabled: z.boolean(),
    host: z.string().trim().max(255),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: z.string().trim().max(255),
    password: z.string().max(512).optional(),
    from: z.string().trim().max(320),
  })
  .refine((b) => !b.enabled || (b.host.length > 0 && b.from.length > 0), {
    message: 'host and from are required when enabled',
    path: ['host'],
  });

export const UpdateWebhookChannelBody = z.object({
  version: z.number().int().min(0),
  enabled: z.boolean(),
  webhookUrl: z.union([httpUrl, z.literal('')]).optional(),
  secret: z.string().trim().max(512).optional(),
});

export const UpdateNotificationRulesBody = z.object({
  version: z.number().int().min(0),
  ccRoleCodes: z.array(z.string().min(1).max(64)).max(50),
  ccUserIds: z.array(z.string().uuid()).max(200),
  digestTime: clock,
  publicUrl: z.union([httpUrl, z.literal('')]).nullable(),
});

export const TestChannelBody = z.object({
  /** e-mail only: the address to send to (default: the administrator's own) */
  to: z.string().trim().email().max(254).optional(),
});
export const TestChannelResult = z.object({ ok: z.boolean(), error: z.string().nullable() });

export const OUTBOX_STATUSES = ['pending', 'sent', 'skipped', 'dead'] as const;
export const OutboxItemView = z.object({
  id: z.string(),
  channel: ExternalChannelSchema,
  eventType: z.string(),
  eventLabel: z.string(),
  recipientName: z.string().nullable(),
  title: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;
export const OutboxQuery = PageQuery.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: ExternalChannelSchema.optional(),
});
export const OutboxPage = pageOf(OutboxItemView);
