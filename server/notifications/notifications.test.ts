import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '../db/client.ts';
import { jobs, notificationOutbox, notifications, settings, users } from '../db/schema.ts';
import { bootstrap } from '../commands/bootstrap.ts';
import { JobRunner } from '../jobs/runner.ts';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../test-support/test-app.ts';
import { createOrg, type OrgFixture } from '../test-support/fixtures.ts';
import { startHookPeer, startSmtpPeer, type HookPeer, type SmtpPeer } from '../test-support/notification-peers.ts';
import { testEngine } from '../test-support/test-db.ts';
import { defineEventType, notify, registerEventType } from './notify.ts';
import { DELIVER_MAX_ATTEMPTS, runDigest } from './deliver.ts';
import { dingtalkSign } from './channels/webhook.ts';

let t: TestApp;
let org: OrgFixture;
let smtp: SmtpPeer;
let wecom: HookPeer;
let dingtalk: HookPeer;
const DING_SECRET = 'SEC0123456789abcdef';

const milestone = defineEventType({
  type: 'test.milestone',
  params: ['project', 'stage', 'actor'],
  labelZh: '项目里程碑',
  labelEn: 'Project milestone',
  templates: {
    'zh-CN': { title: '项目「{project}」已进入{stage}阶段', body: '{actor} 将项目「{project}」推进到{stage}阶段。' },
    en: { title: 'Project "{project}" reached {stage}', body: '{actor} moved project "{project}" to {stage}.' },
  },
  defaultChannels: ['inapp', 'email', 'wecom', 'dingtalk'],
});

const runner = (db?: Db) => new JobRunner({ db: db ?? t.database.db, clock: () => t.clock.now });
const id = (who: string) => org.users[who]?.id ?? '';

async function raise(db: Db, recipients: string[], extra: { major?: boolean; project?: string } = {}) {
  await db.transaction(async (tx) => {
    await notify(tx, t.clock.now, {
      event: milestone,
      recipientUserIds: recipients,
      params: { project: extra.project ?? '智慧园区安防项目', stage: '投标', actor: '王经理' },
      subject: { type: 'project', id: 'p-1' },
      link: '/projects/p-1',
      ...(extra.major !== undefined ? { major: extra.major } : {}),
    });
  });
}

async function outboxOf(channel: string, title: string) {
  return t.database.db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.channel, channel), eq(notificationOutbox.title, title)));
}

