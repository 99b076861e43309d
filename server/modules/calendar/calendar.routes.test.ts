import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_SCHEDULES } from '../../../core/calendar/cn-holidays.ts';
import { expandPeriods } from '../../../core/calendar/working-calendar.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, type OrgFixture } from '../../test-support/fixtures.ts';
import { ensureCalendarSeeded } from './commands/seed-calendar.ts';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 180_000);
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.call('GET', url, { headers });

describe('public calendar look-ups (no sign-in)', () => {
  it('adds working days over the Spring Festival and counts working days', async () => {
    const a = await get('/api/calendar/add-working-days?start=2026-02-13&days=2');
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual({ date: '2026-02-24' });
    expect((await get('/api/calendar/add-working-days?start=2026-09-30&days=1')).json()).toEqual({ date: '2026-10-08' });
    expect((await get('/api/calendar/add-working-days?start=2026-11-20&days=0')).json()).toEqual({ date: '2026-11-20' });
    const b = await get('/api/calendar/working-days-between?from=2026-02-13&to=2026-02-24');
    expect(b.json()).toEqual({ days: 2 });
    expect((await get('/api/calendar/working-days-between?from=2025-12-31&to=2026-12-31')).json()).toEqual({ days: 248 });
    expect((await get('/api/calendar/working-days-between?from=2026-02-24&to=2026-02-13')).json()).toEqual({ days: -2 });
  });

  it('adds working hours and answers with +08:00, whatever offset was asked', async () => {
    const q = (start: string, hours: number) => get(`/api/calendar/add-working-hours?start=${start}&hours=${hours}`);
    expect((await q(encodeURIComponent('2026-02-13T16:00:00+08:00'), 3)).json()).toEqual({ at: '2026-02-14T10:00:00+08:00' });
    expect((await q('2026-02-13T08:00:00Z', 3)).json()).toEqual({ at: '2026-02-14T10:00:00+08:00' });
    // an unencoded '+' arrives as a space: still understood
    expect((await q('2026-02-13T16:00:00+08:00', 3)).json()).toEqual({ at: '2026-02-14T10:00:00+08:00' });
    expect((await q(encodeURIComponent('2026-11-23T07:30:00+08:00'), 1.5)).json()).toEqual({ at: '2026-11-23T10:30:00+08:00' });
  });

  it("refuses a year without a calendar, naming it, in the caller's language", async () => {
    const zh = await get('/api/calendar/add-working-days?start=2026-12-30&days=5');
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'calendar_year_missing', details: { year: 2027 } });
    expect(zh.json().message).toContain('尚未录入 2027 年的工作日历');
    const en = await get('/api/calendar/working-days-between?from=2027-01-01&to=2027-02-01', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(422);
    expect(en.json().message).toContain('No working-day calendar has been entered for 2027');
    expect((await get('/api/calendar/years/2027')).statusCode).toBe(422);
  });

  it('answers 400 with field details for bad input, never 500', async () => {
    const bad = await get('/api/calendar/add-working-days?start=2026-02-30&days=2');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().details.fields)).toEqual(['querystring.start']);
    const neg = await get('/api/calendar/add-working-days?start=2026-02-01&days=-1');
    expect(neg.statusCode).toBe(400);
    expect(Object.keys(neg.json().details.fields)).toEqual(['querystring.days']);
    expect((await get('/api/calendar/working-days-between?from=20260101&to=2026-02-01')).json().details.fields).toHaveProperty([
      'querystring.from',
    ]);
    const noOffset = await get('/api/calendar/add-working-hours?start=2026-02-13T16:00:00&hours=1');
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json().details.fields).toHaveProperty(['querystring.start']);
    const impossible = await get(`/api/calendar/add-working-hours?start=${encodeURIComponent('2026-02-30T16:00:00+08:00')}&hours=1`);
    expect(impossible.statusCode).toBe(400);
    expect((await get('/api/calendar/add-working-hours?start=x&hours=abc')).statusCode).toBe(400);
  });

  it('lists the shipped years', async () => {
    const years = (await get('/api/calendar/years')).json() as Array<{
      year: number;
      holidays: string[];
      workdays: string[];
      workingDays: number;
      source: string;
    }>;
    expect(years.map((y) => y.year)).toEqual([2025, 2026]);
    for (const s of CN_SCHEDULES) {
      const y = years.find((v) => v.year === s.year);
      expect(y?.holidays).toEqual(expandPeriods(s.off));
      expect(y?.workdays).toEqual(s.workdays);
      expect(y?.workingDays).toBe(248);
      expect(y?.source).toContain('国务院办公厅');
    }
    const wh = (await get('/api/calendar/working-hours')).json();
    expect(wh).toMatchObject({ periods: [{ from: '09:00', to: '18:00' }], timeZone: 'Asia/Shanghai', dayMinutes: 540 });
  });

  it('seeding again adds nothing and keeps edits', async () => {
    expect(await ensureCalendarSeeded(t.database.db, new Date())).toEqual([]);
  });
});

