import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { toShanghaiIso } from '../../core/calendar/working-calendar.ts';
import { openDatabase, rowsOf, type Db } from '../db/client.ts';
import { deadlineEvents, deadlinePolicies, deadlines, notifications } from '../db/schema.ts';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../test-support/test-app.ts';
import { createOrg, USER_PASSWORD, type OrgFixture } from '../test-support/fixtures.ts';
import { testEngine } from '../test-support/test-db.ts';
import {
  cancelDeadline,
  completeDeadline,
  ensureDeadlinePolicy,
  pauseDeadline,
  resumeDeadline,
  startDeadline,
  type DeadlineKey,
} from './deadlines.ts';
import { sweepDeadlines } from './sweep.ts';
import { DEADLINE_SWEEP_SCHEDULE } from './sweep-schedule.ts';
import { JobRunner } from '../jobs/runner.ts';

let t: TestApp;
let org: OrgFixture;
let db: Db;
const id = (who: string) => org.users[who]?.id ?? '';
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null | undefined) => (d ? toShanghaiIso(d) : null);

const P5 = 'test.five_days';

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  db = t.database.db;
  // 张客户经理 (华东片区) reports to 王经理; 陈总 heads 华东片区; 工程部 has 陈总 as head too.
  const am = (await t.call('GET', `/api/users/${id('am')}`, { cookie: org.adminCookie })).json();
  await t.call('PATCH', `/api/users/${id('am')}`, { cookie: org.adminCookie, body: { version: am.version, managerId: id('mm') } });
  const depts = (await t.call('GET', '/api/departments', { cookie: org.adminCookie })).json() as Array<{ id: string; version: number }>;
  for (const d of depts.filter((x) => x.id === org.depts.marketEast || x.id === org.depts.engineering)) {
    await t.call('PATCH', `/api/departments/${d.id}`, { cookie: org.adminCookie, body: { version: d.version, headUserId: id('gm') } });
  }
  await ensureDeadlinePolicy(db, {
    code: P5,
    nameZh: '测试五日',
    nameEn: 'Five-day test',
    kind: 'working_days',
    amount: 5,
    toleranceWorkingDays: 2,
    remindBefore: [{ amount: 1, unit: 'working_days' }],
    escalate: true,
  });
}, 180_000);
afterAll(async () => {
  await t.close();
});

const key = (subjectId: string, step = 'deliver'): DeadlineKey => ({ subjectType: 'test_subject', subjectId, step });
const tx = <T>(fn: (tx: Db) => Promise<T>) => db.transaction(fn);
const row = async (k: DeadlineKey) =>
  (
    await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.subjectType, k.subjectType), eq(deadlines.subjectId, k.subjectId), eq(deadlines.step, k.step)))
      .orderBy(sql`created_at DESC`)
      .limit(1)
  )[0];
const eventsOf = async (deadlineId: string) =>
  (await db.select({ kind: deadlineEvents.kind }).from(deadlineEvents).where(eq(deadlineEvents.deadlineId, deadlineId)))
    .map((e) => e.kind)
    .sort();
const inbox = async (userId: string, eventType: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.eventType, eventType)));
const start = (k: DeadlineKey, startedAt: string, owner = 'am', policyCode = P5) =>
  tx((x) =>
    startDeadline(x, at(startedAt), {
      ...k,
      policyCode,
      ownerUserId: id(owner),
      title: `方案 ${k.subjectId}`,
      link: `/test/${k.subjectId}`,
    }),
  );
const sweep = (when: string) => sweepDeadlines(db, at(when));
/** Moves the app clock (weeks ahead: sessions expire, so sign in again). */
async function clockTo(when: string): Promise<Record<string, string>> {
  t.clock.now = at(when);
  const cookies: Record<string, string> = { admin: await t.login('admin', ADMIN_PASSWORD) };
  for (const who of ['mm', 'sup', 'am']) cookies[who] = await t.login(who, USER_PASSWORD);
  return cookies;
}

