import { AppError } from '../../../../core/errors.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import {
  loadEmailSettings,
  loadRules,
  loadWebhookSettings,
  saveSection,
  SETTING_KEYS,
  type EmailSettings,
  type NotificationRules,
  type WebhookSettings,
} from '../../../notifications/settings.ts';
import { roles, users } from '../../../db/schema.ts';
import { inArray } from 'drizzle-orm';
import { parseClock } from '../../../../core/calendar/working-calendar.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';

/** Secret fields: absent keeps the stored value, '' clears it, anything else replaces it. */
function secret(input: string | undefined, stored: string): string {
  return input === undefined ? stored : input;
}

/** An administrator configures the SMTP server notifications are e-mailed through. */
export async function saveEmailChannel(
  ctx: Ctx,
  input: {
    version: number;
    enabled: boolean;
    host: string;
    port: number;
    secure: boolean;
    user: string;
    password?: string | undefined;
    from: string;
  },
): Promise<void> {
  requirePermission(ctx.actor, 'notification.admin');
  await ctx.db.transaction(async (tx) => {
    const current = await loadEmailSettings(tx);
    checkVersion(current, input.version);
    const next: EmailSettings = {
      enabled: input.enabled,
      host: input.host,
      port: input.port,
      secure: input.secure,
      user: input.user,
      password: secret(input.password, current.password),
      from: input.from,
    };
    const changes = diffFields(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>, ['password']);
    if (!changes) return;
    await saveSection(tx, SETTING_KEYS.email, next, current.version, ctx.now);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'notification.channel_update',
      entityType: 'settings',
      entityId: SETTING_KEYS.email,
      changes,
    });
  });
}

/** An administrator configures a WeCom or DingTalk group robot (webhook address, DingTalk secret). */
export async function saveWebhookChannel(
  ctx: Ctx,
  channel: 'wecom' | 'dingtalk',
  input: { version: number; enabled: boolean; webhookUrl?: string | undefined; secret?: string | undefined },
): Promise<void> {
  requirePermission(ctx.actor, 'notification.admin');
  await ctx.db.transaction(async (tx) => {
    const current = await loadWebhookSettings(tx, channel);
    checkVersion(current, input.version);
    const next: WebhookSettings = {
      enabled: input.enabled,
      webhookUrl: secret(input.webhookUrl, current.webhookUrl),
      secret: channel === 'dingtalk' ? secret(input.secret, current.secret) : '',
    };
    if (next.enabled && !next.webhookUrl) {
      throw fieldErrors(ctx.actor.locale, { webhookUrl: { zh: '启用时必须填写 Webhook 地址', en: 'required when enabled' } });
    }
    const changes = diffFields(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>, [
      'webhookUrl',
      'secret',
    ]);
    if (!changes) return;
    await saveSection(tx, SETTING_KEYS[channel], next, current.version, ctx.now);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'notification.channel_update',
      entityType: 'settings',
      entityId: SETTING_KEYS[channel],
      changes,
    });
  });
}

/** The CC rule for major events (default: the general manager role), the digest time and the public address. */
export async function saveNotificationRules(
  ctx: Ctx,
  input: { version: number; ccRoleCodes: string[]; ccUserIds: string[]; digestTime: string; publicUrl: string | null },
): Promise<void> {
  requirePermission(ctx.actor, 'notification.admin');
  parseClock(input.digestTime);
  await ctx.db.transaction(async (tx) => {
    const current = await loadRules(tx);
    checkVersion(current, input.version);
    const ccRoleCodes = [...new Set(input.ccRoleCodes)].sort();
    const ccUserIds = [...new Set(input.ccUserIds)].sort();
    if (ccRoleCodes.length) {
      const found = await tx.select({ code: roles.code }).from(roles).where(inArray(roles.code, ccRoleCodes));
      if (found.length !== ccRoleCodes.length)
        throw new AppError('validation_failed', {}, { fields: { 'body.ccRoleCodes': 'unknown role' } });
    }
    if (ccUserIds.length) {
      const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, ccUserIds));
      if (found.length !== ccUserIds.length) throw new AppError('validation_failed', {}, { fields: { 'body.ccUserIds': 'unknown user' } });
    }
    const next: NotificationRules = {
      ccRoleCodes,
      ccUserIds,
      digestTime: input.digestTime,
      publicUrl: input.publicUrl ? input.publicUrl.replace(/\/+$/, '') : null,
    };
    const changes = diffFields(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
    if (!changes) return;
    await saveSection(tx, SETTING_KEYS.rules, next, current.version, ctx.now);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'notification.rules_update',
      entityType: 'settings',
      entityId: SETTING_KEYS.rules,
      changes,
    });
  });
}
