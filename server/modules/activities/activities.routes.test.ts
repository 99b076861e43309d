import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, createUserViaApi, loginAndActivate, USER_PASSWORD, type OrgFixture } from '../../test-support/fixtures.ts';
import { rowsOf } from '../../db/client.ts';
import { JobRunner } from '../../jobs/runner.ts';

/**
 * Activities of every type through the HTTP API, the reception approval, the negotiation
 * notice, the daily visit-log job with its deadline, the Monday roll-up with a missing day (the
 * test clock moves through a week), inquiries and complaints with the answer deadline, and the
 * exports read back with exceljs.
 */

let t: TestApp;
let org: OrgFixture;
const u: Record<string, { id: string; cookie: string }> = {};
const cookie = (who: string) => u[who]?.cookie ?? '';
const uid = (who: string) => u[who]?.id ?? '';
let customerId = '';

interface Activity {
  id: string;
  type: string;
  state: string;
  version: number;
  logDate: string | null;
  subject: string;
  budgetFen: number | null;
  customerName: string | null;
  approval: { id: string; state: string } | null;
  summaryId: string | null;
  summaryDueAt: string | null;
  can: { edit: boolean; submit: boolean; summarise: boolean };
}
interface VisitDay {
  date: string;
  working: boolean;
  expected: boolean;
  visits: number;
  submitted: boolean;
  noVisits: boolean;
  dueAt: string | null;
  deadlineState: string | null;
}

