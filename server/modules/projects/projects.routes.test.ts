import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate, addCalendarDays } from '../../../core/calendar/working-calendar.ts';
import { mondayOf } from '../../../core/projects/rules.ts';
import { auditLog, deadlines, leads, projects } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { refreshProjectSearchText } from './project-search-text.ts';
import {
  approve,
  createProjectOrg,
  insertCustomer,
  insertLead,
  insertPartner,
  waitingRequest,
  type ProjectOrg,
} from '../../test-support/project-fixtures.ts';

/**
 * The whole presales path over HTTP, on the engine under test: opportunity → go/no-go (会签:
 * advisor, then GM) → registration (marketing manager, presales manager) → presales lead →
 * engineer (refused before the registration!) → stages with gate refusals → outcome → close
 * refused without summary → summary → closed; plus wrong roles, stale versions, audit rows,
 * monitor notices, meetings and tasks, kanban sums, saved views and the weekly tracking table.
 */

let t: TestApp;
let org: ProjectOrg;
let customerId: string;
let projectId: string;
let partnerId: string;

interface Detail {
  id: string;
  code: string;
  stage: string;
  status: string;
  version: number;
  goDecision: string | null;
  registrationState: string;
  presalesLeadId: string | null;
  bigProject: boolean;
  noGoReason: string | null;
  transitions: Array<{
    stage: string;
    allowed: boolean;
    reasons: Array<{ code: string; zh: string; en: string; field?: string; approval?: string }>;
  }>;
  nextStep: { code: string; targetStage: string | null };
  team: { members: Array<{ userId: string; projectRole: string }>; presalesLeadId: string | null };
  can: { update: boolean; assign: boolean; writeSummary: boolean };
}

