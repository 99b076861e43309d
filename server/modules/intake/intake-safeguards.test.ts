import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from '../../test-support/fixtures.ts';
import { rowsOf } from '../../db/client.ts';
import { leads, projects } from '../../db/schema.ts';

/**
 * Safeguards of intake, activities, visit logs and cases: phone digits in
 * lead search, the masked phone sent back on edit, deadlines on the approval-page resubmit and
 * on import, references to leads and plans, and bad input (NUL characters, impossible dates,
 * bad ids and base64) answered 400 — never a 500.
 */

let t: TestApp;
let org: OrgFixture;
const u: Record<string, { id: string; cookie: string }> = {};
const cookie = (who: string) => u[who]?.cookie ?? '';
const uid = (who: string) => u[who]?.id ?? '';
let customerId = '';
let partnerId = '';
/** a customer of the account manager (activities) */
let amCustomerId = '';

interface Lead {
  id: string;
  code: string;
  title: string;
  state: string;
  version: number;
  contactPhone: string | null;
  screening: { outcome: string | null };
  approval: { id: string; state: string } | null;
  deadlines: Array<{ step: string; state: string }>;
}

async function call(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  return t.call(method, url, { cookie: cookie(who), body });
}
async function ok<T = Lead>(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<T> {
  const res = await call(who, method, url, body);
  if (res.statusCode !== 200) throw new Error(`${who} ${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
async function searchText(id: string): Promise<string> {
  return (await t.database.db.select({ s: leads.searchText }).from(leads).where(eq(leads.id, id)))[0]?.s ?? '';
}
const titles = async (who: string, q: string) =>
  (await ok<{ items: Array<{ title: string }> }>(who, 'GET', `/api/leads?q=${encodeURIComponent(q)}`)).items.map((i) => i.title);

beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' });
  t.clock.now = new Date('2026-03-10T02:00:00Z'); // Tuesday 10:00 Asia/Shanghai
  org = await createOrg(t);
  for (const [k, v] of Object.entries(org.users)) u[k] = v;
  for (const [username, name, role, dept] of [
    ['dir', '刘总监', 'sales_director', org.depts.market],
    ['asst', '陈助理', 'marketing_assistant', org.depts.market],
  ] as const) {
    const id = await createUserViaApi(t, org.adminCookie, {
      username,
      displayName: name,
      departmentId: dept,
      roleIds: [org.roleIds[role] ?? ''],
    });
    u[username] = { id, cookie: await loginAndActivate(t, username) };
  }
  customerId = (await ok<{ id: string }>('sup', 'POST', '/api/customers', { name: '天津临港物流发展有限公司' })).id;
  amCustomerId = (await ok<{ id: string }>('am', 'POST', '/api/customers', { name: '天津临港装备制造有限公司' })).id;
  partnerId = (await ok<{ id: string }>('sup', 'POST', '/api/partners', { name: '天津鑫达系统集成有限公司' })).id;
}, 240_000);
afterAll(async () => {
  await t.close();
});

describe('lead search and phone digits', () => {
  it('readers without contact.phone cannot find a lead by its phone number, on every write path', async () => {
    // register: the marketing assistant (no contact.phone) registers it and sees the number masked
    const lead = await ok('asst', 'POST', '/api/leads', {
      title: '临港仓库消防改造',
      channel: 'phone',
      customerName: '天津临港仓储有限公司',
      contactPhone: '139-1234-5678',
    });
    expect(lead.contactPhone).toBe('139-****-5678');
    expect(await searchText(lead.id)).toMatch(/#13912345678$/);
    expect(await titles('asst', '临港仓库')).toEqual(['临港仓库消防改造']);
    expect(await titles('asst', '13912345678')).toEqual([]);
    expect(await titles('asst', '5678')).toEqual([]);
    expect(await titles('sup', '13912345678')).toEqual(['临港仓库消防改造']);

    // update: the masked number sent back by the edit form leaves the stored number as it was
    const edited = await ok('asst', 'PATCH', `/api/leads/${lead.id}`, {
      version: lead.version,
      title: '临港仓库消防系统改造',
      contactPhone: '139-****-5678',
    });
    expect(edited.title).toBe('临港仓库消防系统改造');
    expect((await ok('sup', 'GET', `/api/leads/${lead.id}`)).contactPhone).toBe('139-1234-5678');
    const changed = await ok('sup', 'PATCH', `/api/leads/${lead.id}`, { version: edited.version, contactPhone: '13800001111' });
    expect(await searchText(changed.id)).toMatch(/#13800001111$/);
    expect(await titles('asst', '13800001111')).toEqual([]);
    expect(await titles('sup', '13800001111')).toEqual(['临港仓库消防系统改造']);

    // partner registration
    const reg = await ok('sup', 'POST', '/api/leads/partner-registration', {
      partnerId,
      title: '港区道闸系统',
      customerName: '天津港区停车管理有限公司',
      contactPhone: '022-2345 6789',
    });
    expect(await searchText(reg.id)).toMatch(/#02223456789$/);
    expect(await titles('asst', '23456789')).toEqual([]);
    expect(await titles('sup', '23456789')).toEqual(['港区道闸系统']);

    // the global search agrees
    const search = await ok<{ leads: unknown[] }>('asst', 'GET', '/api/search?q=13800001111');
    expect(search.leads).toEqual([]);
  });

  it('imported information: phone digits behind the mark, and the screening deadline starts', async () => {
    const tpl = await call('sup', 'GET', '/api/leads/import/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    ws.spliceRows(2, 1);
    ws.addRow(['西青区学校监控', '展会', '天津西青教育发展有限公司', '吴老师', '13611112222', 800000, '', '']);
    const contentBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await ok<{ imported: number }>('sup', 'POST', '/api/leads/import/commit', {
      fileName: 'leads.xlsx',
      contentBase64,
      mode: 'valid_only',
    });
    expect(res.imported).toBe(1);
    const found = await ok<{ items: Array<{ id: string; dueAt: string | null }> }>('sup', 'GET', '/api/leads?q=13611112222');
    const id = found.items[0]?.id ?? '';
    expect(await searchText(id)).toMatch(/#13611112222$/);
    expect(await titles('asst', '13611112222')).toEqual([]);
    expect(found.items[0]?.dueAt).not.toBeNull();
    const detail = await ok('sup', 'GET', `/api/leads/${id}`);
    expect(detail.deadlines.filter((d) => d.step === 'screen' && d.state === 'running')).toHaveLength(1);
  });
});

describe('forwarding resubmitted from the approval page', () => {
  it('approved after a return: forwarded, outcome forward, no screening deadline left running', async () => {
    const lead = await ok('sup', 'POST', '/api/leads', {
      title: '焊装线机器人工作站',
      channel: 'email',
      customerName: '天津汽车零部件有限公司',
    });
    const fwd = await ok('sup', 'POST', `/api/leads/${lead.id}/screen`, {
      version: lead.version,
      outcome: 'forward',
      forwardUnit: '机器人事业部',
      forwardPerson: '赵部长',
    });
    const requestId = fwd.approval?.id ?? '';
    await ok('dir', 'POST', `/api/approvals/${requestId}/return`, { comment: '请补充客户需求' });
    const back = await ok('sup', 'GET', `/api/leads/${lead.id}`);
    expect(back.state).toBe('registered');
    expect(back.deadlines.filter((d) => d.step === 'screen' && d.state === 'running')).toHaveLength(1);
    await ok('sup', 'POST', `/api/approvals/${requestId}/resubmit`, { comment: '已补充' });
    const detail = await ok<{ subjectVersion: number }>('dir', 'GET', `/api/approvals/${requestId}`);
    await ok('dir', 'POST', `/api/approvals/${requestId}/approve`, { subjectVersion: detail.subjectVersion });
    const after = await ok('sup', 'GET', `/api/leads/${lead.id}`);
    expect(after.state).toBe('forwarded');
    expect(after.screening.outcome).toBe('forward');
    expect(after.deadlines.filter((d) => ['running', 'paused', 'breached'].includes(d.state))).toEqual([]);
  });
});

describe('references', () => {
  it('an activity can name only a lead the author may see', async () => {
    const visit = { type: 'visit', customerId: amCustomerId, subject: '拜访物流部', result: '了解需求' };
    const unknown = await call('am', 'POST', '/api/activities', { ...visit, leadId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(Object.keys(unknown.json().details.fields as object)).toEqual(['body.leadId']);
    const hidden = await ok('sup', 'POST', '/api/leads', { title: '物流园区门禁', channel: 'phone', customerName: '天津某物流园有限公司' });
    expect((await call('am', 'POST', '/api/activities', { ...visit, leadId: hidden.id })).statusCode).toBe(400);
    const own = await ok('am', 'POST', '/api/leads', { title: '临港物流园监控', channel: 'prospecting', customerId: amCustomerId });
    const a = await ok<{ leadId: string | null }>('am', 'POST', '/api/activities', { ...visit, leadId: own.id });
    expect(a.leadId).toBe(own.id);
  });

  it('only the author of a reception plan writes its summary', async () => {
    const plan = await ok<{ id: string; approval: { id: string } | null }>('am', 'POST', '/api/activities', {
      type: 'reception_plan',
      customerId: amCustomerId,
      subject: '考察生产基地',
      visitors: '临港物流 3 人',
      startDate: '2026-03-12',
      endDate: '2026-03-12',
      schedule: [{ date: '2026-03-12', item: '参观生产线' }],
      budgetFen: 200000,
    });
    const requestId = plan.approval?.id ?? '';
    const d = await ok<{ subjectVersion: number }>('mm', 'GET', `/api/approvals/${requestId}`);
    await ok('mm', 'POST', `/api/approvals/${requestId}/approve`, { subjectVersion: d.subjectVersion });
    const summary = { type: 'reception_summary', planId: plan.id, content: '参观顺利', result: '客户满意' };
    expect((await call('mm', 'POST', '/api/activities', summary)).statusCode).toBe(403);
    expect((await call('am', 'POST', '/api/activities', summary)).statusCode).toBe(200);
  });

  it("a case about a project is about that project's customer", async () => {
    const other = (await ok<{ id: string }>('sup', 'POST', '/api/customers', { name: '天津另一家客户有限公司' })).id;
    const [p] = await t.database.db
      .insert(projects)
      .values({
        code: 'XM-2026-90001',
        name: '临港物流园智能化',
        customerId: other,
        stageEnteredAt: t.clock.now,
        ownerUserId: uid('sup'),
        departmentId: org.depts.market,
      })
      .returning({ id: projects.id });
    const res = await call('sup', 'POST', '/api/cases', {
      kind: 'inquiry',
      customerId,
      projectId: p?.id,
      subject: '咨询',
      content: '内容',
      channel: 'phone',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().details.fields as object)).toEqual(['body.projectId']);
  });
});

describe('bad input answers 400, never 500', () => {
  it('drops NUL and other control characters from text', async () => {
    const lead = await ok('sup', 'POST', '/api/leads', {
      title: '控制\u0000字符\u0007测试',
      channel: 'web',
      customerName: '天津\u0000控制字符有限公司',
      description: 'a\u0000b\nc',
    });
    expect(lead.title).toBe('控制字符测试');
    const nul = await call('sup', 'POST', '/api/leads', { title: '\u0000', channel: 'web', customerName: 'x' });
    expect(nul.statusCode).toBe(400);
    expect(Object.keys(nul.json().details.fields as object)).toContain('body.title');
    expect(
      (
        await call('sup', 'POST', `/api/leads/${lead.id}/screen`, {
          version: lead.version,
          outcome: 'reject',
          note: '无\u0000用',
          replyMethod: 'phone',
          replyAt: '2026-03-10T10:00:00+08:00',
          replyBy: '李\u0000主管',
          replyContent: '已\u0000答复',
        })
      ).statusCode,
    ).toBe(200);
    const act = await ok<{ subject: string; result: string }>('am', 'POST', '/api/activities', {
      type: 'visit',
      customerId: amCustomerId,
      subject: '拜访\u0000',
      result: '结\u0000果',
    });
    expect(act).toMatchObject({ subject: '拜访', result: '结果' });
    const c = await ok<{ subject: string }>('sup', 'POST', '/api/cases', {
      kind: 'complaint',
      customerId,
      subject: '投\u0000诉',
      content: '内\u0000容',
      channel: 'phone',
    });
    expect(c.subject).toBe('投诉');
    for (const url of ['/api/leads?q=%00', '/api/leads/assignees?q=%00', '/api/activities?q=a%00b', '/api/cases?q=%00x']) {
      expect((await call('sup', 'GET', url)).statusCode, url).toBe(200);
    }
    const sub = await ok<{ days: unknown[] }>('am', 'POST', '/api/visit-logs/2026-03-09/submit', {
      noVisits: true,
      note: '内部\u0000培训',
    });
    expect(sub.days.length).toBeGreaterThan(0);
  });

  it('impossible dates, years PostgreSQL refuses, bad ids, bad base64, huge strings', async () => {
    const bad: Array<[string, 'GET' | 'POST' | 'PATCH', string, unknown?]> = [
      ['am', 'POST', '/api/visit-logs/2026-02-30/submit', { noVisits: true, note: '培训' }],
      ['am', 'POST', '/api/visit-logs/0000-01-01/submit', { noVisits: true, note: '培训' }],
      ['am', 'GET', '/api/visit-logs/mine?from=2026-13-01'],
      ['mm', 'GET', '/api/reports/visit-rollup?week=2026-13-45'],
      ['mm', 'GET', '/api/reports/visit-rollup?week=2026-02-30'],
      ['mm', 'GET', '/api/reports/visit-rollup/export.xlsx?week=0000-01-03'],
      ['sup', 'GET', '/api/leads?from=2026-02-30'],
      ['am', 'GET', '/api/activities?to=2026-04-31'],
      ['sup', 'GET', '/api/cases?from=0000-01-01'],
      ['sup', 'GET', '/api/leads/not-a-uuid'],
      ['sup', 'GET', '/api/leads?assigneeId=123'],
      ['am', 'GET', '/api/activities/xyz'],
      ['sup', 'POST', '/api/cases/1/answer', { version: 1, answer: 'x' }],
      ['sup', 'POST', '/api/leads', { title: '远古信息', channel: 'web', customerName: 'x', receivedAt: '0000-01-01T00:00:00Z' }],
      ['sup', 'POST', '/api/leads', { title: '未来信息', channel: 'web', customerName: 'x', receivedAt: '2027-01-01T00:00:00+08:00' }],
      ['sup', 'POST', '/api/leads', { title: 'x'.repeat(100_000), channel: 'web', customerName: 'x' }],
      ['am', 'POST', '/api/activities', { type: 'visit', customerId: amCustomerId, subject: '拜访', result: '好', logDate: '2026-02-29' }],
      [
        'am',
        'POST',
        '/api/activities',
        { type: 'visit', customerId: amCustomerId, subject: '拜访', result: '好', occurredAt: '0000-06-01T00:00:00Z' },
      ],
      [
        'am',
        'POST',
        '/api/activities',
        {
          type: 'reception_plan',
          customerId: amCustomerId,
          subject: '考察',
          visitors: '3 人',
          startDate: '2026-02-30',
          endDate: '2026-03-01',
          schedule: [{ date: '2026-03-01', item: '参观' }],
          budgetFen: 1,
        },
      ],
      [
        'sup',
        'POST',
        '/api/cases',
        { kind: 'inquiry', subject: '咨询', content: '内容', channel: 'phone', receivedAt: '0000-01-01T00:00:00Z' },
      ],
    ];
    for (const [who, method, url, body] of bad) {
      const res = await call(who, method, url, body);
      expect(res.statusCode, `${method} ${url} ${res.body.slice(0, 200)}`).toBe(400);
    }
    const lead = await ok('sup', 'POST', '/api/leads', { title: '附件测试', channel: 'web', customerName: '天津附件测试有限公司' });
    for (const contentBase64 of ['@@@@', 'QUJD===', 'A', '']) {
      const res = await call('sup', 'POST', `/api/leads/${lead.id}/attachments`, { fileName: 'a.txt', contentBase64 });
      expect(res.statusCode, contentBase64).toBe(400);
    }
    expect((await call('sup', 'POST', `/api/leads/${lead.id}/attachments`, { fileName: '\u0000', contentBase64: 'QUJD' })).statusCode).toBe(
      400,
    );
    const res = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM leads WHERE title IN ('远古信息', '未来信息')`);
    expect(rowsOf<{ n: number }>(res)[0]?.n).toBe(0);
  });
});