async function call(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  return t.call(method, url, { cookie: cookie(who), body });
}
async function ok<T = Activity>(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<T> {
  const res = await call(who, method, url, body);
  if (res.statusCode !== 200) throw new Error(`${who} ${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
async function inboxTitles(who: string): Promise<string[]> {
  return (await ok<{ items: Array<{ title: string }> }>(who, 'GET', '/api/notifications?pageSize=100')).items.map((i) => i.title);
}
const runner = () => new JobRunner({ db: t.database.db, clock: () => t.clock.now, leaseMs: 60_000 });
/** Moves the clock; sessions idle longer than a day expire, so everybody signs in again. */
const at = async (iso: string) => {
  t.clock.now = new Date(iso);
  for (const who of Object.keys(u)) {
    const entry = u[who];
    if (entry) entry.cookie = await t.login(who, USER_PASSWORD);
  }
};

beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' });
  t.clock.now = new Date('2026-03-10T02:00:00Z'); // Tuesday 10:00 Asia/Shanghai
  org = await createOrg(t);
  for (const [k, v] of Object.entries(org.users)) u[k] = v;
  for (const [username, name, role, dept] of [
    ['asst', '陈助理', 'marketing_assistant', org.depts.market],
    ['am2', '孙客户经理', 'account_manager', org.depts.marketEast],
  ] as const) {
    const id = await createUserViaApi(t, org.adminCookie, {
      username,
      displayName: name,
      departmentId: dept,
      roleIds: [org.roleIds[role] ?? ''],
    });
    u[username] = { id, cookie: await loginAndActivate(t, username) };
  }
  customerId = (await ok<{ id: string }>('am', 'POST', '/api/customers', { name: '天津港集装箱码头有限公司' })).id;
}, 240_000);
afterAll(async () => {
  await t.close();
});

describe('activities', () => {
  it("a visit from the quick form: log date today, the day's log submitted, on the customer's timeline", async () => {
    const bad = await call('am', 'POST', '/api/activities', { type: 'visit', customerId, subject: '拜访信息中心' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().details.fields as object)).toEqual(['body.result']);
    const visit = await ok('am', 'POST', '/api/activities', {
      type: 'visit',
      customerId,
      contactName: '刘主任',
      subject: '了解闸口改造需求',
      result: '客户确认下季度立项',
      nextSteps: '提交初步方案',
    });
    expect(visit).toMatchObject({ type: 'visit', state: 'recorded', logDate: '2026-03-10', customerName: '天津港集装箱码头有限公司' });
    const log = await ok<{ days: VisitDay[] }>('am', 'GET', '/api/visit-logs/mine?from=2026-03-09&to=2026-03-10');
    expect(log.days.map((d) => [d.date, d.visits, d.submitted])).toEqual([
      ['2026-03-10', 1, true],
      ['2026-03-09', 0, false],
    ]);
    const tl = rowsOf<{ kind: string; title: string }>(
      await t.database.db.execute(
        sql`SELECT kind, title FROM timeline_entries WHERE customer_id = ${customerId} AND entity_id = ${visit.id}`,
      ),
    );
    expect(tl).toEqual([{ kind: 'activity.visit', title: '客户巡访：了解闸口改造需求' }]);
    const future = await call('am', 'POST', '/api/activities', {
      type: 'visit',
      customerId,
      subject: 'x',
      result: 'y',
      logDate: '2026-03-11',
    });
    expect(future.statusCode).toBe(400);
    // someone else's customer is not reachable
    expect((await call('am2', 'POST', '/api/activities', { type: 'visit', customerId, subject: 'x', result: 'y' })).statusCode).toBe(400);
  });

  it('a negotiation record notifies the marketing manager at once', async () => {
    const neg = await ok('am', 'POST', '/api/activities', {
      type: 'negotiation',
      customerId,
      subject: '闸口改造商务条款',
      participants: '客户：刘主任、采购部王工；我方：张客户经理',
      content: '客户要求分两期付款，首付 30%',
      nextSteps: '报市场部经理审定付款条件',
    });
    expect(neg.type).toBe('negotiation');
    expect(await inboxTitles('mm')).toContain('商务谈判记录：天津港集装箱码头有限公司');
    const missing = await call('am', 'POST', '/api/activities', { type: 'negotiation', customerId, subject: 'x' });
    expect(Object.keys(missing.json().details.fields as object).sort()).toEqual(['body.content', 'body.nextSteps', 'body.participants']);
  });

  it('a communication record needs channel, content, participants, result and a customer or project', async () => {
    const none = await call('am', 'POST', '/api/activities', {
      type: 'communication',
      channel: 'phone',
      content: '电话沟通',
      participants: '刘主任',
      result: '同意',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().details.fields['body.customerId']).toBe('请选择客户或项目');
    const comm = await ok('am', 'POST', '/api/activities', {
      type: 'communication',
      customerId,
      channel: 'wechat',
      content: '微信确认下周技术交流时间',
      participants: '刘主任',
      result: '定于下周三下午',
    });
    expect(comm.subject).toBe('微信确认下周技术交流时间');
  });

  it('a reception plan with its budget is approved by the marketing manager; the summary closes it', async () => {
    const plan = {
      type: 'reception_plan',
      customerId,
      subject: '客户来公司考察焊接生产线',
      visitors: '刘主任等 3 人',
      startDate: '2026-03-12',
      endDate: '2026-03-13',
      participants: '张客户经理、技术中心赵工',
      schedule: [
        { date: '2026-03-12', time: '09:30', item: '参观生产车间', place: '一号厂房' },
        { date: '2026-03-13', item: '技术交流座谈', place: '会议室' },
      ],
      budgetFen: 3_500_00,
      budgetItems: [
        { item: '餐费', amountFen: 2_000_00 },
        { item: '住宿', amountFen: 1_000_00 },
      ],
    };
    const mismatch = await call('am', 'POST', '/api/activities', plan);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().details.fields['body.budgetItems']).toBe('预算明细合计与费用预算不一致');
    const created = await ok('am', 'POST', '/api/activities', {
      ...plan,
      budgetItems: [
        { item: '餐费', amountFen: 2_500_00 },
        { item: '住宿', amountFen: 1_000_00 },
      ],
    });
    expect(created.state).toBe('pending');
    expect(created.approval?.state).toBe('pending');
    expect(created.can.edit).toBe(false);
    const approval = await ok<{ subjectVersion: number; snapshot: Record<string, unknown> }>(
      'mm',
      'GET',
      `/api/approvals/${created.approval?.id ?? ''}`,
    );
    expect(approval.snapshot).toMatchObject({ budgetFen: 3_500_00, visitors: '刘主任等 3 人', startDate: '2026-03-12' });
    expect((await call('am', 'PATCH', `/api/activities/${created.id}`, { version: created.version, subject: '改' })).statusCode).toBe(409);
    await ok('mm', 'POST', `/api/approvals/${created.approval?.id ?? ''}/approve`, { subjectVersion: approval.subjectVersion });
    const approved = await ok('am', 'GET', `/api/activities/${created.id}`);
    expect(approved.state).toBe('approved');
    // the summary falls due 2 working days after the last reception day (Friday 03-13 → Tuesday 03-17 18:00)
    expect(approved.summaryDueAt).toBe('2026-03-17T10:00:00.000Z');
    expect(approved.can.summarise).toBe(true);

    const summary = await ok('am', 'POST', '/api/activities', {
      type: 'reception_summary',
      planId: created.id,
      content: '客户参观了焊接线并座谈',
      result: '客户认可我方产线工艺',
      actualCostFen: 3_280_00,
    });
    expect(summary.customerName).toBe('天津港集装箱码头有限公司');
    const done = await ok('am', 'GET', `/api/activities/${created.id}`);
    expect(done).toMatchObject({ state: 'done', summaryId: summary.id });
    const dl = rowsOf<{ state: string }>(
      await t.database.db.execute(sql`SELECT state FROM deadlines WHERE subject_id = ${created.id} AND step = 'summary'`),
    );
    expect(dl.map((d) => d.state)).toEqual(['met']);
    const twice = await call('am', 'POST', '/api/activities', { type: 'reception_summary', planId: created.id, content: 'x', result: 'y' });
    expect(twice.statusCode).toBe(409);
  });

  it('a returned plan is edited and resubmitted; only its author edits; stale versions are refused', async () => {
    const created = await ok('am', 'POST', '/api/activities', {
      type: 'reception_plan',
      customerId,
      subject: '客户回访座谈',
      visitors: '王工',
      startDate: '2026-03-20',
      endDate: '2026-03-20',
      schedule: [{ date: '2026-03-20', item: '座谈' }],
      budgetFen: 8_000_00,
    });
    await ok('mm', 'POST', `/api/approvals/${created.approval?.id ?? ''}/return`, { comment: '预算偏高，请压缩到 5000 元以内' });
    const returned = await ok('am', 'GET', `/api/activities/${created.id}`);
    expect(returned.state).toBe('returned');
    expect(returned.can.edit).toBe(true);
    expect((await call('am2', 'PATCH', `/api/activities/${created.id}`, { version: returned.version, budgetFen: 1 })).statusCode).toBe(404);
    expect((await call('am', 'PATCH', `/api/activities/${created.id}`, { version: returned.version + 1, budgetFen: 1 })).statusCode).toBe(
      409,
    );
    const resubmitted = await ok('am', 'PATCH', `/api/activities/${created.id}`, {
      version: returned.version,
      budgetFen: 4_800_00,
      submit: true,
    });
    expect(resubmitted.state).toBe('pending');
    expect(resubmitted.budgetFen).toBe(4_800_00);
    const req = await ok<{ round: number; snapshot: { budgetFen: number } }>('mm', 'GET', `/api/approvals/${created.approval?.id ?? ''}`);
    expect(req.round).toBe(2);
    expect(req.snapshot.budgetFen).toBe(4_800_00);
  });

  it('lists with filters and exports to .xlsx', async () => {
    const visits = await ok<{ items: Activity[]; total: number }>(
      'am',
      'GET',
      '/api/activities?type=visit&ownerId=me&from=2026-03-10&to=2026-03-10',
    );
    expect(visits.total).toBe(1);
    const all = await ok<{ items: Activity[]; total: number }>('am', 'GET', `/api/activities?customerId=${customerId}&pageSize=2`);
    expect(all.items).toHaveLength(2);
    expect(all.total).toBe(6);
    expect((await ok<{ total: number }>('am2', 'GET', '/api/activities')).total).toBe(0);
    const res = await call('am', 'GET', '/api/activities/export.xlsx?type=reception_plan');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('类型');
    expect(ws?.rowCount).toBe(3);
    expect(ws?.getRow(2).getCell(1).value).toBe('客户接待日程');
    expect(ws?.getRow(2).getCell(13).value).toBeGreaterThan(0);
  });
});

describe('cases', () => {
  let caseId = '';

  it('receives a complaint, assigns it and starts the answer deadline', async () => {
    expect((await call('am', 'POST', '/api/cases', { kind: 'complaint', subject: 'x', content: 'y', channel: 'phone' })).statusCode).toBe(
      403,
    );
    const created = await ok<{ id: string; code: string; state: string; dueAt: string; version: number }>('mm', 'POST', '/api/cases', {
      kind: 'complaint',
      customerId,
      subject: '设备安装延期',
      content: '客户投诉安装队未按期进场',
      channel: 'phone',
    });
    expect(created.code).toMatch(/^KF-2026-\d{5}$/);
    expect(created.state).toBe('open');
    // 2 working days after Tuesday → Thursday 18:00
    expect(created.dueAt).toBe('2026-03-12T10:00:00.000Z');
    const assigned = await ok<{ state: string; assigneeName: string; version: number; dueAt: string }>(
      'mm',
      'POST',
      `/api/cases/${created.id}/assign`,
      { version: created.version, assigneeId: uid('am') },
    );
    expect(assigned).toMatchObject({ state: 'assigned', assigneeName: '张客户经理', dueAt: '2026-03-12T10:00:00.000Z' });
    expect(await inboxTitles('am')).toContain(`待答复投诉：${created.code} 设备安装延期`);
    caseId = created.id;
    expect((await call('am2', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
  });
});

describe('daily visit log, weekly roll-up, late answers', () => {
  it("the daily job opens each account manager's log with a deadline at the end of the working day", async () => {
    await at('2026-03-11T16:10:00Z'); // Thursday 00:10 Asia/Shanghai
    await runner().runDueOnce();
    const rows = rowsOf<{ user_id: string; log_date: string }>(
      await t.database.db.execute(
        sql`SELECT user_id, log_date::text AS log_date FROM visit_log_days WHERE log_date = '2026-03-12' ORDER BY user_id`,
      ),
    );
    expect(rows.map((r) => r.user_id).sort()).toEqual([uid('am'), uid('am2')].sort());
    const log = await ok<{ days: VisitDay[] }>('am2', 'GET', '/api/visit-logs/mine?from=2026-03-12&to=2026-03-12');
    expect(log.days[0]).toMatchObject({
      date: '2026-03-12',
      expected: true,
      submitted: false,
      dueAt: '2026-03-12T10:00:00.000Z',
      deadlineState: 'running',
    });
    // a second run the same day adds nothing
    await at('2026-03-11T16:40:00Z');
    await runner().runDueOnce();
    const n = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`SELECT count(*)::int AS n FROM visit_log_days WHERE log_date = '2026-03-12'`),
    )[0]?.n;
    expect(n).toBe(2);
    // "no visits today" needs a note; with it the day is handed in and its deadline met
    await at('2026-03-12T09:00:00Z'); // Thursday 17:00
    const noNote = await call('am', 'POST', '/api/visit-logs/2026-03-12/submit', { noVisits: true });
    expect(noNote.statusCode).toBe(400);
    const empty = await call('am', 'POST', '/api/visit-logs/2026-03-12/submit', {});
    expect(empty.statusCode).toBe(400);
    const sub = await ok<{ days: VisitDay[] }>('am', 'POST', '/api/visit-logs/2026-03-12/submit', {
      noVisits: true,
      note: '公司内部产品培训',
    });
    expect(sub.days[0]).toMatchObject({ date: '2026-03-12', submitted: true, noVisits: true, deadlineState: 'met' });
    expect((await call('am', 'POST', '/api/visit-logs/2026-03-20/submit', { noVisits: true, note: 'x' })).statusCode).toBe(400);
  });

  it('an unanswered complaint is overdue after its deadline and can still be answered and closed', async () => {
    await at('2026-03-13T02:00:00Z'); // Friday 10:00, past Thursday 18:00
    await runner().runDueOnce();
    const overdue = await ok<{ items: Array<{ id: string; overdue: boolean; deadlineState: string }> }>(
      'mm',
      'GET',
      '/api/cases?overdue=true',
    );
    expect(overdue.items.map((i) => i.id)).toEqual([expect.any(String)]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, deadlineState: 'breached' });
    const id = overdue.items[0]?.id ?? '';
    const current = await ok<{ version: number }>('am', 'GET', `/api/cases/${id}`);
    expect((await call('mm', 'POST', `/api/cases/${id}/close`, { version: current.version })).statusCode).toBe(400);
    const answered = await ok<{ state: string; version: number; deadlineState: string; can: { close: boolean } }>(
      'am',
      'POST',
      `/api/cases/${id}/answer`,
      { version: current.version, answer: '已协调安装队下周一进场，并致歉' },
    );
    expect(answered).toMatchObject({ state: 'answered', deadlineState: 'met' });
    const closed = await ok<{ state: string; timeline: Array<{ kind: string }> }>('mm', 'POST', `/api/cases/${id}/close`, {
      version: answered.version,
    });
    expect(closed.state).toBe('closed');
    expect(closed.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['case.received', 'case.assigned', 'case.answered', 'case.closed']),
    );
    const res = await call('mm', 'GET', '/api/cases/export.xlsx?kind=complaint');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('编号');
    expect(ws?.getRow(2).getCell(3).value).toBe('设备安装延期');
    expect(ws?.getRow(2).getCell(9).value).toBe('已关闭');
  });

  it('on Monday 09:00 the roll-up of last week is generated with the missing days, sent and exported', async () => {
    await at('2026-03-16T00:30:00Z'); // Monday 08:30: too early
    await runner().runDueOnce();
    expect(
      rowsOf(await t.database.db.execute(sql`SELECT 1 FROM generated_reports WHERE kind = 'visit_weekly' AND period_start = '2026-03-09'`)),
    ).toHaveLength(0);
    await at('2026-03-16T01:05:00Z'); // Monday 09:05
    await runner().runDueOnce();
    expect(
      rowsOf(await t.database.db.execute(sql`SELECT 1 FROM generated_reports WHERE kind = 'visit_weekly' AND period_start = '2026-03-09'`)),
    ).toHaveLength(1);
    expect(await inboxTitles('asst')).toContain('客户巡访周汇总：2026-03-09 ～ 2026-03-15');
    expect(await inboxTitles('mm')).toContain('客户巡访周汇总：2026-03-09 ～ 2026-03-15');
    expect((await call('am', 'GET', '/api/reports/visit-rollup')).statusCode).toBe(403);

    interface Rollup {
      weekStart: string;
      generatedAt: string | null;
      people: Array<{
        userId: string;
        totalVisits: number;
        missingDays: number;
        days: Array<{ date: string; visits: number; missing: boolean; noVisits: boolean }>;
      }>;
    }
    const r = await ok<Rollup>('mm', 'GET', '/api/reports/visit-rollup?week=2026-03-11');
    expect(r.weekStart).toBe('2026-03-09');
    expect(r.generatedAt).not.toBeNull();
    const am = r.people.find((p) => p.userId === uid('am'));
    expect(am?.totalVisits).toBe(1);
    // the accounts were created on Tuesday: Monday is not counted against them
    expect(am?.days.filter((d) => d.missing).map((d) => d.date)).toEqual(['2026-03-11', '2026-03-13']);
    expect(am?.days.find((d) => d.date === '2026-03-12')?.noVisits).toBe(true);
    const am2 = r.people.find((p) => p.userId === uid('am2'));
    expect(am2?.missingDays).toBe(4);
    // the running week is computed live and not stored
    const live = await ok<Rollup>('mm', 'GET', '/api/reports/visit-rollup?week=2026-03-16');
    expect(live.generatedAt).toBeNull();
    const res = await call('asst', 'GET', '/api/reports/visit-rollup/export.xlsx?week=2026-03-09');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values: string[] = [];
    ws?.eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
    expect(values).toContain('缺报');
    expect(values).toContain('无巡访');
    expect(ws?.getRow(1).getCell(3).value).toBe('周一 03-09');
  });

  it('a finished week never generated is stored when first read, without notifications', async () => {
    const week = sql`SELECT generated_at FROM generated_reports WHERE kind = 'visit_weekly' AND period_start = '2026-02-23'`;
    expect(rowsOf(await t.database.db.execute(week))).toHaveLength(0);
    const first = await ok<{ weekStart: string; generatedAt: string | null }>('mm', 'GET', '/api/reports/visit-rollup?week=2026-02-25');
    expect(first.weekStart).toBe('2026-02-23');
    expect(first.generatedAt).toBe(t.clock.now.toISOString());
    expect(rowsOf(await t.database.db.execute(week))).toHaveLength(1);
    expect(await inboxTitles('asst')).not.toContain('客户巡访周汇总：2026-02-23 ～ 2026-03-01');
    // later readers see the stored one
    await at(new Date(t.clock.now.getTime() + 3_600_000).toISOString());
    const again = await ok<{ generatedAt: string | null }>('asst', 'GET', '/api/reports/visit-rollup?week=2026-02-23');
    expect(again.generatedAt).toBe(first.generatedAt);
  });
});
