import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';

/**
 * Notification settings an administrator edits at run time, stored in the `settings` table
 * (one key per section, each with its own version). Secrets (SMTP password, webhook keys,
 * DingTalk secret) are stored here and never returned in full by the API.
 */
export const SETTING_KEYS = {
  email: 'notification.channel.email',
  wecom: 'notification.channel.wecom',
  dingtalk: 'notification.channel.dingtalk',
  rules: 'notification.rules',
} as const;

export interface EmailSettings {
  enabled: boolean;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

export interface WebhookSettings {
  enabled: boolean;
  webhookUrl: string;
  /** DingTalk "加签" secret; unused for WeCom */
  secret: string;
}

export interface NotificationRules {
  /** users holding these roles are copied on events marked major (seed 000: CC the GM) */
  ccRoleCodes: string[];
  ccUserIds: string[];
  /** Asia/Shanghai wall-clock time of the daily digest, HH:mm */
  digestTime: string;
  /** the address users reach the system at, for links in e-mails and robot messages */
  publicUrl: string | null;
}

export const DEFAULT_EMAIL: EmailSettings = { enabled: false, host: '', port: 465, secure: true, user: '', password: '', from: '' };
export const DEFAULT_WEBHOOK: WebhookSettings = { enabled: false, webhookUrl: '', secret: '' };
export const DEFAULT_RULES: NotificationRules = { ccRoleCodes: ['general_manager'], ccUserIds: [], digestTime: '18:00', publicUrl: null };

export type Versioned<T> = T & { version: number };

async function load<T extends object>(db: Db, key: string, defaults: T): Promise<Versioned<T>> {
  const rows = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  const row = rows[0];
  if (!row) return { ...defaults, version: 0 };
  const stored = (row.value ?? {}) as Partial<T>;
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const k of Object.keys(defaults)) {
    const v = (stored as Record<string, unknown>)[k];
    const d = (defaults as Record<string, unknown>)[k];
    if (v !== undefined && (d === null || v === null || typeof v === typeof d)) out[k] = v;
  }
  return { ...(out as T), version: row.version };
}

export function loadEmailSettings(db: Db): Promise<Versioned<EmailSettings>> {
  return load(db, SETTING_KEYS.email, DEFAULT_EMAIL);
}

export function loadWebhookSettings(db: Db, channel: 'wecom' | 'dingtalk'): Promise<Versioned<WebhookSettings>> {
  return load(db, SETTING_KEYS[channel], DEFAULT_WEBHOOK);
}

export function loadRules(db: Db): Promise<Versioned<NotificationRules>> {
  return load(db, SETTING_KEYS.rules, DEFAULT_RULES);
}

/** Writes a settings section, creating it on first save; the caller has checked the version. */
export async function saveSection(tx: Db, key: string, value: object, currentVersion: number, now: Date): Promise<void> {
  if (currentVersion === 0) {
    await tx.insert(settings).values({ key, value, version: 1, updatedAt: now });
  } else {
    await tx
      .update(settings)
      .set({ value, version: currentVersion + 1, updatedAt: now })
      .where(eq(settings.key, key));
  }
}

/** Shows where a webhook points without its key: every query value keeps only its last 4 characters. */
export function maskUrl(url: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const params = [...u.searchParams.entries()].map(([k, v]) => `${k}=****${v.length > 8 ? v.slice(-4) : ''}`);
    return `${u.origin}${u.pathname}${params.length ? `?${params.join('&')}` : ''}`;
  } catch {
    return '****';
  }
}

/** An app path as an absolute link when the public address is configured. */
export function absoluteLink(link: string | null, publicUrl: string | null): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link) || !publicUrl) return link;
  return `${publicUrl.replace(/\/+$/, '')}${link.startsWith('/') ? '' : '/'}${link}`;
}