beforeAll(async () => {
  registerEventType(milestone);
  t = await createTestApp();
  org = await createOrg(t);
  [smtp, wecom, dingtalk] = await Promise.all([startSmtpPeer(), startHookPeer(), startHookPeer()]);
  const db = t.database.db;
  await db
    .update(users)
    .set({ email: 'am@example.cn', phone: '13800138001' })
    .where(eq(users.id, id('am')));
  await db
    .update(users)
    .set({ email: 'gm@example.cn', phone: '13800138005' })
    .where(eq(users.id, id('gm')));
  await db
    .update(users)
    .set({ email: 'eng@example.com', locale: 'en' })
    .where(eq(users.id, id('eng')));
  const put = async (url: string, body: object) => {
    const res = await t.call('PUT', url, { cookie: org.adminCookie, body });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  await put('/api/notifications/admin/channels/email', {
    version: 0,
    enabled: true,
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: '',
    password: '',
    from: 'Bidflow <noreply@bidflow.local>',
  });
  await put('/api/notifications/admin/channels/wecom', { version: 0, enabled: true, webhookUrl: wecom.url });
  await put('/api/notifications/admin/channels/dingtalk', {
    version: 0,
    enabled: true,
    webhookUrl: dingtalk.url.replace('/cgi-bin/webhook/send?key=', '/robot/send?access_token='),
    secret: DING_SECRET,
  });
  await put('/api/notifications/admin/rules', {
    version: 0,
    ccRoleCodes: ['general_manager'],
    ccUserIds: [],
    digestTime: '18:00',
    publicUrl: 'https://bidflow.example.cn/',
  });
}, 180_000);

afterAll(async () => {
  await Promise.all([smtp.close(), wecom.close(), dingtalk.close()]);
  await t.close();
});

describe('notify → outbox → delivery workers', () => {
  it('an admin password reset notifies the user in the same transaction; the e-mail arrives with a correctly encoded Chinese subject', async () => {
    const before = smtp.mails.length;
    const u = (await t.call('GET', `/api/users/${id('sup')}`, { cookie: org.adminCookie })).json() as { version: number };
    await t.database.db
      .update(users)
      .set({ email: 'sup@example.cn' })
      .where(eq(users.id, id('sup')));
    const res = await t.call('POST', `/api/users/${id('sup')}/reset-password`, {
      cookie: org.adminCookie,
      body: { version: u.version, newPassword: 'Reset#2026abc' },
    });
    expect(res.statusCode).toBe(200);
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, id('sup')));
    expect(inbox.map((n) => n.title)).toContain('您的登录密码已被重置');
    expect(inbox.find((n) => n.eventType === 'user.password_reset')?.body).toContain('系统管理员');
    expect(smtp.mails.length).toBe(before); // nothing is sent inside the request
    await runner().runDueOnce();
    expect(smtp.mails.length).toBe(before + 1);
    const mail = smtp.mails.at(-1);
    expect(mail?.subject).toBe('您的登录密码已被重置');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('sup@example.cn');
    expect(mail?.text).toContain('管理员 系统管理员');
    expect(mail?.text).toContain('https://bidflow.example.cn/profile/password');
    expect(mail?.html || '').toContain('<a href="https://bidflow.example.cn/profile/password"');
    // RFC 2047 encoded-word in the raw header, not raw UTF-8 bytes
    const rawSubject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(smtp.raw.at(-1) ?? '')?.[1] ?? '';
    expect(rawSubject).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect(rawSubject).not.toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a sign-in lockout notifies the locked user', async () => {
    for (let i = 0; i < 5; i++) await t.call('POST', '/api/auth/login', { body: { username: 'eng', password: 'wrong-password' } });
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, id('eng')), eq(notifications.eventType, 'auth.lockout')));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.title).toBe('Your account was locked'); // eng reads English
    expect(inbox[0]?.body).toContain('after 5 failed sign-ins');
  });

  it('a major event is copied to the general manager; WeCom and DingTalk robots get markdown, DingTalk signed', async () => {
    const mailsBefore = smtp.mails.length;
    const t0 = Date.now();
    await raise(t.database.db, [id('am')], { major: true, project: '重大项目A' });
    const gmInbox = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, id('gm')), eq(notifications.title, '项目「重大项目A」已进入投标阶段')));
    expect(gmInbox).toHaveLength(1);
    expect(gmInbox[0]?.cc).toBe(true);
    expect(gmInbox[0]?.major).toBe(true);
    const n = await runner().runDueOnce();
    expect(n).toBeGreaterThanOrEqual(4); // two e-mails, two robots
    const mails = smtp.mails.slice(mailsBefore).filter((m) => m.subject?.includes('重大项目A'));
    expect(mails.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(['am@example.cn', 'gm@example.cn']);
    expect(mails[0]?.subject).toBe('【重要】项目「重大项目A」已进入投标阶段');

    const w = wecom.requests.at(-1);
    expect(w?.body.msgtype).toBe('markdown');
    const content = (w?.body.markdown as { content: string }).content;
    expect(content).toContain('**【重要】项目「重大项目A」已进入投标阶段**');
    expect(content).toContain('接收人：张客户经理、陈总');
    expect(content).toContain('[查看详情](https://bidflow.example.cn/projects/p-1)');
    expect(w?.url).toBe('/cgi-bin/webhook/send?key=0123456789abcdef');

    const d = dingtalk.requests.at(-1);
    expect(d?.body.msgtype).toBe('markdown');
    const md = d?.body.markdown as { title: string; text: string };
    expect(md.title).toBe('【重要】项目「重大项目A」已进入投标阶段');
    expect(md.text).toContain('@13800138001');
    expect(d?.body.at).toEqual({ atMobiles: ['13800138001', '13800138005'], isAtAll: false });
    const url = new URL(d?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/robot/send');
    expect(url.searchParams.get('access_token')).toBe('0123456789abcdef');
    const ts = Number(url.searchParams.get('timestamp'));
    expect(ts).toBeGreaterThanOrEqual(t0);
    expect(ts).toBeLessThanOrEqual(Date.now());
    const expected = createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected); // searchParams decodes the URL-encoded value
    expect(d?.url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(dingtalkSign(DING_SECRET, ts)).toBe(encodeURIComponent(expected));
  });

  it("templates follow the recipient's language; a user's preference turns a channel off", async () => {
    const mailsBefore = smtp.mails.length;
    await raise(t.database.db, [id('eng')], { project: 'Campus' });
    const [row] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, id('eng')), eq(notifications.eventType, 'test.milestone')));
    expect(row?.title).toBe('Project "Campus" reached 投标');
    // eng turns e-mail off for this event type
    const engCookie = org.users.eng?.cookie ?? '';
    const prefs = (await t.call('GET', '/api/notifications/preferences', { cookie: engCookie })).json() as { version: number };
    const put = await t.call('PUT', '/api/notifications/preferences', {
      cookie: engCookie,
      body: { version: prefs.version, items: [{ eventType: 'test.milestone', channel: 'email', enabled: false }] },
    });
    expect(put.statusCode).toBe(200);
    await raise(t.database.db, [id('eng')], { project: 'Harbour' });
    await runner().runDueOnce();
    const subjects = smtp.mails.slice(mailsBefore).map((m) => m.subject);
    expect(subjects).toContain('Project "Campus" reached 投标');
    expect(subjects).not.toContain('Project "Harbour" reached 投标');
    expect(await outboxOf('email', 'Project "Harbour" reached 投标')).toHaveLength(0);
  });

  it('killing the server between commit and delivery loses nothing: a new instance delivers exactly once', async () => {
    // A separate database we can really close and reopen (a file for PGlite, a new pool for PostgreSQL).
    const dir = mkdtempSync(path.join(tmpdir(), 'h3-outbox-'));
    const open = (): Promise<Database> =>
      testEngine() === 'postgres' ? openDatabase({ url: t.database.url, poolSize: 3 }) : openDatabase({ dataDir: dir });
    const title = '项目「断电恢复」已进入投标阶段';
    try {
      let first: Database | null = await open();
      const firstDb = first.db;
      if (testEngine() === 'pglite') {
        await bootstrap(firstDb, t.clock.now, ADMIN_PASSWORD);
        const [admin] = await firstDb.select().from(users).limit(1);
        await firstDb
          .update(users)
          .set({ email: 'am@example.cn' })
          .where(eq(users.id, admin?.id ?? ''));
        // same channel settings as the main app
        for (const row of await t.database.db.query.settings.findMany()) {
          await firstDb.insert(settings).values(row).onConflictDoNothing();
        }
        await firstDb.transaction(async (tx) => {
          await notify(tx, t.clock.now, {
            event: milestone,
            recipientUserIds: [admin?.id ?? ''],
            params: { project: '断电恢复', stage: '投标', actor: 'x' },
          });
        });
      } else {
        await raise(firstDb, [id('am')], { project: '断电恢复' });
      }
      // the instance dies before any worker polls
      await first.close();
      first = null;
      const mailsBefore = smtp.mails.length;
      const second = await open();
      try {
        await Promise.all([runner(second.db).runDueOnce(), runner(second.db).runDueOnce()]);
        await runner(second.db).runDueOnce();
        const arrived = smtp.mails.slice(mailsBefore).filter((m) => m.subject === title);
        expect(arrived).toHaveLength(1);
        const [row] = await second.db
          .select()
          .from(notificationOutbox)
          .where(and(eq(notificationOutbox.channel, 'email'), eq(notificationOutbox.title, title)));
        expect(row?.status).toBe('sent');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`dead-letters after ${DELIVER_MAX_ATTEMPTS} failures (peer answers 500); an admin retry delivers it`, async () => {
    wecom.status = 500;
    const before = wecom.requests.length;
    await raise(t.database.db, [id('am')], { project: '失败重试' });
    const title = '项目「失败重试」已进入投标阶段';
    const start = t.clock.now;
    for (let i = 0; i < DELIVER_MAX_ATTEMPTS + 2; i++) {
      await runner().runDueOnce();
      t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    }
    t.clock.now = start;
    expect(wecom.requests.length - before).toBe(DELIVER_MAX_ATTEMPTS);
    const [row] = await outboxOf('wecom', title);
    expect(row?.status).toBe('dead');
    expect(row?.attempts).toBe(DELIVER_MAX_ATTEMPTS);
    expect(row?.lastError).toContain('HTTP 500');
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.idempotencyKey, `notification.deliver:${row?.id ?? ''}`));
    expect(job?.status).toBe('dead');

    const list = await t.call('GET', '/api/notifications/admin/outbox?status=dead', { cookie: org.adminCookie });
    expect(list.statusCode).toBe(200);
    const dead = (list.json() as { items: Array<{ id: string; lastError: string; recipientName: string }> }).items.find(
      (i) => i.id === row?.id,
    );
    expect(dead?.lastError).toContain('HTTP 500');
    expect(
      (await t.call('POST', `/api/notifications/admin/outbox/${row?.id ?? ''}/retry`, { cookie: org.users.gm?.cookie ?? '' })).statusCode,
    ).toBe(403);

    wecom.status = 200;
    const retry = await t.call('POST', `/api/notifications/admin/outbox/${row?.id ?? ''}/retry`, { cookie: org.adminCookie });
    expect(retry.statusCode).toBe(200);
    expect((await t.call('POST', `/api/notifications/admin/outbox/${row?.id ?? ''}/retry`, { cookie: org.adminCookie })).statusCode).toBe(
      409,
    );
    await runner().runDueOnce();
    const [after] = await outboxOf('wecom', title);
    expect(after?.status).toBe('sent');
    expect(wecom.requests.length - before).toBe(DELIVER_MAX_ATTEMPTS + 1);
    const audit = (
      await t.call('GET', `/api/audit?action=notification.retry&entityId=${row?.id ?? ''}`, { cookie: org.adminCookie })
    ).json() as { total: number };
    expect(audit.total).toBe(1);
  });

  it("the daily digest e-mails the day's inbox once, after the configured time", async () => {
    const amCookie = org.users.am?.cookie ?? '';
    const prefs = (await t.call('GET', '/api/notifications/preferences', { cookie: amCookie })).json() as { version: number };
    expect(
      (await t.call('PUT', '/api/notifications/preferences', { cookie: amCookie, body: { version: prefs.version, dailyDigest: true } }))
        .statusCode,
    ).toBe(200);
    // a fixed day: 2026-03-10, items at 10:00 Shanghai
    const saved = t.clock.now;
    t.clock.now = new Date('2026-03-10T02:00:00Z');
    await raise(t.database.db, [id('am')], { project: '摘要一' });
    await raise(t.database.db, [id('am')], { project: '摘要二' });
    expect(await runDigest(t.database.db, new Date('2026-03-10T09:59:00Z'))).toBe(0); // 17:59 Shanghai
    const mailsBefore = smtp.mails.length;
    expect(await runDigest(t.database.db, new Date('2026-03-10T10:01:00Z'))).toBe(1); // 18:01
    expect(await runDigest(t.database.db, new Date('2026-03-10T10:06:00Z'))).toBe(0); // not twice a day
    t.clock.now = new Date('2026-03-10T10:07:00Z');
    await runner().runDueOnce();
    const digest = smtp.mails.slice(mailsBefore).filter((m) => m.subject?.startsWith('每日摘要'));
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toBe('每日摘要：2026-03-10 共 2 条通知');
    expect(digest[0]?.text).toContain('10:00  项目「摘要一」已进入投标阶段（未读）');
    t.clock.now = saved;
  });
});
