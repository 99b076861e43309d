import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from '../../test-support/fixtures.ts';
import { rowsOf } from '../../db/client.ts';

/**
 * The whole intake path through the HTTP API and the real database: register with original
 * material → screen (reject with reply / forward through the sales director's approval / keep
 * and assign) → evaluate ⇄ escalate → decide; deadlines started and completed; partner deal
 * registration with conflicts; duplicates; export and import.
 */

let t: TestApp;
let org: OrgFixture;
const u: Record<string, { id: string; cookie: string }> = {};
const cookie = (who: string) => u[who]?.cookie ?? '';
const uid = (who: string) => u[who]?.id ?? '';
let customerId = '';
let partnerId = '';

interface Lead {
  id: string;
  code: string;
  state: string;
  version: number;
  customerId: string | null;
  customerName: string | null;
  conflictState: string | null;
  protectedUntil: string | null;
  assigneeId: string | null;
  participationLevel: string | null;
  importance: string | null;
  evaluation: string | null;
  dueAt: string | null;
  screening: {
    outcome: string | null;
    replyMethod: string | null;
    replyBy: string | null;
    forwardUnit: string | null;
    note: string | null;
  };
  attachments: Array<{ id: string; fileName: string; size: number }>;
  approval: { id: string; state: string } | null;
  deadlines: Array<{ step: string; state: string; dueAt: string }>;
  timeline: Array<{ kind: string; title: string; summary: string | null }>;
  allowedActions: string[];
  escalationReason: string | null;
  conflictWith: Array<{ kind: string; label: string }>;
}

async function call(who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) {
  return t.call(method, url, { cookie: cookie(who), body });
}
async function ok<T = Lead>(who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown): Promise<T> {
  const res = await call(who, method, url, body);
  if (res.statusCode !== 200) throw new Error(`${who} ${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
const register = (who: string, body: Record<string, unknown>) => ok(who, 'POST', '/api/leads', { channel: 'phone', ...body });

async function auditActions(entityId: string): Promise<string[]> {
  const res = await t.database.db.execute(sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`);
  return rowsOf<{ action: string }>(res).map((r) => r.action);
}
async function inboxTitles(who: string): Promise<string[]> {
  const res = await ok<{ items: Array<{ title: string }> }>(who, 'GET', '/api/notifications?pageSize=100');
  return res.items.map((i) => i.title);
}

beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' });
  t.clock.now = new Date('2026-03-10T02:00:00Z'); // Tuesday 10:00 Asia/Shanghai
  org = await createOrg(t);
  for (const [k, v] of Object.entries(org.users)) u[k] = v;
  for (const [username, name, role, dept] of [
    ['dir', '刘总监', 'sales_director', org.depts.market],
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
  const c = await ok<{ id: string }>('sup', 'POST', '/api/customers', { name: '天津滨海智慧城市建设有限公司', creditCode: null });
  customerId = c.id;
  const p = await ok<{ id: string }>('sup', 'POST', '/api/partners', { name: '天津恒通系统集成有限公司' });
  partnerId = p.id;
}, 240_000);
afterAll(async () => {
  await t.close();
});

