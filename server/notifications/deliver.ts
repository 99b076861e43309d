import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { parseClock, shanghaiDate, shanghaiInstant, toShanghaiIso } from '../../core/calendar/working-calendar.ts';
import type { Db } from '../db/client.ts';
import { notificationOutbox, notifications, notificationUserSettings, users } from '../db/schema.ts';
import { enqueueJob, PermanentJobError, type JobContext } from '../jobs/runner.ts';
import type { JobDef, ScheduleDef } from '../modules/define-module.ts';
import { composeMail, sendMail } from './channels/email.ts';
import { sendDingtalk, sendWecom } from './channels/webhook.ts';
import { absoluteLink, loadEmailSettings, loadRules, loadWebhookSettings } from './settings.ts';

/**
 * Delivery workers. Each outbox row is sent by one `notification.deliver` job; a failure is
 * retried with backoff (30 s, 1 min, 2 min, 4 min) and after the last attempt the row is
 * dead-lettered for an administrator to retry. A row already sent is never sent again.
 */
export const DELIVER_JOB = 'notification.deliver';
export const DELIVER_MAX_ATTEMPTS = 5;
export const DIGEST_SCHEDULE = 'notification.digest';
export const DIGEST_EVENT = 'notification.digest';

export function deliverJobKey(outboxId: string): string {
  return `${DELIVER_JOB}:${outboxId}`;
}

export function deliverBackoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

type OutboxRow = typeof notificationOutbox.$inferSelect;

/** Sends one outbox row over its channel with the settings in force now. */
export async function sendOutboxRow(db: Db, row: OutboxRow): Promise<'sent' | 'skipped'> {
  const rules = await loadRules(db);
  const link = absoluteLink(row.link, rules.publicUrl);
  switch (row.channel) {
    case 'email': {
      const cfg = await loadEmailSettings(db);
      if (!cfg.enabled) return 'skipped';
      const [u] = row.userId ? await db.select({ email: users.email }).from(users).where(eq(users.id, row.userId)).limit(1) : [];
      if (!u?.email) return 'skipped';
      const locale = row.locale === 'en' ? 'en' : 'zh-CN';
      await sendMail(cfg, composeMail(u.email, { title: row.title, body: row.body, link, locale, major: row.major }));
      return 'sent';
    }
    case 'wecom':
    case 'dingtalk': {
      const cfg = await loadWebhookSettings(db, row.channel);
      if (!cfg.enabled || !cfg.webhookUrl) return 'skipped';
      const mentioned = row.mentions.length
        ? await db.select({ name: users.displayName, phone: users.phone }).from(users).where(inArray(users.id, row.mentions))
        : [];
      const names = mentioned.map((m) => m.name).join('、');
      const title = `${row.major ? '【重要】' : ''}${row.title}`;
      const markdown = [`**${title}**`, '', row.body, names ? `\n> 接收人：${names}` : '', link ? `\n[查看详情](${link})` : ''].join('\n');
      if (row.channel === 'wecom') await sendWecom(cfg.webhookUrl, { title, markdown, atMobiles: [] });
      else
        await sendDingtalk(cfg.webhookUrl, cfg.secret, {
          title,
          markdown,
          atMobiles: mentioned.flatMap((m) => (m.phone ? [m.phone] : [])),
        });
      return 'sent';
    }
    default:
      throw new PermanentJobError(`unknown channel ${row.channel}`);
  }
}

async function deliver(payload: { outboxId: string }, ctx: JobContext): Promise<void> {
  const [row] = await ctx.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, payload.outboxId)).limit(1);
  if (!row) throw new PermanentJobError(`outbox row ${payload.outboxId} not found`);
  if (row.status === 'sent' || row.status === 'skipped') return;
  let outcome: 'sent' | 'skipped';
  try {
    outcome = await sendOutboxRow(ctx.db, row);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
    const last = ctx.attempt >= DELIVER_MAX_ATTEMPTS || e instanceof PermanentJobError;
    await ctx.db
      .update(notificationOutbox)
      .set({ status: last ? 'dead' : 'pending', attempts: ctx.attempt, lastError: message, updatedAt: ctx.now })
      .where(eq(notificationOutbox.id, row.id));
    throw e;
  }
  await ctx.db
    .update(notificationOutbox)
    .set({
      status: outcome,
      attempts: ctx.attempt,
      sentAt: outcome === 'sent' ? ctx.now : null,
      updatedAt: ctx.now,
      lastError: outcome === 'skipped' ? 'channel disabled or no address' : null,
    })
    .where(eq(notificationOutbox.id, row.id));
}

