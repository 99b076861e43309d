import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, type OrgFixture } from '../../test-support/fixtures.ts';
import { startHookPeer, startSmtpPeer, type HookPeer, type SmtpPeer } from '../../test-support/notification-peers.ts';
import { defineEventType, notify, registerEventType } from '../../notifications/notify.ts';

let t: TestApp;
let org: OrgFixture;
let smtp: SmtpPeer;
let hook: HookPeer;

const reviewDue = defineEventType({
  type: 'test.review_due',
  params: ['name', 'due'],
  labelZh: '评审即将到期',
  labelEn: 'Review due soon',
  templates: {
    'zh-CN': { title: '评审「{name}」将于 {due} 到期', body: '请及时处理评审「{name}」。' },
    en: { title: 'Review "{name}" is due {due}', body: 'Please handle review "{name}".' },
  },
  defaultChannels: ['inapp'],
});

const cookieOf = (who: string) => org.users[who]?.cookie ?? '';
const idOf = (who: string) => org.users[who]?.id ?? '';

async function raise(recipients: string[], name: string) {
  await t.database.db.transaction(async (tx) => {
    await notify(tx, t.clock.now, {
      event: reviewDue,
      recipientUserIds: recipients,
      params: { name, due: '2026-03-12' },
      link: '/reviews/1',
    });
  });
}

beforeAll(async () => {
  registerEventType(reviewDue);
  t = await createTestApp();
  org = await createOrg(t);
  [smtp, hook] = await Promise.all([startSmtpPeer(), startHookPeer()]);
}, 180_000);
afterAll(async () => {
  await Promise.all([smtp.close(), hook.close()]);
  await t.close();
});

describe('inbox', () => {
  it("counts unread, lists newest first, marks one and all read — only one's own", async () => {
    await raise([idOf('am'), idOf('eng')], '方案A');
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await raise([idOf('am')], '方案B');
    const count = await t.call('GET', '/api/notifications/unread-count', { cookie: cookieOf('am') });
    expect(count.json()).toEqual({ count: 2 });
    const list = (await t.call('GET', '/api/notifications', { cookie: cookieOf('am') })).json() as {
      items: Array<{ id: string; title: string; eventLabel: string; readAt: string | null; link: string }>;
      total: number;
      unread: number;
    };
    expect(list.total).toBe(2);
    expect(list.unread).toBe(2);
    expect(list.items[0]?.title).toBe('评审「方案B」将于 2026-03-12 到期');
    expect(list.items[0]?.eventLabel).toBe('评审即将到期');
    expect(list.items[0]?.link).toBe('/reviews/1');
    const engList = (await t.call('GET', '/api/notifications', { cookie: cookieOf('eng') })).json() as { items: Array<{ id: string }> };
    // someone else's notification reads as not found
    expect((await t.call('POST', `/api/notifications/${engList.items[0]?.id ?? ''}/read`, { cookie: cookieOf('am') })).statusCode).toBe(
      404,
    );
    const first = list.items[0]?.id ?? '';
    expect((await t.call('POST', `/api/notifications/${first}/read`, { cookie: cookieOf('am') })).statusCode).toBe(200);
    expect((await t.call('POST', `/api/notifications/${first}/read`, { cookie: cookieOf('am') })).statusCode).toBe(200); // idempotent
    expect((await t.call('GET', '/api/notifications/unread-count', { cookie: cookieOf('am') })).json()).toEqual({ count: 1 });
    const unreadOnly = (await t.call('GET', '/api/notifications?unread=true', { cookie: cookieOf('am') })).json() as { total: number };
    expect(unreadOnly.total).toBe(1);
    const all = await t.call('POST', '/api/notifications/read-all', { cookie: cookieOf('am') });
    expect(all.json()).toEqual({ ok: true, count: 1 });
    expect((await t.call('GET', '/api/notifications/unread-count', { cookie: cookieOf('am') })).json()).toEqual({ count: 0 });
    expect((await t.call('GET', '/api/notifications/unread-count', { cookie: cookieOf('eng') })).json()).toEqual({ count: 1 });
    expect((await t.call('GET', '/api/notifications/unread-count')).statusCode).toBe(401);
  });
});