describe('policies', () => {
  it("seeds a default, follows the module's default until an administrator edits it", async () => {
    const def = { code: 'test.seeded', nameZh: '种子', nameEn: 'Seeded', kind: 'working_days' as const, amount: 3 };
    await ensureDeadlinePolicy(db, def);
    await ensureDeadlinePolicy(db, { ...def, amount: 4 });
    const [p] = await db.select().from(deadlinePolicies).where(eq(deadlinePolicies.code, 'test.seeded'));
    expect(p?.amount).toBe(4);
    expect(p?.version).toBe(1);
    const res = await t.call('PATCH', `/api/deadlines/policies/${p?.id}`, {
      cookie: org.adminCookie,
      body: { version: 1, amount: 6, toleranceWorkingDays: 2, remindBefore: [{ amount: 4, unit: 'working_hours' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ amount: 6, toleranceWorkingDays: 2, edited: true, version: 2 });
    await ensureDeadlinePolicy(db, { ...def, amount: 9 });
    const [after] = await db.select().from(deadlinePolicies).where(eq(deadlinePolicies.code, 'test.seeded'));
    expect(after?.amount).toBe(6);
    const stale = await t.call('PATCH', `/api/deadlines/policies/${p?.id}`, { cookie: org.adminCookie, body: { version: 1, amount: 7 } });
    expect(stale.statusCode).toBe(409);
    const audit = (await t.call('GET', `/api/audit?entityId=${p?.id}`, { cookie: org.adminCookie })).json();
    expect(audit.items[0].changes.amount).toEqual({ before: 4, after: 6 });
  });
});

describe('calendar changes', () => {
  it('new working hours move open hour-based deadlines at the next sweep; paused ones stay paused', async () => {
    await ensureDeadlinePolicy(db, { code: 'test.hours', nameZh: '四小时', nameEn: 'Four hours', kind: 'working_hours', amount: 4 });
    const k = key('hours');
    const kp = key('hours-paused');
    await tx((x) => startDeadline(x, at('2026-11-24T11:00:00+08:00'), { ...k, policyCode: 'test.hours', ownerUserId: id('am') }));
    await tx((x) => startDeadline(x, at('2026-11-24T11:00:00+08:00'), { ...kp, policyCode: 'test.hours', ownerUserId: id('am') }));
    await tx((x) => pauseDeadline(x, at('2026-11-24T12:00:00+08:00'), kp, 'waiting'));
    expect(iso((await row(k))?.dueAt)).toBe('2026-11-24T15:00:00+08:00');
    const cur = (await t.call('GET', '/api/calendar/working-hours')).json();
    const put = (version: number, periods: Array<{ from: string; to: string }>) =>
      t.call('PUT', '/api/calendar/working-hours', { cookie: org.adminCookie, body: { version, periods } });
    expect(
      (
        await put(cur.version, [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '18:00' },
        ])
      ).statusCode,
    ).toBe(200);
    expect((await row(k))?.recompute).toBe(true);
    await sweep('2026-11-24T11:30:00+08:00');
    expect(iso((await row(k))?.dueAt)).toBe('2026-11-24T16:00:00+08:00');
    expect((await row(k))?.state).toBe('running');
    expect((await row(kp))?.state).toBe('paused');
    expect((await row(kp))?.nextEventAt).toBeNull();
    expect((await put(cur.version + 1, [{ from: '09:00', to: '18:00' }])).statusCode).toBe(200);
    await sweep('2026-11-24T11:31:00+08:00');
    expect(iso((await row(k))?.dueAt)).toBe('2026-11-24T15:00:00+08:00');
    await tx((x) => cancelDeadline(x, at('2026-11-24T11:32:00+08:00'), k));
    await tx((x) => cancelDeadline(x, at('2026-11-24T11:32:00+08:00'), kp));
  });
});

describe('deadline lifecycle with a moving clock', () => {
  it('computes the due time from the policy and the calendar; a second start keeps the first', async () => {
    const k = key('life');
    const first = await start(k, '2026-11-20T11:00:00+08:00');
    expect(await start(k, '2026-11-21T11:00:00+08:00')).toBe(first);
    const r = await row(k);
    expect(r?.state).toBe('running');
    expect(iso(r?.dueAt)).toBe('2026-11-27T18:00:00+08:00');
    expect(iso(r?.breachAt)).toBe('2026-12-01T18:00:00+08:00');
    expect(r?.reminderAts).toEqual([at('2026-11-26T18:00:00+08:00').toISOString()]);
    expect(iso(r?.escalation2At)).toBe('2026-12-02T18:00:00+08:00');
    expect(r?.departmentId).toBe(org.depts.marketEast);
  });

  it('reminds, marks overdue, breaches and escalates — each exactly once', async () => {
    const r0 = await row(key('life'));
    const did = r0?.id ?? '';
    expect((await sweep('2026-11-25T12:00:00+08:00')).fired).toEqual({});
    expect((await sweep('2026-11-26T18:00:00+08:00')).fired).toEqual({ reminder: 1 });
    expect((await sweep('2026-11-26T18:30:00+08:00')).fired).toEqual({});
    const reminder = await inbox(id('am'), 'deadline.reminder');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.title).toBe('时限提醒：方案 life');
    expect(reminder[0]?.body).toContain('2026-11-27 18:00');
    expect(reminder[0]?.link).toBe('/test/life');
    expect((await sweep('2026-11-28T09:00:00+08:00')).fired).toEqual({ overdue: 1 });
    expect((await row(key('life')))?.state).toBe('running');
    expect((await sweep('2026-12-01T18:00:00+08:00')).fired).toEqual({ breach: 1, escalation_1: 1 });
    const breached = await row(key('life'));
    expect(breached?.state).toBe('breached');
    expect(iso(breached?.breachedAt)).toBe('2026-12-01T18:00:00+08:00');
    const toManager = await inbox(id('mm'), 'deadline.escalated');
    expect(toManager).toHaveLength(1);
    expect(toManager[0]?.body).toContain('直属上级');
    expect(toManager[0]?.title).toContain('张客户经理');
    expect(await inbox(id('gm'), 'deadline.escalated')).toHaveLength(0);
    expect((await sweep('2026-12-02T18:00:00+08:00')).fired).toEqual({ escalation_2: 1 });
    expect((await inbox(id('gm'), 'deadline.escalated'))[0]?.body).toContain('部门负责人');
    expect((await sweep('2026-12-10T00:00:00+08:00')).fired).toEqual({});
    expect(await eventsOf(did)).toEqual(['breach', 'escalation_1', 'escalation_2', 'overdue', 'reminder_1']);
    expect((await row(key('life')))?.nextEventAt).toBeNull();
  });

  it('a late completion records its lateness in working days and the breach', async () => {
    await tx((x) => completeDeadline(x, at('2026-12-03T10:00:00+08:00'), key('life')));
    const r = await row(key('life'));
    expect(r?.state).toBe('met');
    // due Fri 11-27 18:00; 11-30, 12-01, 12-02 and one hour of 12-03 → 28 working hours → 4 working days
    expect(r?.lateWorkingDays).toBe(4);
    expect(iso(r?.breachedAt)).toBe('2026-12-01T18:00:00+08:00');
    // completing again does nothing
    await tx((x) => completeDeadline(x, at('2026-12-04T10:00:00+08:00'), key('life')));
    expect((await row(key('life')))?.version).toBe(r?.version);
  });

  it('catches up after downtime with one event per kind and skips stale ones', async () => {
    const k = key('downtime');
    await start(k, '2026-11-20T11:00:00+08:00');
    const res = await sweep('2026-12-20T10:00:00+08:00');
    expect(res.fired).toEqual({ breach: 1, escalation_1: 1, escalation_2: 1 });
    expect(await eventsOf((await row(k))?.id ?? '')).toEqual(['breach', 'escalation_1', 'escalation_2']);
    expect((await sweep('2026-12-20T10:05:00+08:00')).fired).toEqual({});
  });

  it('pausing stops the clock; resuming pushes the due time by the paused working time', async () => {
    const k = key('pause');
    await start(k, '2026-11-20T11:00:00+08:00');
    await tx((x) => pauseDeadline(x, at('2026-11-23T10:00:00+08:00'), k, '等待客户提供资料'));
    await tx((x) => pauseDeadline(x, at('2026-11-23T11:00:00+08:00'), k, 'again'));
    let r = await row(k);
    expect(r?.state).toBe('paused');
    expect(r?.pauseReason).toBe('等待客户提供资料');
    expect((await sweep('2026-11-28T00:00:00+08:00')).fired).toEqual({});
    await tx((x) => resumeDeadline(x, at('2026-11-24T10:00:00+08:00'), k));
    r = await row(k);
    expect(r?.state).toBe('running');
    expect(r?.pausedWorkingMs).toBe(9 * 3_600_000);
    expect(r?.pausedMs).toBe(24 * 3_600_000);
    expect(iso(r?.dueAt)).toBe('2026-11-30T18:00:00+08:00');
    expect(iso(r?.breachAt)).toBe('2026-12-02T18:00:00+08:00');
    await tx((x) => resumeDeadline(x, at('2026-11-24T11:00:00+08:00'), k));
    expect((await row(k))?.version).toBe(r?.version);
    await tx((x) => completeDeadline(x, at('2026-11-30T17:00:00+08:00'), k));
    r = await row(k);
    expect(r?.state).toBe('met');
    expect(r?.lateWorkingDays).toBe(0);
  });

  it('a cancelled deadline stops and the step can start afresh', async () => {
    const k = key('cancel');
    const a = await start(k, '2026-11-20T11:00:00+08:00');
    await tx((x) => cancelDeadline(x, at('2026-11-21T11:00:00+08:00'), k));
    expect((await row(k))?.state).toBe('cancelled');
    const b = await start(k, '2026-11-23T11:00:00+08:00');
    expect(b).not.toBe(a);
    await tx((x) => completeDeadline(x, at('2026-11-24T11:00:00+08:00'), k));
  });

  it('without a manager, escalation goes to the department head once', async () => {
    const k = key('eng');
    await start(k, '2026-11-20T11:00:00+08:00', 'eng');
    expect((await sweep('2026-12-21T10:00:00+08:00')).fired).toEqual({ breach: 1, escalation_1: 1, escalation_2: 1 });
    const ev = await db
      .select()
      .from(deadlineEvents)
      .where(eq(deadlineEvents.deadlineId, (await row(k))?.id ?? ''));
    expect(ev.find((e) => e.kind === 'escalation_1')?.recipientUserIds).toEqual([id('gm')]);
    expect(ev.find((e) => e.kind === 'escalation_2')?.recipientUserIds).toEqual([]);
    await tx((x) => completeDeadline(x, at('2026-12-21T11:00:00+08:00'), k));
  });

  it('runs as a schedule of the job runner', async () => {
    const k = key('runner');
    await start(k, '2026-11-20T11:00:00+08:00', 'eng');
    const clock = { now: at('2026-12-22T10:00:00+08:00') };
    const runner = new JobRunner({ db, clock: () => clock.now, instanceId: 'test-runner' });
    await runner.runDueOnce();
    expect(await eventsOf((await row(k))?.id ?? '')).toEqual(['breach', 'escalation_1', 'escalation_2']);
    const [sched] = rowsOf<{ last_error: string | null }>(
      await db.execute(sql`SELECT last_error FROM job_schedules WHERE name = ${DEADLINE_SWEEP_SCHEDULE}`),
    );
    expect(sched).toEqual({ last_error: null });
    await tx((x) => completeDeadline(x, at('2026-12-22T11:00:00+08:00'), k));
    // The runner also ran the business modules' schedules (e.g. the daily visit log opened a
    // deadline for the account manager); set those aside so the statistics below count only ours.
    await db.execute(
      sql`UPDATE deadlines SET state = 'cancelled' WHERE subject_type <> 'test_subject' AND state IN ('running', 'paused', 'breached')`,
    );
  });

  it('a year without a calendar gives a provisional due time, recomputed once the year is entered', async () => {
    const k = key('newyear');
    await start(k, '2026-12-28T10:00:00+08:00');
    let r = await row(k);
    expect(r?.provisional).toBe(true);
    expect(iso(r?.dueAt)).toBe('2027-01-04T18:00:00+08:00'); // weekends only
    const save = await t.call('PUT', '/api/calendar/years/2027', {
      cookie: org.adminCookie,
      body: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: 'test' },
    });
    expect(save.statusCode).toBe(200);
    expect((await row(k))?.recompute).toBe(true);
    const res = await sweep('2026-12-28T11:00:00+08:00');
    expect(res.recomputed).toBeGreaterThanOrEqual(1);
    r = await row(k);
    expect(r?.provisional).toBe(false);
    expect(r?.recompute).toBe(false);
    expect(iso(r?.dueAt)).toBe('2027-01-05T18:00:00+08:00');
    await tx((x) => completeDeadline(x, at('2026-12-29T10:00:00+08:00'), k));
  });
});