describe('calendar administration', () => {
  const NOTICE = '一、元旦：1月1日（周二）放假1天，不调休。二、春节：2月2日（周六）至10日（周日）放假调休，共9天。1月27日（周日）上班。';

  it('reads a pasted notice into a preview and saves it as a new year', async () => {
    const prev = await t.call('POST', '/api/calendar/parse-notice', { cookie: org.adminCookie, body: { year: 2030, text: NOTICE } });
    expect(prev.statusCode).toBe(200);
    const p = prev.json();
    expect(p.currentVersion).toBeNull();
    expect(p.warnings).toEqual([]);
    expect(p.periods.map((x: { name: string }) => x.name)).toEqual(['元旦', '春节']);
    expect(p.workdays).toEqual(['2030-01-27']);
    const saved = await t.call('PUT', '/api/calendar/years/2030', {
      cookie: org.adminCookie,
      body: {
        holidays: p.holidays,
        workdays: p.workdays,
        periods: p.periods.map((x: { name: string; from: string; to: string }) => ({ name: x.name, from: x.from, to: x.to })),
        source: '测试通知',
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2030, version: 1, workdays: ['2030-01-27'] });
    // the new year is in use at once
    expect((await get('/api/calendar/add-working-days?start=2030-02-01&days=1')).json()).toEqual({ date: '2030-02-11' });
    // creating it again without a version is a conflict
    const again = await t.call('PUT', '/api/calendar/years/2030', { cookie: org.adminCookie, body: { holidays: [], workdays: [] } });
    expect(again.statusCode).toBe(409);
  });

  it('replaces a year with its version, refuses a stale one, audits before/after', async () => {
    const cur = (await get('/api/calendar/years/2030')).json();
    const next = {
      version: cur.version,
      holidays: [...cur.holidays, '2030-05-01'],
      workdays: cur.workdays,
      periods: cur.periods,
      source: cur.source,
    };
    const ok = await t.call('PUT', '/api/calendar/years/2030', { cookie: org.adminCookie, body: next });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(cur.version + 1);
    const stale = await t.call('PUT', '/api/calendar/years/2030', { cookie: org.adminCookie, body: next });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.currentVersion).toBe(cur.version + 1);
    const audit = (await t.call('GET', '/api/audit?entityId=2030', { cookie: org.adminCookie })).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(['calendar.update_year', 'calendar.create_year']);
    expect(audit.items[0].changes.holidays.after).toContain('2030-05-01');
    expect(audit.items[0].changes.holidays.before).not.toContain('2030-05-01');
  });

  it('checks the dates it is given', async () => {
    const cur = (await get('/api/calendar/years/2030')).json();
    const res = await t.call('PUT', '/api/calendar/years/2030', {
      cookie: org.adminCookie,
      body: { version: cur.version, holidays: ['2031-01-01'], workdays: ['2030-01-28', '2030-02-30'] },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().details.fields).sort()).toEqual(['body.workdays.1']);
    const res2 = await t.call('PUT', '/api/calendar/years/2030', {
      cookie: org.adminCookie,
      body: { version: cur.version, holidays: ['2031-01-01'], workdays: ['2030-01-28'] },
    });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().details.fields['body.holidays']).toContain('不属于该年份');
    expect(res2.json().details.fields['body.workdays']).toContain('周六或周日');
  });

  it('edits the working hours, used at once by hour look-ups', async () => {
    const cur = (await get('/api/calendar/working-hours')).json();
    const bad = await t.call('PUT', '/api/calendar/working-hours', {
      cookie: org.adminCookie,
      body: {
        version: cur.version,
        periods: [
          { from: '13:00', to: '18:00' },
          { from: '09:00', to: '12:00' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields).toHaveProperty(['body.periods.1.from']);
    const ok = await t.call('PUT', '/api/calendar/working-hours', {
      cookie: org.adminCookie,
      body: {
        version: cur.version,
        periods: [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '18:00' },
        ],
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ dayMinutes: 480, version: cur.version + 1 });
    const at = await get(`/api/calendar/add-working-hours?start=${encodeURIComponent('2026-11-23T11:00:00+08:00')}&hours=2`);
    expect(at.json()).toEqual({ at: '2026-11-23T14:00:00+08:00' });
    const restore = await t.call('PUT', '/api/calendar/working-hours', {
      cookie: org.adminCookie,
      body: { version: cur.version + 1, periods: [{ from: '09:00', to: '18:00' }] },
    });
    expect(restore.statusCode).toBe(200);
  });

  it('only calendar managers may change it', async () => {
    const gm = org.users.gm?.cookie ?? '';
    expect(
      (await t.call('PUT', '/api/calendar/working-hours', { cookie: gm, body: { version: 1, periods: [{ from: '09:00', to: '17:00' }] } }))
        .statusCode,
    ).toBe(403);
    expect((await t.call('POST', '/api/calendar/parse-notice', { cookie: gm, body: { year: 2030, text: NOTICE } })).statusCode).toBe(403);
  });
});