describe('preferences', () => {
  it('shows defaults per event type, saves choices, refuses a stale version and unknown event types', async () => {
    const res = await t.call('GET', '/api/notifications/preferences', { cookie: cookieOf('mm') });
    expect(res.statusCode).toBe(200);
    const prefs = res.json() as {
      version: number;
      dailyDigest: boolean;
      digestTime: string;
      channels: Array<{ channel: string; available: boolean }>;
      eventTypes: Array<{ type: string; label: string; enabled: string[]; defaults: string[] }>;
    };
    expect(prefs.version).toBe(0);
    expect(prefs.digestTime).toBe('18:00');
    expect(prefs.channels.find((c) => c.channel === 'inapp')?.available).toBe(true);
    expect(prefs.channels.find((c) => c.channel === 'email')?.available).toBe(false);
    const reset = prefs.eventTypes.find((e) => e.type === 'user.password_reset');
    expect(reset?.label).toBe('密码被管理员重置');
    expect(reset?.enabled).toEqual(['inapp', 'email']);
    const saved = await t.call('PUT', '/api/notifications/preferences', {
      cookie: cookieOf('mm'),
      body: {
        version: 0,
        dailyDigest: true,
        items: [
          { eventType: 'user.password_reset', channel: 'email', enabled: false },
          { eventType: 'test.review_due', channel: 'wecom', enabled: true },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json() as typeof prefs;
    expect(after.version).toBe(1);
    expect(after.dailyDigest).toBe(true);
    expect(after.eventTypes.find((e) => e.type === 'user.password_reset')?.enabled).toEqual(['inapp']);
    expect(after.eventTypes.find((e) => e.type === 'test.review_due')?.enabled).toEqual(['inapp', 'wecom']);
    const stale = await t.call('PUT', '/api/notifications/preferences', {
      cookie: cookieOf('mm'),
      body: { version: 0, dailyDigest: false },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.currentVersion).toBe(1);
    const unknown = await t.call('PUT', '/api/notifications/preferences', {
      cookie: cookieOf('mm'),
      body: { version: 1, items: [{ eventType: 'nope', channel: 'email', enabled: true }] },
    });
    expect(unknown.statusCode).toBe(400);
    const badChannel = await t.call('PUT', '/api/notifications/preferences', {
      cookie: cookieOf('mm'),
      body: { version: 1, items: [{ eventType: 'test.review_due', channel: 'fax', enabled: true }] },
    });
    expect(badChannel.statusCode).toBe(400);
    // another user's preferences are untouched
    const am = (await t.call('GET', '/api/notifications/preferences', { cookie: cookieOf('am') })).json() as typeof prefs;
    expect(am.eventTypes.find((e) => e.type === 'user.password_reset')?.enabled).toEqual(['inapp', 'email']);
  });
});

describe('notification administration', () => {
  it('is refused without notification.admin', async () => {
    for (const who of ['gm', 'am', 'sup']) {
      expect((await t.call('GET', '/api/notifications/admin/settings', { cookie: cookieOf(who) })).statusCode).toBe(403);
      expect((await t.call('PUT', '/api/notifications/admin/rules', { cookie: cookieOf(who), body: {} })).statusCode).toBe(403);
      expect((await t.call('GET', '/api/jobs', { cookie: cookieOf(who) })).statusCode).toBe(403);
    }
  });

  it('stores channel settings but never returns secrets in full; stale versions are refused; changes are audited without secrets', async () => {
    const secretUrl = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa';
    const email = await t.call('PUT', '/api/notifications/admin/channels/email', {
      cookie: org.adminCookie,
      body: {
        version: 0,
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: 'mailer',
        password: 'SmtpPa55!',
        from: 'Bidflow <noreply@bidflow.local>',
      },
    });
    expect(email.statusCode).toBe(200);
    const wecom = await t.call('PUT', '/api/notifications/admin/channels/wecom', {
      cookie: org.adminCookie,
      body: { version: 0, enabled: true, webhookUrl: secretUrl },
    });
    expect(wecom.statusCode).toBe(200);
    const ding = await t.call('PUT', '/api/notifications/admin/channels/dingtalk', {
      cookie: org.adminCookie,
      body: {
        version: 0,
        enabled: false,
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789',
        secret: 'SECxyz',
      },
    });
    expect(ding.statusCode).toBe(200);
    const view = await t.call('GET', '/api/notifications/admin/settings', { cookie: org.adminCookie });
    const text = view.body;
    expect(text).not.toContain('SmtpPa55!');
    expect(text).not.toContain('693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa');
    expect(text).not.toContain('abcdef0123456789');
    expect(text).not.toContain('SECxyz');
    const v = view.json();
    expect(v.email).toMatchObject({ enabled: true, host: '127.0.0.1', user: 'mailer', passwordSet: true, version: 1 });
    expect(v.wecom.webhookUrlMasked).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa');
    expect(v.dingtalk).toMatchObject({
      enabled: false,
      secretSet: true,
      webhookUrlMasked: 'https://oapi.dingtalk.com/robot/send?access_token=****6789',
    });
    expect(v.rules).toMatchObject({ ccRoleCodes: ['general_manager'], digestTime: '18:00', version: 0 });

    // omitting the password keeps it; a stale version is refused
    const keep = await t.call('PUT', '/api/notifications/admin/channels/email', {
      cookie: org.adminCookie,
      body: {
        version: 1,
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: '',
        from: 'Bidflow <noreply@bidflow.local>',
      },
    });
    expect(keep.json().email.passwordSet).toBe(true);
    const stale = await t.call('PUT', '/api/notifications/admin/channels/email', {
      cookie: org.adminCookie,
      body: { version: 1, enabled: true, host: 'x', port: 25, secure: false, user: '', from: 'a@b.c' },
    });
    expect(stale.statusCode).toBe(409);
    const bad = await t.call('PUT', '/api/notifications/admin/channels/wecom', {
      cookie: org.adminCookie,
      body: { version: 1, enabled: true, webhookUrl: 'ftp://nope' },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().details.fields)).toContain('body.webhookUrl');
    const missing = await t.call('PUT', '/api/notifications/admin/channels/email', {
      cookie: org.adminCookie,
      body: { version: 2, enabled: true, host: '', port: 25, secure: false, user: '', from: '' },
    });
    expect(missing.statusCode).toBe(400);

    const audit = (await t.call('GET', '/api/audit?action=notification.channel_update', { cookie: org.adminCookie })).json() as {
      total: number;
      items: unknown[];
    };
    expect(audit.total).toBe(4);
    expect(JSON.stringify(audit.items)).not.toContain('SmtpPa55!');
    expect(JSON.stringify(audit.items)).not.toContain('693axxx6');
  });

  it('edits the CC rule for major events (roles and users must exist)', async () => {
    const ok = await t.call('PUT', '/api/notifications/admin/rules', {
      cookie: org.adminCookie,
      body: {
        version: 0,
        ccRoleCodes: ['general_manager', 'sales_director'],
        ccUserIds: [idOf('mm')],
        digestTime: '17:30',
        publicUrl: 'https://bidflow.example.cn/',
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().rules).toEqual({
      ccRoleCodes: ['general_manager', 'sales_director'],
      ccUserIds: [idOf('mm')],
      digestTime: '17:30',
      publicUrl: 'https://bidflow.example.cn',
      version: 1,
    });
    const badRole = await t.call('PUT', '/api/notifications/admin/rules', {
      cookie: org.adminCookie,
      body: { version: 1, ccRoleCodes: ['nobody'], ccUserIds: [], digestTime: '18:00', publicUrl: null },
    });
    expect(badRole.statusCode).toBe(400);
    const badTime = await t.call('PUT', '/api/notifications/admin/rules', {
      cookie: org.adminCookie,
      body: { version: 1, ccRoleCodes: [], ccUserIds: [], digestTime: '25:00', publicUrl: null },
    });
    expect(badTime.statusCode).toBe(400);
    // a major event now reaches the GM and the named user as CC
    await t.database.db.transaction(async (tx) => {
      await notify(tx, t.clock.now, {
        event: reviewDue,
        recipientUserIds: [idOf('am')],
        params: { name: '重大', due: '明天' },
        major: true,
      });
    });
    for (const who of ['gm', 'mm']) {
      const items = (await t.call('GET', '/api/notifications', { cookie: cookieOf(who) })).json().items as Array<{
        title: string;
        cc: boolean;
        major: boolean;
      }>;
      expect(items.find((i) => i.title.includes('重大'))).toMatchObject({ cc: true, major: true });
    }
    const sup = (await t.call('GET', '/api/notifications', { cookie: cookieOf('sup') })).json().items as Array<{ title: string }>;
    expect(sup.find((i) => i.title.includes('重大'))).toBeUndefined();
  });

  it("sends a test message per channel and reports the peer's answer", async () => {
    const before = smtp.mails.length;
    const mail = await t.call('POST', '/api/notifications/admin/channels/email/test', {
      cookie: org.adminCookie,
      body: { to: 'ops@example.cn' },
    });
    expect(mail.json()).toEqual({ ok: true, error: null });
    expect(smtp.mails.length).toBe(before + 1);
    expect(smtp.mails.at(-1)?.subject).toBe('Bidflow 测试消息');
    const noAddress = await t.call('POST', '/api/notifications/admin/channels/email/test', { cookie: org.adminCookie, body: {} });
    expect(noAddress.statusCode).toBe(400); // the admin has no e-mail address
    // point WeCom at the local peer, then at a closed port
    const settings = (await t.call('GET', '/api/notifications/admin/settings', { cookie: org.adminCookie })).json();
    await t.call('PUT', '/api/notifications/admin/channels/wecom', {
      cookie: org.adminCookie,
      body: { version: settings.wecom.version, enabled: true, webhookUrl: hook.url },
    });
    const good = await t.call('POST', '/api/notifications/admin/channels/wecom/test', { cookie: org.adminCookie, body: {} });
    expect(good.json()).toEqual({ ok: true, error: null });
    expect(hook.requests.at(-1)?.body.msgtype).toBe('markdown');
    hook.status = 500;
    const failed = await t.call('POST', '/api/notifications/admin/channels/wecom/test', { cookie: org.adminCookie, body: {} });
    expect(failed.json().ok).toBe(false);
    expect(failed.json().error).toContain('HTTP 500');
    hook.status = 200;
    const ding = await t.call('POST', '/api/notifications/admin/channels/dingtalk/test', { cookie: org.adminCookie, body: {} });
    expect(ding.statusCode).toBe(200);
    expect(ding.json().ok).toBe(false); // oapi.dingtalk.com is not reachable from here
    expect((await t.call('POST', '/api/notifications/admin/channels/fax/test', { cookie: org.adminCookie, body: {} })).statusCode).toBe(
      400,
    );
  });
});