describe('open deadlines and SLA statistics over HTTP', () => {
  it("lists open deadlines in the reader's data scope with filters", async () => {
    await start(key('open-a'), '2026-12-01T10:00:00+08:00');
    await start(key('open-b'), '2026-12-07T10:00:00+08:00', 'eng');
    await start(key('open-c'), '2026-12-07T10:00:00+08:00');
    let c = await clockTo('2026-12-10T12:00:00+08:00');
    const ids = (page: { items: Array<{ subjectId: string }> }) => page.items.map((d) => d.subjectId).sort();
    const all = (await t.call('GET', '/api/deadlines', { cookie: c.admin })).json();
    expect(ids(all)).toEqual(['downtime', 'open-a', 'open-b', 'open-c']);
    expect(all.subjectTypes).toEqual(['test_subject']);
    const overdue = (await t.call('GET', '/api/deadlines?filter=overdue', { cookie: c.admin })).json();
    expect(overdue.items.map((d: { subjectId: string }) => d.subjectId)).toEqual(['downtime', 'open-a']); // by due time
    expect(overdue.items[1]).toMatchObject({
      ownerName: '张客户经理',
      departmentName: '华东片区',
      policyName: '测试五日',
      overdue: true,
      state: 'running',
    });
    // 12-07 + 5 working days = 12-14 18:00; "due soon" = within one working day
    c = await clockTo('2026-12-14T09:00:00+08:00');
    const soon = (await t.call('GET', '/api/deadlines?filter=due_soon', { cookie: c.admin })).json();
    expect(ids(soon)).toEqual(['open-b', 'open-c']);
    // 王经理 (市场部 and below) sees 华东片区, not 工程部; 李主管 (市场部 only) sees neither
    const mm = (await t.call('GET', '/api/deadlines', { cookie: c.mm })).json();
    expect(ids(mm)).toEqual(['downtime', 'open-a', 'open-c']);
    expect((await t.call('GET', '/api/deadlines', { cookie: c.sup })).json().total).toBe(0);
    expect((await t.call('GET', '/api/deadlines', { cookie: c.am })).statusCode).toBe(403);
  });

  it('counts met on time, late, breached per person and month', async () => {
    await start(key('ontime'), '2026-11-20T11:00:00+08:00');
    await tx((x) => completeDeadline(x, at('2026-11-25T11:00:00+08:00'), key('ontime')));
    await start(key('late'), '2026-11-20T11:00:00+08:00');
    await tx((x) => completeDeadline(x, at('2026-11-30T11:00:00+08:00'), key('late')));
    const c = await clockTo('2026-12-31T12:00:00+08:00');
    const res = await t.call('GET', '/api/deadlines/sla?groupBy=owner&period=month&from=2026-11-01&to=2026-12-31', { cookie: c.admin });
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as Array<Record<string, unknown>>;
    // 张客户经理, due in November: life (breached, met late 4 WD), downtime (open, breached), pause (due 11-30, on time),
    // the restarted "cancel" (on time), ontime, late (1 WD); the cancelled one is not counted
    const amNov = rows.find((r) => r.key === id('am') && r.period === '2026-11');
    expect(amNov).toMatchObject({ label: '张客户经理', count: 6, onTime: 3, late: 1, breached: 2, openOverdue: 0 });
    expect(amNov?.onTimeRate).toBe(0.5);
    expect(amNov?.avgLateWorkingDays).toBe(2.5);
    const amDec = rows.find((r) => r.key === id('am') && r.period === '2026-12');
    // open-a (due 12-08) and open-c (due 12-14) are still open past their breach time
    expect(amDec).toMatchObject({ count: 2, breached: 2 });
    const byPolicy = (
      await t.call('GET', '/api/deadlines/sla?groupBy=policy&period=quarter&from=2026-10-01&to=2026-12-31', { cookie: c.admin })
    ).json();
    expect(byPolicy.rows[0]).toMatchObject({ key: P5, label: '测试五日', period: '2026-Q4' });
    const dept = (
      await t.call('GET', '/api/deadlines/sla?groupBy=department&period=none&from=2026-10-01&to=2026-12-31', { cookie: c.mm })
    ).json();
    expect(dept.rows.map((r: { label: string }) => r.label)).toEqual(['华东片区']);
    const bad = await t.call('GET', '/api/deadlines/sla?groupBy=secret', { cookie: c.admin });
    expect(bad.statusCode).toBe(400);
  });
});