const c = (u: string) => org.cookie(u);
async function get(u: string, id = projectId): Promise<Detail> {
  const res = await t.call('GET', `/api/projects/${id}`, { cookie: c(u) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}
async function notices(u: string): Promise<Array<{ eventType: string; title: string; body: string }>> {
  const res = await t.call('GET', '/api/notifications?pageSize=100', { cookie: c(u) });
  return (res.json() as { items: Array<{ eventType: string; title: string; body: string }> }).items;
}
async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId));
  return rows.map((r) => r.a);
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createProjectOrg(t);
  customerId = await insertCustomer(t, { name: '天津市某区政务服务中心', ownerUserId: org.id('am'), departmentId: org.depts.marketEast });
  partnerId = await insertPartner(t, '华信渠道公司');
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('presales project path', () => {
  it('an account manager creates an opportunity; wrong roles are refused', async () => {
    const bad = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const noCustomer = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '智慧停车' } });
    expect(noCustomer.statusCode).toBe(400);
    expect(noCustomer.json().details.fields['body.customerId']).toContain('客户');
    expect((await t.call('POST', '/api/projects', { cookie: c('sup'), body: { name: 'x', customerId } })).statusCode).toBe(403);
    // another account manager cannot use a customer outside their scope
    const foreign = await t.call('POST', '/api/projects', { cookie: c('am2'), body: { name: 'x', customerId } });
    expect(foreign.statusCode).toBe(400);

    const res = await t.call('POST', '/api/projects', {
      cookie: c('am'),
      body: { name: '政务服务中心智慧停车系统', customerId, amountFen: 1_280_000_00, expectedSignDate: '2026-12-31' },
    });
    expect(res.statusCode, res.body).toBe(200);
    projectId = res.json().id;
    expect(res.json().code).toMatch(/^XM-\d{4}-\d{5}$/);
    const d = await get('am');
    expect(d.stage).toBe('opportunity');
    expect(d.nextStep.code).toBe('submit_go_no_go');
    // out of scope: 404, never 403
    expect((await t.call('GET', `/api/projects/${projectId}`, { cookie: c('am2') })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/projects/${projectId}`, { cookie: c('eng') })).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/projects/${projectId}`, { cookie: c('am2'), body: { version: 1, name: 'x' } })).statusCode).toBe(
      404,
    );
  });

  it('the preliminary analysis is edited with the version; a stale version is refused', async () => {
    const v = (await get('am')).version;
    const ok = await t.call('PATCH', `/api/projects/${projectId}`, {
      cookie: c('am'),
      body: {
        version: v,
        budgetFen: 1_500_000_00,
        decisionProcess: '区政府常务会审议，政务服务中心主任签批',
        funding: '财政资金已列入年度预算',
        credit: '良好',
        competitors: '某大型集成商',
        strengths: '本地实施团队、同类案例 3 个',
        risks: '工期紧',
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await t.call('PATCH', `/api/projects/${projectId}`, { cookie: c('am'), body: { version: v, risks: '改' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict_stale');
    expect(stale.json().details.currentVersion).toBe(v + 1);
    // a monitor receives the key events
    const mon = await t.call('PUT', `/api/projects/${projectId}/monitor`, {
      cookie: c('am'),
      body: { version: v + 1, userId: org.id('mon') },
    });
    expect(mon.statusCode, mon.body).toBe(200);
  });

  it('refuses the registered stage before the go/no-go approval, with the reason', async () => {
    const d = await get('am');
    const res = await t.call('POST', `/api/projects/${projectId}/stage`, {
      cookie: c('am'),
      body: { stage: 'registered', version: d.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('project_gate');
    expect(res.json().message).toContain('跟进决策');
    expect(res.json().details.reasons[0].approval).toBe('go_no_go');
    expect(d.transitions.find((x) => x.stage === 'registered')?.allowed).toBe(false);
  });

  it('go/no-go: the advisor and then the GM approve (会签); the project moves to 立项 and the monitor is told', async () => {
    const d = await get('am');
    const sub = await t.call('POST', `/api/projects/${projectId}/go-no-go`, { cookie: c('am'), body: { version: d.version } });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().goDecision).toBe('pending');
    expect(sub.json().nextStep.code).toBe('await_go_no_go');
    // the GM's step comes after the advisor's: nothing waits for the GM yet
    const gmWaiting = await t.call('GET', '/api/approvals?box=waiting', { cookie: c('gm') });
    expect((gmWaiting.json() as { items: unknown[] }).items).toHaveLength(0);
    const r1 = await approve(t, c('advisor'), await waitingRequest(t, c('advisor'), 'project.go_no_go'));
    expect(r1.statusCode, r1.body).toBe(200);
    expect((await get('am')).goDecision).toBe('pending');
    const r2 = await approve(t, c('gm'), await waitingRequest(t, c('gm'), 'project.go_no_go'));
    expect(r2.statusCode, r2.body).toBe(200);
    const after = await get('am');
    expect(after.goDecision).toBe('go');
    expect(after.stage).toBe('registered');
    expect(after.nextStep.code).toBe('submit_registration');
    const monNotices = await notices('mon');
    expect(monNotices.some((n) => n.eventType === 'project.key_event' && n.body.includes('立项'))).toBe(true);
  });

  it('presales staff cannot join before the registration is approved (server refuses, clear message)', async () => {
    for (const who of ['gm', 'am']) {
      const res = await t.call('POST', `/api/projects/${projectId}/members`, {
        cookie: c(who),
        body: { userId: org.id('pe'), projectRole: 'presales_engineer' },
        headers: who === 'am' ? { 'accept-language': 'en' } : {},
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('project_not_registered');
    }
    const zh = await t.call('POST', `/api/projects/${projectId}/members`, {
      cookie: c('gm'),
      body: { userId: org.id('sa'), projectRole: 'solution_architect' },
    });
    expect(zh.json().message).toContain('立项');
    const d = await get('gm');
    const lead = await t.call('POST', `/api/projects/${projectId}/presales-lead`, {
      cookie: c('gm'),
      body: { version: d.version, userId: org.id('pe') },
    });
    expect(lead.statusCode).toBe(409);
    expect(lead.json().code).toBe('project_not_registered');
    // other roles may join at any time
    const ok = await t.call('POST', `/api/projects/${projectId}/members`, {
      cookie: c('am'),
      body: { userId: org.id('am2'), projectRole: 'commercial_specialist' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('registration: the form is required; a split below the floor needs the GM exception first', async () => {
    let d = await get('am');
    const missing = await t.call('POST', `/api/projects/${projectId}/registration`, { cookie: c('am'), body: { version: d.version } });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().details.fields)).toEqual(
      expect.arrayContaining(['body.projectLevel', 'body.deliveryMode', 'body.personMonths']),
    );
    const form = await t.call('PATCH', `/api/projects/${projectId}`, {
      cookie: c('am'),
      body: { version: d.version, projectLevel: 'company', deliveryMode: 'cooperative', personMonths: 60, partnerId, companySharePct: 20 },
    });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json().bigProject).toBe(true);
    expect(form.json().nextStep.code).toBe('request_share_exception');
    d = await get('am');
    const below = await t.call('POST', `/api/projects/${projectId}/registration`, { cookie: c('am'), body: { version: d.version } });
    expect(below.statusCode).toBe(409);
    expect(below.json().message).toContain('30%');
    const ex = await t.call('POST', `/api/projects/${projectId}/share-exception`, {
      cookie: c('am'),
      body: { version: d.version, reason: '合作方承担全部商务公关' },
    });
    expect(ex.statusCode, ex.body).toBe(200);
    expect((await approve(t, c('gm'), await waitingRequest(t, c('gm'), 'project.share_exception'))).statusCode).toBe(200);
    d = await get('am');
    const sub = await t.call('POST', `/api/projects/${projectId}/registration`, { cookie: c('am'), body: { version: d.version } });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().registrationState).toBe('pending');
    // step 1 has a 1-working-day deadline for the marketing manager
    const dl = await t.database.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.policyCode, 'project.registration_approve'), eq(deadlines.ownerUserId, org.id('mm'))));
    expect(dl).toHaveLength(1);
  });

  it('the marketing manager, then the presales manager approve; the presales manager assigns the lead', async () => {
    expect((await t.call('GET', `/api/projects/${projectId}`, { cookie: c('pm') })).statusCode).toBe(404);
    expect((await approve(t, c('mm'), await waitingRequest(t, c('mm'), 'project.registration'))).statusCode).toBe(200);
    expect((await get('am')).registrationState).toBe('pending');
    expect((await approve(t, c('pm'), await waitingRequest(t, c('pm'), 'project.registration'))).statusCode).toBe(200);
    const d = await get('pm');
    expect(d.registrationState).toBe('approved');
    expect(d.nextStep.code).toBe('assign_presales_lead');
    expect(d.can.assign).toBe(true);
    const assignDl = await t.database.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.subjectId, projectId), eq(deadlines.step, 'assign_presales')));
    expect(assignDl[0]?.state).toBe('running');
    expect(assignDl[0]?.ownerUserId).toBe(org.id('pm'));
    // the account manager may not assign presales staff
    const am = await t.call('POST', `/api/projects/${projectId}/presales-lead`, {
      cookie: c('am'),
      body: { version: d.version, userId: org.id('pe') },
    });
    expect(am.statusCode).toBe(403);
    const res = await t.call('POST', `/api/projects/${projectId}/presales-lead`, {
      cookie: c('pm'),
      body: { version: d.version, userId: org.id('pe') },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().team.presalesLeadId).toBe(org.id('pe'));
    const met = await t.database.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.subjectId, projectId), eq(deadlines.step, 'assign_presales')));
    expect(met[0]?.state).toBe('met');
    const engineer = await t.call('POST', `/api/projects/${projectId}/members`, {
      cookie: c('pm'),
      body: { userId: org.id('pe'), projectRole: 'presales_engineer' },
    });
    expect(engineer.statusCode, engineer.body).toBe(200);
    expect((engineer.json() as { members: Array<{ projectRole: string }> }).members.map((m) => m.projectRole)).toContain(
      'presales_engineer',
    );
    const amAdds = await t.call('POST', `/api/projects/${projectId}/members`, {
      cookie: c('am'),
      body: { userId: org.id('sa'), projectRole: 'solution_architect' },
    });
    expect(amAdds.statusCode).toBe(403);
    // the engineer now sees the project through the team
    expect((await t.call('GET', `/api/projects/${projectId}`, { cookie: c('pe') })).statusCode).toBe(200);
    expect((await notices('pe')).some((n) => n.eventType === 'project.assigned')).toBe(true);
  });

  it('stages move only through their gates', async () => {
    let d = await get('am');
    const blocked = await t.call('POST', `/api/projects/${projectId}/stage`, {
      cookie: c('am'),
      body: { stage: 'requirement_research', version: d.version },
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().details.reasons.map((r: { field?: string }) => r.field)).toContain('managerUserId');
    const mgr = await t.call('PUT', `/api/projects/${projectId}/manager`, {
      cookie: c('am'),
      body: { version: d.version, userId: org.id('am') },
    });
    expect(mgr.statusCode, mgr.body).toBe(200);
    d = await get('am');
    expect(d.nextStep).toMatchObject({ code: 'advance', targetStage: 'requirement_research' });
    const ok = await t.call('POST', `/api/projects/${projectId}/stage`, {
      cookie: c('am'),
      body: { stage: 'requirement_research', version: d.version, note: '开始需求调研' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    d = ok.json() as Detail;
    const notAllowed = await t.call('POST', `/api/projects/${projectId}/stage`, {
      cookie: c('am'),
      body: { stage: 'handoff', version: d.version },
    });
    expect(notAllowed.statusCode).toBe(409);
    expect(notAllowed.json().details.reasons[0].code).toBe('transition_not_allowed');
    const won = await t.call('POST', `/api/projects/${projectId}/stage`, { cookie: c('am'), body: { stage: 'won', version: d.version } });
    expect(won.json().details.reasons.map((r: { code: string }) => r.code)).toContain('outcome_missing');
    // the engineer (read only) may not move stages
    expect(
      (await t.call('POST', `/api/projects/${projectId}/stage`, { cookie: c('pe'), body: { stage: 'tender', version: d.version } }))
        .statusCode,
    ).toBe(403);
    const tender = await t.call('POST', `/api/projects/${projectId}/stage`, {
      cookie: c('am'),
      body: { stage: 'tender', version: d.version },
    });
    expect(tender.statusCode, tender.body).toBe(200);
    const history = await t.call('GET', `/api/projects/${projectId}/stage-history`, { cookie: c('pe') });
    expect((history.json() as Array<{ toStage: string; actorName: string | null }>).map((h) => h.toStage)).toEqual([
      'opportunity',
      'registered',
      'requirement_research',
      'tender',
    ]);
  });

  it('outcome with its reason; closing is refused without the team summary', async () => {
    let d = await get('am');
    const noReason = await t.call('POST', `/api/projects/${projectId}/outcome`, {
      cookie: c('am'),
      body: { version: d.version, outcome: 'lost' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.fields['body.reason']).toBeTruthy();
    const lost = await t.call('POST', `/api/projects/${projectId}/outcome`, {
      cookie: c('am'),
      body: {
        version: d.version,
        outcome: 'lost',
        reason: 'price',
        winningCompetitor: '某大型集成商',
        winningPriceFen: 1_150_000_00,
        note: '低价中标',
      },
    });
    expect(lost.statusCode, lost.body).toBe(200);
    d = lost.json() as Detail;
    expect(d.status).toBe('lost');
    expect(d.stage).toBe('lost');
    expect(d.nextStep.code).toBe('write_summary');
    const close = await t.call('POST', `/api/projects/${projectId}/close`, { cookie: c('am'), body: { version: d.version } });
    expect(close.statusCode).toBe(409);
    expect(close.json().details.reasons.map((r: { code: string }) => r.code)).toEqual(['summary_missing']);
    // not on the team and no edit right in scope: 404
    expect(
      (await t.call('PUT', `/api/projects/${projectId}/summary`, { cookie: c('sup'), body: { version: 0, overview: 'x' } })).statusCode,
    ).toBe(404);
    const sum = await t.call('PUT', `/api/projects/${projectId}/summary`, {
      cookie: c('pe'),
      body: { version: 0, overview: '价格劣势导致丢单', whatWorked: '方案得分第一', whatToImprove: '成本控制', lessons: '提前摸清预算' },
    });
    expect(sum.statusCode, sum.body).toBe(200);
    expect(sum.json().version).toBe(1);
    const again = await t.call('PUT', `/api/projects/${projectId}/summary`, { cookie: c('pe'), body: { version: 0, overview: 'x' } });
    expect(again.statusCode).toBe(409);
    expect((await notices('mon')).some((n) => n.eventType === 'project.summary_shared')).toBe(true);
    expect((await notices('am')).some((n) => n.eventType === 'project.summary_shared')).toBe(true);
    const closed = await t.call('POST', `/api/projects/${projectId}/close`, {
      cookie: c('am'),
      body: { version: d.version, note: '总结已完成' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().stage).toBe('closed');
    expect(closed.json().status).toBe('lost');
    expect(closed.json().nextStep.code).toBe('none');
  });

  it('every step left an audit row and a timeline entry', async () => {
    const actions = await auditActions(projectId);
    expect(actions).toEqual(
      expect.arrayContaining([
        'project.create',
        'project.update',
        'project.monitor',
        'project.go_no_go_submit',
        'project.go',
        'project.stage',
        'project.share_exception_submit',
        'project.share_exception_approved',
        'project.registration_submit',
        'project.registration_approved',
        'project.presales_lead',
        'project.member_add',
        'project.manager',
        'project.summary_create',
      ]),
    );
    const tl = await t.call('GET', `/api/projects/${projectId}/timeline?limit=100`, { cookie: c('am') });
    const kinds = (tl.json() as Array<{ kind: string }>).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['project.created', 'project.go', 'project.stage', 'project.registration', 'project.team', 'project.summary']),
    );
  });
});

describe('no-go, leads, meetings and tasks', () => {
  it('a rejected go/no-go records the reason and closes the opportunity', async () => {
    const res = await t.call('POST', '/api/projects', {
      cookie: c('am'),
      body: { name: '某园区安防改造', customerId, amountFen: 50_000_00 },
    });
    const id = res.json().id as string;
    let d = await get('am', id);
    await t.call('PATCH', `/api/projects/${id}`, {
      cookie: c('am'),
      body: {
        version: d.version,
        budgetFen: 60_000_00,
        decisionProcess: '园区管委会',
        funding: '自筹',
        credit: '一般',
        competitors: '多家',
        strengths: '价格',
        risks: '回款',
      },
    });
    d = await get('am', id);
    expect((await t.call('POST', `/api/projects/${id}/go-no-go`, { cookie: c('am'), body: { version: d.version } })).statusCode).toBe(200);
    const req = await waitingRequest(t, c('advisor'), 'project.go_no_go');
    const rej = await t.call('POST', `/api/approvals/${req}/reject`, { cookie: c('advisor'), body: { comment: '利润过低，不跟进' } });
    expect(rej.statusCode, rej.body).toBe(200);
    d = await get('am', id);
    expect(d.status).toBe('no_go');
    expect(d.stage).toBe('closed');
    expect(d.noGoReason).toBe('利润过低，不跟进');
    expect(await auditActions(id)).toContain('project.no_go');
    // the team may also decide no-go itself
    const p3 = (await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '小额维保', customerId } })).json().id as string;
    const v3 = (await get('am', p3)).version;
    const ng = await t.call('POST', `/api/projects/${p3}/no-go`, { cookie: c('am'), body: { version: v3, reason: '客户需求不明确' } });
    expect(ng.statusCode, ng.body).toBe(200);
    expect(ng.json().status).toBe('no_go');
  });

  it('an evaluated lead becomes an opportunity and is marked converted', async () => {
    const leadId = await insertLead(t, {
      code: 'XS-2026-90001',
      title: '政务云扩容',
      customerId,
      ownerUserId: org.id('am'),
      departmentId: org.depts.marketEast,
      state: 'evaluated',
      estimatedAmountFen: 300_000_00,
    });
    const res = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '政务云扩容项目', leadId } });
    expect(res.statusCode, res.body).toBe(200);
    const [lead] = await t.database.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead?.state).toBe('converted');
    expect(lead?.projectId).toBe(res.json().id);
    const again = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '再转一次', leadId } });
    expect(again.statusCode).toBe(409);
    const d = await get('am', res.json().id as string);
    expect(d).toMatchObject({ stage: 'opportunity' });
    const fresh = await insertLead(t, {
      code: 'XS-2026-90002',
      title: '未评估',
      customerId,
      ownerUserId: org.id('am'),
      departmentId: org.depts.marketEast,
      state: 'registered',
    });
    expect((await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: 'x', leadId: fresh } })).statusCode).toBe(409);
  });

  it('meeting action items are tasks with a deadline in the owner\'s "my tasks" and workspace', async () => {
    const p = (
      await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '分析会测试项目', customerId, amountFen: 10_000_00 } })
    ).json().id as string;
    const m = await t.call('POST', `/api/projects/${p}/meetings`, {
      cookie: c('am'),
      body: {
        title: '第一次项目分析会',
        heldAt: t.clock.now.toISOString(),
        agenda: '竞争态势',
        minutes: '决定加强客户引导',
        participantIds: [org.id('am'), org.id('am2')],
      },
    });
    expect(m.statusCode, m.body).toBe(200);
    const meetingId = m.json().id as string;
    const today = shanghaiDate(t.clock.now);
    const past = await t.call('POST', `/api/meetings/${meetingId}/tasks`, {
      cookie: c('am'),
      body: { title: 'x', ownerUserId: org.id('am2'), dueDate: addCalendarDays(today, -1) },
    });
    expect(past.statusCode).toBe(400);
    const due = addCalendarDays(today, 3);
    const task = await t.call('POST', `/api/meetings/${meetingId}/tasks`, {
      cookie: c('am'),
      body: { title: '拜访信息中心主任', ownerUserId: org.id('am2'), dueDate: due },
    });
    expect(task.statusCode, task.body).toBe(200);
    const taskId = task.json().id as string;
    expect(
      (
        await t.call('POST', `/api/meetings/${meetingId}/tasks`, {
          cookie: c('pe'),
          body: { title: 'x', ownerUserId: org.id('pe'), dueDate: due },
        })
      ).statusCode,
    ).toBe(403);
    const mine = await t.call('GET', '/api/tasks/mine', { cookie: c('am2') });
    const item = (mine.json() as { items: Array<{ id: string; dueDate: string; projectName: string; version: number }> }).items.find(
      (x) => x.id === taskId,
    );
    expect(item).toMatchObject({ dueDate: due, projectName: '分析会测试项目' });
    const [dl] = await t.database.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.subjectType, 'task'), eq(deadlines.subjectId, taskId)));
    expect(dl?.state).toBe('running');
    expect(dl?.ownerUserId).toBe(org.id('am2'));
    const ws = await t.call('GET', '/api/workspace', { cookie: c('am2') });
    expect(ws.statusCode, ws.body).toBe(200);
    expect((ws.json().tasks.items as Array<{ id: string }>).map((x) => x.id)).toContain(taskId);
    expect((await notices('am2')).some((n) => n.eventType === 'task.assigned')).toBe(true);
    const meetings = await t.call('GET', `/api/projects/${p}/meetings`, { cookie: c('am') });
    expect(meetings.json()[0].tasks).toHaveLength(1);
    // the kanban card shows the task's deadline as the project's next deadline
    const kan = await t.call('GET', `/api/projects/kanban?q=${encodeURIComponent('分析会测试')}`, { cookie: c('am') });
    const card = (kan.json().columns as Array<{ stage: string; cards: Array<{ id: string; nextDeadlineAt: string | null }> }>)
      .flatMap((col) => col.cards)
      .find((x) => x.id === p);
    expect(card?.nextDeadlineAt).toBe(dl?.dueAt.toISOString());
    const pdl = await t.call('GET', `/api/projects/${p}/deadlines`, { cookie: c('am') });
    expect((pdl.json() as Array<{ id: string; state: string }>).find((x) => x.id === dl?.id)?.state).toBe('running');
    // someone else's task is not theirs to close
    expect((await t.call('POST', `/api/tasks/${taskId}/done`, { cookie: c('sup'), body: { version: 1 } })).statusCode).toBe(404);
    const done = await t.call('POST', `/api/tasks/${taskId}/done`, { cookie: c('am2'), body: { version: item?.version ?? 1 } });
    expect(done.statusCode, done.body).toBe(200);
    const [after] = await t.database.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.subjectType, 'task'), eq(deadlines.subjectId, taskId)));
    expect(after?.state).toBe('met');
  });
});