/** The delivery job (the notifications module lists it; installModules hands it to the runner). */
export const deliverJob: JobDef = { name: DELIVER_JOB, handler: deliver, maxAttempts: DELIVER_MAX_ATTEMPTS, backoffMs: deliverBackoffMs };

const DIGEST_TEXT = {
  'zh-CN': { title: (d: string, n: number) => `每日摘要：${d} 共 ${n} 条通知`, more: '登录系统查看全部通知。' },
  en: { title: (d: string, n: number) => `Daily digest: ${n} notification(s) on ${d}`, more: 'Sign in to see all notifications.' },
} as const;

/**
 * The daily digest: after the configured time (Asia/Shanghai), every user who asked for it gets
 * one e-mail listing the day's in-app notifications. Runs every few minutes; a day is sent at
 * most once per user (`last_digest_date`, checked under a row lock).
 */
export async function runDigest(db: Db, now: Date): Promise<number> {
  const rules = await loadRules(db);
  const email = await loadEmailSettings(db);
  if (!email.enabled) return 0;
  const today = shanghaiDate(now);
  if (now.getTime() < shanghaiInstant(today, parseClock(rules.digestTime)).getTime()) return 0;
  const dayStart = shanghaiInstant(today, 0);
  const due = await db
    .select({ userId: notificationUserSettings.userId })
    .from(notificationUserSettings)
    .innerJoin(users, eq(users.id, notificationUserSettings.userId))
    .where(
      and(
        eq(notificationUserSettings.dailyDigest, true),
        eq(users.active, true),
        or(isNull(notificationUserSettings.lastDigestDate), lt(notificationUserSettings.lastDigestDate, today)),
      ),
    );
  let sent = 0;
  for (const { userId } of due) {
    await db.transaction(async (tx) => {
      const [s] = await tx
        .select()
        .from(notificationUserSettings)
        .where(eq(notificationUserSettings.userId, userId))
        .limit(1)
        .for('update');
      if (!s || !s.dailyDigest || (s.lastDigestDate !== null && s.lastDigestDate >= today)) return;
      await tx.update(notificationUserSettings).set({ lastDigestDate: today }).where(eq(notificationUserSettings.userId, userId));
      const [u] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
      if (!u?.email) return;
      const items = await tx
        .select({ title: notifications.title, createdAt: notifications.createdAt, readAt: notifications.readAt })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), gte(notifications.createdAt, dayStart), lte(notifications.createdAt, now)))
        .orderBy(asc(notifications.createdAt))
        .limit(200);
      if (items.length === 0) return;
      const locale = u.locale === 'en' ? 'en' : 'zh-CN';
      const t = DIGEST_TEXT[locale];
      const lines = items.map(
        (i) => `${toShanghaiIso(i.createdAt).slice(11, 16)}  ${i.title}${i.readAt ? '' : locale === 'en' ? ' (unread)' : '（未读）'}`,
      );
      const [row] = await tx
        .insert(notificationOutbox)
        .values({
          channel: 'email',
          eventType: DIGEST_EVENT,
          userId,
          title: t.title(today, items.length),
          body: `${lines.join('\n')}\n\n${t.more}`,
          link: '/inbox',
          locale,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: notificationOutbox.id });
      if (!row) return;
      await enqueueJob(tx, DELIVER_JOB, { outboxId: row.id }, { idempotencyKey: deliverJobKey(row.id) });
      sent++;
    });
  }
  return sent;
}

/** The daily digest, looked at every five minutes (listed by the notifications module). */
export const digestSchedule: ScheduleDef = {
  name: DIGEST_SCHEDULE,
  everyMs: 5 * 60_000,
  handler: async (ctx) => {
    await runDigest(ctx.db, ctx.now);
  },
};