describe('information intake', () => {
  let rejected: Lead;

  it('registers information with its original material, starts the screening deadline, and refuses bad input in Chinese', async () => {
    const bad = await call('sup', 'POST', '/api/leads', { title: '', channel: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().details.fields as Record<string, string>;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['body.title', 'body.channel']));
    expect(bad.json().message).toMatch(/字段/);
    expect((await call('eng', 'GET', '/api/leads')).statusCode).toBe(403);

    rejected = await register('sup', {
      title: '园区食堂改造咨询',
      customerId,
      contactName: '王主任',
      contactPhone: '022-66668888',
      description: '客户来电',
    });
    expect(rejected.code).toMatch(/^XS-2026-\d{5}$/);
    expect(rejected.state).toBe('registered');
    expect(rejected.customerName).toBe('天津滨海智慧城市建设有限公司');
    expect(rejected.allowedActions).toEqual(['edit', 'attach', 'screen']);
    const screenDl = rejected.deadlines.find((d) => d.step === 'screen');
    expect(screenDl?.state).toBe('running');
    // 1 working day: end of Wednesday 2026-03-11 (18:00 Asia/Shanghai)
    expect(screenDl?.dueAt).toBe('2026-03-11T10:00:00.000Z');

    const content = Buffer.from('客户来函：园区食堂改造，请报价。').toString('base64');
    const att = await ok<{ id: string; fileName: string; size: number }>('sup', 'POST', `/api/leads/${rejected.id}/attachments`, {
      fileName: '客户来函.txt',
      contentBase64: content,
    });
    expect(att.fileName).toBe('客户来函.txt');
    const dl = await call('sup', 'GET', `/api/leads/${rejected.id}/attachments/${att.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.body).toContain('园区食堂改造');
    const exe = await call('sup', 'POST', `/api/leads/${rejected.id}/attachments`, { fileName: 'virus.exe', contentBase64: content });
    expect(exe.statusCode).toBe(400);
    expect(JSON.stringify(exe.json().details.fields)).toMatch(/不支持的文件类型/);
    // another user without reach to the record: 404, never the content
    expect((await call('am', 'GET', `/api/leads/${rejected.id}/attachments/${att.id}`)).statusCode).toBe(404);
  });

  it('flags the same customer with a similar title within 90 days before saving', async () => {
    const dup = await call('sup', 'POST', '/api/leads', { title: '园区食堂改造咨询（二次来电）', channel: 'phone', customerId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('lead_duplicate');
    expect(dup.json().message).toMatch(/90 天内已登记过同一客户的相似信息/);
    expect(dup.json().details.duplicates[0].code).toBe(rejected.code);
    const byName = await call('sup', 'POST', '/api/leads', {
      title: '园区食堂改造咨询',
      channel: 'web',
      customerName: '天津滨海智慧城市建设 有限公司',
    });
    expect(byName.statusCode).toBe(409);
    const confirmed = await register('sup', { title: '园区食堂改造咨询（二次来电）', customerId, confirmDuplicate: true });
    expect(confirmed.state).toBe('registered');
    expect(await auditActions(confirmed.id)).toContain('lead.register');
  });

  it('screens: cannot do → the reply to the customer is recorded and the record closes', async () => {
    const stale = await call('sup', 'POST', `/api/leads/${rejected.id}/screen`, {
      version: rejected.version + 1,
      outcome: 'reject',
      note: 'x',
      replyMethod: 'phone',
      replyAt: '2026-03-10T10:30:00+08:00',
      replyBy: '李主管',
      replyContent: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const missing = await call('sup', 'POST', `/api/leads/${rejected.id}/screen`, { version: rejected.version, outcome: 'reject' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().details.fields as object)).toEqual(expect.arrayContaining(['body.replyMethod', 'body.replyContent']));
    const current = await ok('sup', 'GET', `/api/leads/${rejected.id}`);
    const closed = await ok('sup', 'POST', `/api/leads/${rejected.id}/screen`, {
      version: current.version,
      outcome: 'reject',
      note: '非我司业务范围',
      replyMethod: 'phone',
      replyAt: '2026-03-10T10:30:00+08:00',
      replyBy: '李主管',
      replyContent: '已电话告知客户我司不承接食堂装修',
    });
    expect(closed.state).toBe('closed');
    expect(closed.screening).toMatchObject({ outcome: 'reject', replyMethod: 'phone', replyBy: '李主管' });
    expect(closed.deadlines.find((d) => d.step === 'screen')?.state).toBe('met');
    expect(closed.allowedActions).toEqual([]);
    expect(await auditActions(rejected.id)).toEqual(expect.arrayContaining(['lead.register', 'lead.attachment_upload', 'lead.screen']));
    // on the lead's timeline and on the customer's
    expect(closed.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['lead.registered', 'lead.screened']));
    const res = await t.database.db.execute(
      sql`SELECT kind FROM timeline_entries WHERE customer_id = ${customerId} AND lead_id = ${rejected.id}`,
    );
    expect(rowsOf<{ kind: string }>(res).map((r) => r.kind)).toContain('lead.screened');
    const again = await call('sup', 'POST', `/api/leads/${rejected.id}/screen`, {
      version: closed.version,
      outcome: 'keep',
      category: 'other',
      assigneeId: uid('am'),
    });
    expect(again.statusCode).toBe(409);
  });

  it('screens: another business unit → forwarded after the sales director approves', async () => {
    const lead = await register('sup', { title: '厂区焊接机器人改造', customerName: '天津重型装备有限公司' });
    const fwd = await ok('sup', 'POST', `/api/leads/${lead.id}/screen`, {
      version: lead.version,
      outcome: 'forward',
      forwardUnit: '机器人事业部',
      forwardPerson: '赵部长',
      note: '属机器人事业部业务',
    });
    expect(fwd.state).toBe('forwarding');
    expect(fwd.approval?.state).toBe('pending');
    expect(fwd.deadlines.find((d) => d.step === 'screen')?.state).toBe('met');
    const approvalId = fwd.approval?.id ?? '';
    // the supervisor cannot approve; the director sees the snapshot and approves
    expect((await call('sup', 'POST', `/api/approvals/${approvalId}/approve`, { subjectVersion: fwd.version })).statusCode).toBe(403);
    const detail = await ok<{ subjectVersion: number; snapshot: Record<string, unknown>; subjectLink: string | null }>(
      'dir',
      'GET',
      `/api/approvals/${approvalId}`,
    );
    expect(detail.snapshot).toMatchObject({ forwardUnit: '机器人事业部', forwardPerson: '赵部长', title: '厂区焊接机器人改造' });
    expect(detail.subjectLink).toBe(`/leads/${lead.id}`);
    await ok('dir', 'POST', `/api/approvals/${approvalId}/approve`, { subjectVersion: detail.subjectVersion, comment: '同意转交' });
    const after = await ok('sup', 'GET', `/api/leads/${lead.id}`);
    expect(after.state).toBe('forwarded');
    expect(after.screening.forwardUnit).toBe('机器人事业部');
    expect(after.approval?.state).toBe('approved');
    expect(after.timeline.map((e) => e.kind)).toContain('lead.forwarded');
    expect(await auditActions(lead.id)).toEqual(expect.arrayContaining(['lead.screen', 'lead.forward_approved']));
  });

  it('screens: a returned forwarding goes back to screening with the comment; keeping it then withdraws the request', async () => {
    const lead = await register('sup', { title: '食品厂输送线', customerName: '天津某食品有限公司' });
    const fwd = await ok('sup', 'POST', `/api/leads/${lead.id}/screen`, {
      version: lead.version,
      outcome: 'forward',
      forwardUnit: '输送设备事业部',
      forwardPerson: '钱经理',
    });
    const approvalId = fwd.approval?.id ?? '';
    await ok('dir', 'POST', `/api/approvals/${approvalId}/return`, { comment: '我部可做，请保留' });
    const back = await ok('sup', 'GET', `/api/leads/${lead.id}`);
    expect(back.state).toBe('registered');
    expect(back.screening.note).toContain('我部可做，请保留');
    expect(back.deadlines.filter((d) => d.step === 'screen' && d.state === 'running')).toHaveLength(1);
    const kept = await ok('sup', 'POST', `/api/leads/${lead.id}/screen`, {
      version: back.version,
      outcome: 'keep',
      category: 'production_line',
      assigneeId: uid('am2'),
    });
    expect(kept.state).toBe('assigned');
    const req = await ok<{ state: string }>('dir', 'GET', `/api/approvals/${approvalId}`);
    expect(req.state).toBe('withdrawn');
  });

  it('keep → assign → evaluate ⇄ escalate → decide → evaluated, with the evaluation deadline', async () => {
    const lead = await register('sup', { title: '滨海园区视频监控系统', customerId, estimatedAmountFen: 1_200_000_00 });
    const badAssignee = await call('sup', 'POST', `/api/leads/${lead.id}/screen`, {
      version: lead.version,
      outcome: 'keep',
      category: 'system_integration',
      assigneeId: uid('eng'),
    });
    expect(badAssignee.statusCode).toBe(400);
    const kept = await ok('sup', 'POST', `/api/leads/${lead.id}/screen`, {
      version: lead.version,
      outcome: 'keep',
      category: 'system_integration',
      assigneeId: uid('am'),
      importance: 'high',
      note: '重点跟进',
    });
    expect(kept).toMatchObject({ state: 'assigned', assigneeId: uid('am'), importance: 'high' });
    const evalDl = kept.deadlines.find((d) => d.step === 'evaluate');
    expect(evalDl?.state).toBe('running');
    // 3 working days after Tuesday 2026-03-10 → Friday 2026-03-13 18:00
    expect(evalDl?.dueAt).toBe('2026-03-13T10:00:00.000Z');
    expect(await inboxTitles('am')).toContain(`待评估：${lead.code} 滨海园区视频监控系统`);

    // the account manager sees it among "to evaluate"; the other account manager does not see it at all
    const mine = await ok<{ items: Array<{ id: string }> }>('am', 'GET', '/api/leads?box=evaluate');
    expect(mine.items.map((i) => i.id)).toContain(lead.id);
    expect((await call('am2', 'GET', `/api/leads/${lead.id}`)).statusCode).toBe(404);
    expect(
      (await call('am2', 'POST', `/api/leads/${lead.id}/evaluate`, { version: kept.version, evaluation: 'x', complete: false })).statusCode,
    ).toBe(404);

    const progress = await ok('am', 'POST', `/api/leads/${lead.id}/evaluate`, {
      version: kept.version,
      evaluation: '已拜访客户信息中心，需求明确',
      complete: false,
    });
    expect(progress.state).toBe('evaluating');
    expect(progress.allowedActions).toEqual(expect.arrayContaining(['evaluate', 'escalate']));
    const escalated = await ok('am', 'POST', `/api/leads/${lead.id}/escalate`, {
      version: progress.version,
      reason: '客户资金来源不明，需部长判断',
    });
    expect(escalated.state).toBe('escalated');
    expect(escalated.deadlines.find((d) => d.step === 'evaluate')?.state).toBe('paused');
    expect(await inboxTitles('dir')).toContain(`线索上报：${lead.code} 滨海园区视频监控系统`);
    expect(
      (
        await call('am', 'POST', `/api/leads/${lead.id}/decide`, {
          version: escalated.version,
          participationLevel: 'lead',
          importance: 'key',
        })
      ).statusCode,
    ).toBe(403);
    const dirView = await ok('dir', 'GET', `/api/leads/${lead.id}`);
    expect(dirView.escalationReason).toBe('客户资金来源不明，需部长判断');
    expect(dirView.allowedActions).toContain('decide');
    const decided = await ok('dir', 'POST', `/api/leads/${lead.id}/decide`, {
      version: escalated.version,
      participationLevel: 'lead',
      importance: 'key',
      note: '公司级重点项目',
    });
    expect(decided).toMatchObject({ state: 'evaluating', participationLevel: 'lead', importance: 'key' });
    expect(decided.deadlines.find((d) => d.step === 'evaluate')?.state).toBe('running');
    expect(await inboxTitles('am')).toContain(`已裁定：${lead.code} 滨海园区视频监控系统`);
    const done = await ok('am', 'POST', `/api/leads/${lead.id}/evaluate`, {
      version: decided.version,
      evaluation: '资金已落实，建议立项',
      complete: true,
    });
    expect(done.state).toBe('evaluated');
    expect(done.deadlines.find((d) => d.step === 'evaluate')?.state).toBe('met');
    expect(done.allowedActions).toContain('convert');
    expect(await auditActions(lead.id)).toEqual([
      'lead.register',
      'lead.screen',
      'lead.evaluate_draft',
      'lead.escalate',
      'lead.decide',
      'lead.evaluate',
    ]);
    expect(done.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['lead.screened', 'lead.escalated', 'lead.decided', 'lead.evaluated']),
    );
  });

  it('lists with filters, paging and sort; the list answers the due time of open deadlines', async () => {
    const all = await ok<{ items: Array<{ code: string; state: string; dueAt: string | null }>; total: number }>(
      'sup',
      'GET',
      '/api/leads?pageSize=2&sort=code',
    );
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.items[0]?.code.localeCompare(all.items[1]?.code ?? '')).toBeLessThan(0);
    const screening = await ok<{ items: Array<{ state: string; dueAt: string | null }> }>('sup', 'GET', '/api/leads?box=screening');
    expect(screening.items.every((i) => i.state === 'registered' && i.dueAt !== null)).toBe(true);
    const q = await ok<{ items: Array<{ title: string }> }>('sup', 'GET', `/api/leads?q=${encodeURIComponent('焊接机器人')}`);
    expect(q.items.map((i) => i.title)).toEqual(['厂区焊接机器人改造']);
    const closed = await ok<{ items: Array<{ state: string }> }>(
      'sup',
      'GET',
      '/api/leads?state=closed&channel=phone&from=2026-03-10&to=2026-03-10',
    );
    expect(closed.items.length).toBe(1);
    expect((await call('sup', 'GET', '/api/leads?sort=password')).statusCode).toBe(400);
  });
});

describe('channel-partner deal registration', () => {
  it('protects a registration without conflict for 90 days and sends it to screening', async () => {
    const lead = await ok('sup', 'POST', '/api/leads/partner-registration', {
      partnerId,
      title: '津南区学校安防改造',
      customerName: '天津津南教育发展有限公司',
      contactName: '周老师',
      estimatedAmountFen: 300_000_00,
    });
    expect(lead.conflictState).toBeNull();
    expect(lead.protectedUntil).toBe('2026-06-08T02:00:00.000Z');
    expect(lead.deadlines.find((d) => d.step === 'screen')?.state).toBe('running');
    expect(lead.timeline[0]?.kind).toBe('lead.partner_registered');
  });

  it('a registration for an existing customer or a protected one waits for the sales director', async () => {
    const conflict = await ok('sup', 'POST', '/api/leads/partner-registration', {
      partnerId,
      title: '智慧城市运营中心大屏',
      customerName: '天津滨海智慧城市建设股份有限公司',
    });
    expect(conflict.conflictState).toBe('pending');
    expect(conflict.protectedUntil).toBeNull();
    expect(conflict.conflictWith.map((c) => c.kind)).toEqual(expect.arrayContaining(['customer', 'lead']));
    expect(conflict.deadlines).toEqual([]);
    expect(await inboxTitles('dir')).toContain(`报备冲突：${conflict.code} 智慧城市运营中心大屏`);
    const blocked = await call('sup', 'POST', `/api/leads/${conflict.id}/screen`, {
      version: conflict.version,
      outcome: 'keep',
      category: 'other',
      assigneeId: uid('am'),
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toMatch(/市场总监先行裁定/);
    const conflicts = await ok<{ items: Array<{ id: string }> }>('dir', 'GET', '/api/leads?box=conflicts');
    expect(conflicts.items.map((i) => i.id)).toContain(conflict.id);
    const noReason = await call('dir', 'POST', `/api/leads/${conflict.id}/resolve-conflict`, {
      version: conflict.version,
      decision: 'reject',
    });
    expect(noReason.statusCode).toBe(400);
    const accepted = await ok('dir', 'POST', `/api/leads/${conflict.id}/resolve-conflict`, {
      version: conflict.version,
      decision: 'accept',
      note: '代理商先期跟进，予以保护',
    });
    expect(accepted.conflictState).toBe('accepted');
    expect(accepted.protectedUntil).not.toBeNull();
    expect(accepted.deadlines.find((d) => d.step === 'screen')?.state).toBe('running');

    // a second partner's registration for the same customer now meets a protected registration
    const other = await ok<{ id: string }>('sup', 'POST', '/api/partners', { name: '北京华安渠道有限公司' });
    const second = await ok('sup', 'POST', '/api/leads/partner-registration', {
      partnerId: other.id,
      title: '运营中心大屏二期',
      customerName: '天津滨海智慧城市建设有限公司',
    });
    expect(second.conflictWith.map((c) => c.kind)).toContain('protected_registration');
    const rejected = await ok('dir', 'POST', `/api/leads/${second.id}/resolve-conflict`, {
      version: second.version,
      decision: 'reject',
      note: '已由恒通报备',
    });
    expect(rejected).toMatchObject({ state: 'closed', conflictState: 'rejected' });
    expect(await auditActions(second.id)).toEqual(['lead.partner_register', 'lead.resolve_conflict']);
  });
});

describe('Excel', () => {
  it('exports the filtered list and reads back with exceljs', async () => {
    const res = await call('sup', 'GET', '/api/leads/export.xlsx?state=closed');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('编号');
    const states = new Set<string>();
    ws?.eachRow((row, n) => {
      if (n > 1) states.add(String(row.getCell(4).value));
    });
    expect([...states]).toEqual(['已答复关闭']);
    expect(ws?.rowCount).toBeGreaterThanOrEqual(3);
    expect((await call('eng', 'GET', '/api/leads/export.xlsx')).statusCode).toBe(403);
  });

  it('imports leads from the template: preview with Chinese row errors, all-or-nothing, valid rows only', async () => {
    const tpl = await call('sup', 'GET', '/api/leads/import/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 3)).toEqual(
      ['信息名称*', '来源渠道*', '客户名称*'].map((h) => headers.find((x) => x.startsWith(h.replace('*', ''))) ?? h),
    );
    ws.spliceRows(2, 1);
    ws.addRow(['北辰区仓储自动化立库', '展会', '天津北辰物流有限公司', '孙经理', '13900001111', 2500000, '展会上留资', '2026-03-09 15:00']);
    ws.addRow(['南开区医院门禁', '飞鸽传书', '天津南开医院', '', '', '', '', '']);
    ws.addRow(['滨海园区视频监控系统', '电话', '天津滨海智慧城市建设有限公司', '', '', '', '', '']);
    const contentBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await ok<{ totalRows: number; validRows: number; errors: Array<{ row: number; message: string }> }>(
      'sup',
      'POST',
      '/api/leads/import/preview',
      { fileName: 'leads.xlsx', contentBase64 },
    );
    expect(preview.totalRows).toBe(3);
    expect(preview.validRows).toBe(1);
    expect(preview.errors.find((e) => e.row === 3)?.message).toMatch(/来源渠道.*无效/);
    expect(preview.errors.find((e) => e.row === 4)?.message).toMatch(/疑似重复/);
    const strict = await call('sup', 'POST', '/api/leads/import/commit', { fileName: 'leads.xlsx', contentBase64, mode: 'all_or_nothing' });
    expect(strict.statusCode).toBe(400);
    const before = (await ok<{ total: number }>('sup', 'GET', '/api/leads?pageSize=1')).total;
    const loose = await ok<{ imported: number; skipped: number }>('sup', 'POST', '/api/leads/import/commit', {
      fileName: 'leads.xlsx',
      contentBase64,
      mode: 'valid_only',
    });
    expect(loose).toMatchObject({ imported: 1, skipped: 2 });
    const list = await ok<{
      total: number;
      items: Array<{ title: string; state: string; estimatedAmountFen: number | null; registeredAt: string }>;
    }>('sup', 'GET', `/api/leads?q=${encodeURIComponent('北辰物流')}`);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      title: '北辰区仓储自动化立库',
      state: 'registered',
      estimatedAmountFen: 2_500_000_00,
      registeredAt: '2026-03-09T07:00:00.000Z',
    });
    expect((await ok<{ total: number }>('sup', 'GET', '/api/leads?pageSize=1')).total).toBe(before + 1);
  });
});