describe.runIf(testEngine() === 'postgres')('two instances on one PostgreSQL', () => {
  it('fire each event exactly once when both sweep at the same moment', async () => {
    const url = t.database.url ?? '';
    const other = await openDatabase({ url, poolSize: 4 });
    try {
      await ensureDeadlinePolicy(db, {
        code: 'test.race',
        nameZh: '并发',
        nameEn: 'Race',
        kind: 'working_hours',
        amount: 2,
        toleranceWorkingDays: 1,
        escalate: true,
      });
      await tx(async (x) => {
        for (let i = 0; i < 300; i++) {
          await startDeadline(x, at('2026-11-23T09:00:00+08:00'), {
            subjectType: 'race',
            subjectId: String(i),
            step: 's',
            policyCode: 'test.race',
            ownerUserId: id('am'),
          });
        }
      });
      const when = at('2026-11-30T12:00:00+08:00');
      const [a, b] = await Promise.all([sweepDeadlines(db, when, { batchSize: 40 }), sweepDeadlines(other.db, when, { batchSize: 40 })]);
      const fired = (r: { fired: Record<string, number> }) => Object.values(r.fired).reduce((s, n) => s + n, 0);
      expect(fired(a) + fired(b)).toBe(300 * 3); // breach, escalation_1, escalation_2
      const counts = rowsOf<{ kind: string; n: number }>(
        await db.execute(sql`
        SELECT e.kind, count(*)::int AS n FROM deadline_events e JOIN deadlines d ON d.id = e.deadline_id
        WHERE d.subject_type = 'race' GROUP BY e.kind ORDER BY e.kind`),
      );
      expect(counts).toEqual([
        { kind: 'breach', n: 300 },
        { kind: 'escalation_1', n: 300 },
        { kind: 'escalation_2', n: 300 },
      ]);
      const notes = rowsOf<{ n: number }>(
        await db.execute(sql`
        SELECT count(*)::int AS n FROM notifications WHERE subject_type = 'race' AND event_type = 'deadline.breached'`),
      );
      expect(notes[0]?.n).toBe(300);
      // and again, concurrently: nothing more
      const [c, d] = await Promise.all([sweepDeadlines(db, when), sweepDeadlines(other.db, when)]);
      expect(fired(c) + fired(d)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('two instances starting the same step get the same deadline', async () => {
    const url = t.database.url ?? '';
    const other = await openDatabase({ url, poolSize: 2 });
    try {
      const input = { subjectType: 'race2', subjectId: 'x', step: 's', policyCode: P5, ownerUserId: id('am') };
      const now = at('2026-11-23T09:00:00+08:00');
      const [a, b] = await Promise.all([
        db.transaction((x) => startDeadline(x, now, input)),
        other.db.transaction((x) => startDeadline(x, now, input)),
      ]);
      expect(a).toBe(b);
    } finally {
      await other.close();
    }
  });
});
