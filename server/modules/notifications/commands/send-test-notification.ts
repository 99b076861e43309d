import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { ExternalChannel } from '../../../../core/notifications/notifications.schema.ts';
import { users } from '../../../db/schema.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import { composeMail, sendMail } from '../../../notifications/channels/email.ts';
import { sendDingtalk, sendWecom } from '../../../notifications/channels/webhook.ts';
import { absoluteLink, loadEmailSettings, loadRules, loadWebhookSettings } from '../../../notifications/settings.ts';

/**
 * "Send a test message" on the channel settings screen: sends at once with the saved settings
 * (not through the outbox) and reports the peer's answer, so an administrator can tell a wrong
 * password or webhook key from a working setup.
 */
export async function sendTestNotification(
  ctx: Ctx,
  channel: ExternalChannel,
  to: string | undefined,
): Promise<{ ok: boolean; error: string | null }> {
  requirePermission(ctx.actor, 'notification.admin');
  const en = ctx.actor.locale === 'en';
  const title = en ? 'Bidflow test message' : 'Bidflow 测试消息';
  const body = en
    ? `This test message was sent by ${ctx.actor.displayName ?? ''}. If you can read it, the channel works.`
    : `这是由 ${ctx.actor.displayName ?? ''} 发送的测试消息。收到即表示该通知渠道配置正确。`;
  const link = absoluteLink('/inbox', (await loadRules(ctx.db)).publicUrl);
  try {
    if (channel === 'email') {
      const cfg = await loadEmailSettings(ctx.db);
      let address = to;
      if (!address && ctx.actor.userId) {
        const [me] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
        address = me?.email ?? undefined;
      }
      if (!address) {
        throw fieldErrors(ctx.actor.locale, {
          to: { zh: '请填写收件地址（您的个人资料中没有邮箱）', en: 'enter an address (your profile has none)' },
        });
      }
      if (!cfg.host || !cfg.from)
        return { ok: false, error: en ? 'SMTP host and sender are not configured' : '尚未配置 SMTP 服务器和发件人' };
      await sendMail(cfg, composeMail(address, { title, body, link, locale: en ? 'en' : 'zh-CN', major: false }));
    } else {
      const cfg = await loadWebhookSettings(ctx.db, channel);
      if (!cfg.webhookUrl) return { ok: false, error: en ? 'No webhook address configured' : '尚未配置 Webhook 地址' };
      const markdown = `**${title}**\n\n${body}${link ? `\n\n[Bidflow](${link})` : ''}`;
      if (channel === 'wecom') await sendWecom(cfg.webhookUrl, { title, markdown, atMobiles: [] });
      else await sendDingtalk(cfg.webhookUrl, cfg.secret, { title, markdown, atMobiles: [] });
    }
    return { ok: true, error: null };
  } catch (e) {
    if (e instanceof AppError) throw e;
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).slice(0, 500) };
  }
}