describe('lists, kanban, saved views, configuration', () => {
  it('the kanban sums amounts per stage and pages a column', async () => {
    for (let i = 0; i < 5; i++) {
      await t.call('POST', '/api/projects', {
        cookie: c('am2'),
        body: {
          name: `看板项目${i}`,
          customerId: await insertCustomer(t, { name: `看板客户${i}`, ownerUserId: org.id('am2'), departmentId: org.depts.marketEast }),
          amountFen: (i + 1) * 100_00,
        },
      });
    }
    const kan = await t.call('GET', '/api/projects/kanban?cards=2', { cookie: c('gm') });
    expect(kan.statusCode, kan.body).toBe(200);
    const cols = kan.json().columns as Array<{ stage: string; count: number; sumFen: number; cards: unknown[] }>;
    expect(cols.map((x) => x.stage)).not.toContain('closed');
    const expected = rowsOf<{ stage: string; n: number; s: string | number }>(
      await t.database.db.execute(sql`
      SELECT stage, count(*)::int AS n, coalesce(sum(amount_fen), 0) AS s FROM projects WHERE stage <> 'closed' GROUP BY stage`),
    );
    for (const e of expected) {
      const col = cols.find((x) => x.stage === e.stage);
      expect(col?.count, e.stage).toBe(e.n);
      expect(col?.sumFen, e.stage).toBe(Number(e.s));
      expect(col?.cards.length).toBe(Math.min(2, e.n));
    }
    const mine = await t.call('GET', '/api/projects/kanban', { cookie: c('am2') });
    const opp = (mine.json().columns as Array<{ stage: string; count: number; sumFen: number }>).find((x) => x.stage === 'opportunity');
    expect(opp).toMatchObject({ count: 5, sumFen: 1500_00 });
    const page2 = await t.call('GET', '/api/projects/kanban/opportunity?page=2&pageSize=2', { cookie: c('am2') });
    expect(page2.json()).toMatchObject({ total: 5, page: 2 });
    expect(page2.json().items).toHaveLength(2);
    expect((await t.call('GET', '/api/projects/kanban/nowhere', { cookie: c('am2') })).statusCode).toBe(404);
  });

  it('the table filters, sorts and pages on the server', async () => {
    const res = await t.call('GET', '/api/projects?sort=-amount&pageSize=2&status=open', { cookie: c('am2') });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Array<{ amountFen: number; ownerName: string }>; total: number };
    expect(body.total).toBe(5);
    expect(body.items.map((x) => x.amountFen)).toEqual([500_00, 400_00]);
    const filtered = await t.call('GET', '/api/projects?amountMin=20000&amountMax=30000&q=%E7%9C%8B%E6%9D%BF', { cookie: c('am2') });
    expect((filtered.json() as { items: Array<{ amountFen: number }> }).items.map((x) => x.amountFen).sort()).toEqual([200_00, 300_00]);
    expect((await t.call('GET', '/api/projects?sort=secret', { cookie: c('am2') })).statusCode).toBe(400);
    const closed = await t.call('GET', '/api/projects?status=closed', { cookie: c('gm') });
    expect((closed.json() as { total: number }).total).toBeGreaterThanOrEqual(3);
    const mine = await t.call('GET', '/api/projects?mine=true', { cookie: c('pe') });
    expect((mine.json() as { items: Array<{ id: string }> }).items.map((x) => x.id)).toEqual([projectId]);
  });

  it('saved views are per user', async () => {
    const save = await t.call('POST', '/api/saved-views', {
      cookie: c('am2'),
      body: { list: 'projects', name: '大额商机', state: { amountMin: '30000', sort: '-amount' } },
    });
    expect(save.statusCode, save.body).toBe(200);
    const list = await t.call('GET', '/api/saved-views?list=projects', { cookie: c('am2') });
    expect(list.json()).toEqual([expect.objectContaining({ name: '大额商机', state: { amountMin: '30000', sort: '-amount' } })]);
    expect((await t.call('GET', '/api/saved-views?list=projects', { cookie: c('am') })).json()).toEqual([]);
    expect((await t.call('DELETE', `/api/saved-views/${save.json().id}`, { cookie: c('am') })).statusCode).toBe(404);
    expect((await t.call('DELETE', `/api/saved-views/${save.json().id}`, { cookie: c('am2') })).statusCode).toBe(200);
  });

  it('the stage configuration is validated and versioned; only project.configure edits it', async () => {
    const cfg = await t.call('GET', '/api/projects/config/stages', { cookie: c('am') });
    expect(cfg.statusCode).toBe(200);
    const body = cfg.json() as {
      stages: Array<{ code: string; nameZh: string }>;
      shareFloorPct: number;
      version: number;
      isDefault: boolean;
    };
    expect(body).toMatchObject({ version: 0, isDefault: true, shareFloorPct: 30 });
    const { version: _v, isDefault: _d, ...config } = body;
    expect((await t.call('PUT', '/api/projects/config/stages', { cookie: c('gm'), body: { ...config, version: 0 } })).statusCode).toBe(403);
    const broken = await t.call('PUT', '/api/projects/config/stages', {
      cookie: org.adminCookie,
      body: { ...config, stages: config.stages.filter((s) => s.code !== 'closed'), version: 0 },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().details.fields['body.stages']).toContain('closed');
    const renamed = { ...config, stages: config.stages.map((s) => (s.code === 'solution' ? { ...s, nameZh: '方案设计' } : s)) };
    const ok = await t.call('PUT', '/api/projects/config/stages', { cookie: org.adminCookie, body: { ...renamed, version: 0 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, isDefault: false });
    expect(
      (await t.call('PUT', '/api/projects/config/stages', { cookie: org.adminCookie, body: { ...renamed, version: 0 } })).statusCode,
    ).toBe(409);
    const kan = await t.call('GET', '/api/projects/kanban', { cookie: c('am2') });
    expect((kan.json().columns as Array<{ stage: string; nameZh: string }>).find((x) => x.stage === 'solution')?.nameZh).toBe('方案设计');
  });
});

describe('weekly tracking table (项目跟踪表)', () => {
  it("rows are generated for the account manager's open projects; the supervisor sees who is missing; export reads back", async () => {
    const week = mondayOf(shanghaiDate(t.clock.now));
    const am2 = await t.call('GET', '/api/project-tracking', { cookie: c('am2') });
    expect(am2.statusCode, am2.body).toBe(200);
    const rows = am2.json() as {
      weekStart: string;
      total: number;
      items: Array<{ id: string; version: number; canEdit: boolean; canComment: boolean; projectName: string }>;
    };
    expect(rows.weekStart).toBe(week);
    expect(rows.total).toBe(5);
    expect(rows.items.every((r) => r.canEdit && !r.canComment)).toBe(true);
    // the supervisor of 市场部 (本部门) does not see 华东片区; the marketing manager (本部门及下级) does
    const supMissing = await t.call('GET', '/api/project-tracking/missing', { cookie: c('sup') });
    expect(supMissing.statusCode).toBe(200);
    expect((await t.call('GET', '/api/project-tracking/missing', { cookie: c('am2') })).statusCode).toBe(403);
    const before = await t.call('GET', '/api/project-tracking/missing', { cookie: c('mm') });
    const owner = (before.json().owners as Array<{ ownerUserId: string; missing: number; total: number }>).find(
      (o) => o.ownerUserId === org.id('am2'),
    );
    expect(owner).toMatchObject({ missing: 5, total: 5 });
    const first = rows.items[0];
    if (!first) throw new Error('no row');
    const fill = await t.call('PATCH', `/api/project-tracking/${first.id}`, {
      cookie: c('am2'),
      body: { version: first.version, progress: '已拜访信息中心，确认预算', nextSteps: '下周提交方案', issues: '需要售前支持' },
    });
    expect(fill.statusCode, fill.body).toBe(200);
    expect(
      (
        await t.call('PATCH', `/api/project-tracking/${first.id}`, {
          cookie: c('am2'),
          body: { version: first.version + 1, supervisorComment: '自评' },
        })
      ).statusCode,
    ).toBe(403);
    const comment = await t.call('PATCH', `/api/project-tracking/${first.id}`, {
      cookie: c('mm'),
      body: { version: first.version + 1, supervisorComment: '抓紧推进' },
    });
    expect(comment.statusCode, comment.body).toBe(200);
    expect(
      (
        await t.call('PATCH', `/api/project-tracking/${first.id}`, {
          cookie: c('mm'),
          body: { version: first.version, supervisorComment: 'x' },
        })
      ).statusCode,
    ).toBe(409);
    const after = await t.call('GET', '/api/project-tracking/missing', { cookie: c('mm') });
    expect(
      (after.json().owners as Array<{ ownerUserId: string; missing: number }>).find((o) => o.ownerUserId === org.id('am2'))?.missing,
    ).toBe(4);

    const xlsx = await t.call('GET', `/api/project-tracking/export.xlsx?week=${week}`, { cookie: c('mm') });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('项目跟踪表');
    expect(ws?.getRow(1).getCell(9).value).toBe('本周进展');
    const values = [] as string[];
    ws?.eachRow((row, n) => {
      if (n > 1) values.push(String(row.getCell(9).value ?? ''));
    });
    expect(values).toContain('已拜访信息中心，确认预算');
    expect(values.length).toBeGreaterThanOrEqual(5);
    expect(await auditActions(first.id)).toContain('project.tracking_update');
  });
});

describe("search (the list's q) normalises text as customer search does", () => {
  it('full-width characters, spaces, punctuation and mixed case find the project and its customer alike', async () => {
    const cust = await t.call('POST', '/api/customers', { cookie: c('am'), body: { name: '杭州 SmartPark 运营中心' } });
    expect(cust.statusCode, cust.body).toBe(200);
    const custId = cust.json().id as string;
    const created = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '智慧园区（二期）', customerId: custId } });
    expect(created.statusCode, created.body).toBe(200);
    const { id, code } = created.json() as { id: string; code: string };
    const projectIds = async (q: string) =>
      (
        (await t.call('GET', `/api/projects?q=${encodeURIComponent(q)}`, { cookie: c('am') })).json() as { items: Array<{ id: string }> }
      ).items.map((x) => x.id);
    const customerIds = async (q: string) =>
      (
        (await t.call('GET', `/api/customers?q=${encodeURIComponent(q)}`, { cookie: c('am') })).json() as { items: Array<{ id: string }> }
      ).items.map((x) => x.id);
    for (const q of ['ｓｍａｒｔｐａｒｋ', 'SMART park', '杭州\u3000smart', 'Smart-Park 运营']) {
      expect(await customerIds(q), q).toContain(custId);
      expect(await projectIds(q), q).toContain(id);
    }
    for (const q of ['智慧 园区(二期)', '智慧园区二期', code.replace(/-/g, '－'), code.toLowerCase().replace(/-/g, ' ')]) {
      expect(await projectIds(q), q).toEqual([id]);
    }
    const kanban = await t.call('GET', `/api/projects/kanban?q=${encodeURIComponent('ＳＭＡＲＴ　ＰＡＲＫ')}`, { cookie: c('am') });
    expect((kanban.json().columns as Array<{ cards: Array<{ id: string }> }>).flatMap((col) => col.cards.map((x) => x.id))).toEqual([id]);
    expect(await projectIds('！！')).toEqual([]);
  });

  it('a search text stored by the last release is rewritten at start-up, touching only rows that differ', async () => {
    const [p] = await t.database.db.select().from(projects).where(eq(projects.name, '智慧园区（二期）'));
    if (!p) throw new Error('no project');
    // the last release's form: code, name and customer lower-cased, joined with spaces
    await t.database.db.execute(
      sql`UPDATE projects SET search_text = lower(code || ' ' || name || ' ' || (SELECT name FROM customers WHERE id = customer_id)) WHERE id = ${p.id}`,
    );
    const found = async () =>
      ((await t.call('GET', `/api/projects?q=${encodeURIComponent('智慧园区 二期')}`, { cookie: c('am') })).json() as { total: number })
        .total;
    expect(await found()).toBe(0);
    expect(await refreshProjectSearchText(t.database.db)).toBe(1);
    expect(await found()).toBe(1);
    const [after] = await t.database.db.select().from(projects).where(eq(projects.id, p.id));
    expect(after).toMatchObject({ searchText: p.searchText, version: p.version, updatedAt: p.updatedAt });
    expect(await refreshProjectSearchText(t.database.db)).toBe(0);
  });
});
