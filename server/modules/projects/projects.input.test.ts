import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, shanghaiDate } from '../../../core/calendar/working-calendar.ts';
import { MAX_FEN } from '../../../core/projects/project-fields.schema.ts';
import { projects } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createProjectOrg, insertCustomer, type ProjectOrg } from '../../test-support/project-fixtures.ts';

/**
 * Hostile input and scope on the project endpoints: control characters (PostgreSQL refuses a
 * NUL), impossible dates, bad ids, out-of-range money and pages, invalid stage configurations,
 * exact kanban sums of large amounts, and 404 on every path of a project outside the scope.
 */

let t: TestApp;
let org: ProjectOrg;
let customerId: string;
let projectId: string;

const c = (u: string) => org.cookie(u);
const NUL = 'a\u0000b\u0007c';

beforeAll(async () => {
  t = await createTestApp();
  org = await createProjectOrg(t);
  customerId = await insertCustomer(t, { name: '输入校验客户', ownerUserId: org.id('am'), departmentId: org.depts.marketEast });
  const res = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '输入校验项目', customerId } });
  expect(res.statusCode, res.body).toBe(200);
  projectId = res.json().id;
}, 240_000);
afterAll(async () => {
  await t?.close();
});

async function version(): Promise<number> {
  const [p] = await t.database.db.select({ v: projects.version }).from(projects).where(eq(projects.id, projectId));
  return p?.v ?? 0;
}

describe('bad input answers 400 (or is cleaned), never 500', () => {
  it('control characters are stripped from text fields', async () => {
    const created = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: NUL, customerId, risks: NUL } });
    expect(created.statusCode, created.body).toBe(200);
    const d = await t.call('GET', `/api/projects/${created.json().id}`, { cookie: c('am') });
    expect(d.json()).toMatchObject({ name: 'abc', risks: 'abc' });
    const patch = await t.call('PATCH', `/api/projects/${projectId}`, {
      cookie: c('am'),
      body: { version: await version(), funding: NUL },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().funding).toBe('abc');
    for (const url of [
      `/api/projects?q=${encodeURIComponent(NUL)}`,
      `/api/projects?stage=${encodeURIComponent(NUL)}`,
      `/api/projects/kanban?q=%00`,
    ]) {
      const res = await t.call('GET', url, { cookie: c('am') });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
    }
    const kanStage = await t.call('GET', '/api/projects/kanban/a%00b', { cookie: c('am') });
    expect(kanStage.statusCode, kanStage.body).toBeLessThan(500);
    const view = await t.call('POST', '/api/saved-views', {
      cookie: c('am'),
      body: { list: 'projects', name: NUL, state: { [NUL]: NUL } },
    });
    expect(view.statusCode, view.body).toBeLessThan(500);
    const meeting = await t.call('POST', `/api/projects/${projectId}/meetings`, {
      cookie: c('am'),
      body: { title: NUL, heldAt: '2026-03-02T10:00:00+08:00', minutes: NUL },
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    expect(meeting.json()).toMatchObject({ title: 'abc', minutes: 'abc' });
    const reason = await t.call('POST', `/api/projects/${projectId}/special-handling`, {
      cookie: c('am'),
      body: { version: await version(), reason: '\u0000' },
    });
    expect(reason.statusCode, reason.body).toBe(400);
  });

  it('impossible dates, bad ids, money out of range and silly pages', async () => {
    const v = await version();
    const bad: Array<[string, string, unknown]> = [
      ['PATCH', `/api/projects/${projectId}`, { version: v, expectedSignDate: '2026-02-30' }],
      ['PATCH', `/api/projects/${projectId}`, { version: v, amountFen: -1 }],
      ['PATCH', `/api/projects/${projectId}`, { version: v, amountFen: 12.5 }],
      ['PATCH', `/api/projects/${projectId}`, { version: v, budgetFen: 1e30 }],
      ['PATCH', `/api/projects/${projectId}`, { version: v, companySharePct: 101 }],
      ['PATCH', `/api/projects/${projectId}`, { version: v, personMonths: -3 }],
      ['PATCH', '/api/projects/not-a-uuid', { version: v, name: 'x' }],
      ['POST', '/api/projects', { name: 'x', customerId: 'nope' }],
      ['POST', '/api/projects', { name: 'x', customerId, amountFen: Number.MAX_SAFE_INTEGER + 2 }],
      ['POST', `/api/projects/${projectId}/outcome`, { version: v, outcome: 'won', winningPriceFen: -5 }],
      ['POST', `/api/projects/${projectId}/meetings`, { title: 'm', heldAt: '2026-02-30T10:00:00+08:00' }],
      ['POST', `/api/projects/${projectId}/stage`, { version: 'x', stage: 'registered' }],
    ];
    for (const [method, url, body] of bad) {
      const res = await t.call(method as 'POST', url, { cookie: c('am'), body });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBe(400);
    }
    for (const url of [
      '/api/projects/not-a-uuid',
      '/api/projects?signFrom=2026-02-30',
      '/api/projects?amountMin=-1',
      '/api/projects?sort=password',
      '/api/projects?page=0',
      '/api/projects?pageSize=100000',
      '/api/project-tracking?week=2026-02-30',
      '/api/projects/kanban?cards=0',
    ]) {
      expect((await t.call('GET', url, { cookie: c('am') })).statusCode, url).toBe(400);
    }
    for (const url of [
      '/api/projects?page=999999999',
      '/api/projects/kanban/opportunity?page=99999999999',
      '/api/tasks/mine?page=4503599627370495',
    ]) {
      const res = await t.call('GET', url, { cookie: c('am') });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
      if (res.statusCode === 200) expect(res.json().items).toEqual([]);
    }
  });

  it('an invalid stage configuration is refused with 400', async () => {
    const cfg = (await t.call('GET', '/api/projects/config/stages', { cookie: c('am') })).json() as {
      stages: Array<{ code: string; nameZh: string; next: string[] }>;
      shareFloorPct: number;
    };
    const base = { stages: cfg.stages, shareFloorPct: cfg.shareFloorPct, version: 0 };
    const bodies: unknown[] = [
      { ...base, stages: 'x' },
      { ...base, stages: [{ code: 'opportunity' }] },
      { ...base, shareFloorPct: 150 },
      { ...base, stages: cfg.stages.map((s) => (s.code === 'solution' ? { ...s, next: ['nowhere'] } : s)) },
      { ...base, stages: cfg.stages.map((s) => (s.code === 'solution' ? { ...s, code: 'Bad Code' } : s)) },
      // a stage projects are in cannot disappear
      {
        ...base,
        stages: cfg.stages
          .filter((s) => s.code !== 'abandoned' && s.code !== 'solution')
          .map((s) => ({ ...s, next: s.next.filter((n) => n !== 'solution') })),
      },
    ];
    // put a project in 'solution' so removing it is refused
    await t.database.db.update(projects).set({ stage: 'solution' }).where(eq(projects.id, projectId));
    for (const body of bodies) {
      const res = await t.call('PUT', '/api/projects/config/stages', { cookie: org.adminCookie, body });
      expect(res.statusCode, `${JSON.stringify(body).slice(0, 80)} → ${res.body}`).toBe(400);
    }
    await t.database.db.update(projects).set({ stage: 'opportunity' }).where(eq(projects.id, projectId));
    const nul = await t.call('PUT', '/api/projects/config/stages', {
      cookie: org.adminCookie,
      body: { ...base, stages: cfg.stages.map((s) => (s.code === 'solution' ? { ...s, nameZh: '方案\u0000' } : s)) },
    });
    expect(nul.statusCode, nul.body).toBe(200);
    expect((nul.json() as { stages: Array<{ code: string; nameZh: string }> }).stages.find((s) => s.code === 'solution')?.nameZh).toBe(
      '方案',
    );
  });
});

describe('state rules', () => {
  it('an outcome is refused while an approval is under way, and allowed once it is withdrawn', async () => {
    const created = await t.call('POST', '/api/projects', { cookie: c('am'), body: { name: '审批中放弃', customerId } });
    const id = created.json().id as string;
    const get = async () =>
      (await t.call('GET', `/api/projects/${id}`, { cookie: c('am') })).json() as {
        version: number;
        approvals: Array<{ requestId: string }>;
      };
    const filled = await t.call('PATCH', `/api/projects/${id}`, {
      cookie: c('am'),
      body: {
        version: (await get()).version,
        budgetFen: 100,
        decisionProcess: 'x',
        funding: 'x',
        credit: 'x',
        competitors: 'x',
        strengths: 'x',
        risks: 'x',
      },
    });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(
      (await t.call('POST', `/api/projects/${id}/go-no-go`, { cookie: c('am'), body: { version: (await get()).version } })).statusCode,
    ).toBe(200);
    const refused = await t.call('POST', `/api/projects/${id}/outcome`, {
      cookie: c('am'),
      body: { version: (await get()).version, outcome: 'abandoned', reason: 'budget_cut' },
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('project_gate');
    expect(refused.json().details.reasons.map((r: { code: string }) => r.code)).toEqual(['approval_pending']);
    const requestId = (await get()).approvals[0]?.requestId ?? '';
    const w = await t.call('POST', `/api/approvals/${requestId}/withdraw`, { cookie: c('am'), body: {} });
    expect(w.statusCode, w.body).toBe(200);
    const ok = await t.call('POST', `/api/projects/${id}/outcome`, {
      cookie: c('am'),
      body: { version: (await get()).version, outcome: 'abandoned', reason: 'budget_cut' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('money', () => {
  it('kanban sums of large amounts are exact integers', async () => {
    const cust = await insertCustomer(t, { name: '大额客户', ownerUserId: org.id('am2'), departmentId: org.depts.marketEast });
    const big = MAX_FEN - 1; // ¥99,999,999,999.99
    const over = await t.call('POST', '/api/projects', {
      cookie: c('am2'),
      body: { name: '超大', customerId: cust, amountFen: MAX_FEN + 1 },
    });
    expect(over.statusCode).toBe(400);
    for (let i = 0; i < 3; i++) {
      const res = await t.call('POST', '/api/projects', { cookie: c('am2'), body: { name: `大额${i}`, customerId: cust, amountFen: big } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const kan = await t.call('GET', '/api/projects/kanban', { cookie: c('am2') });
    expect(kan.statusCode, kan.body).toBe(200);
    const opp = (kan.json().columns as Array<{ stage: string; sumFen: unknown }>).find((x) => x.stage === 'opportunity');
    expect(opp?.sumFen).toBe(big * 3);
    expect(typeof opp?.sumFen).toBe('number');
  });
});

describe("scope: a project outside the reader's visibility answers 404 on every path", () => {
  it('detail, sub-resources, meetings, tasks and tracking rows', async () => {
    const meeting = await t.call('POST', `/api/projects/${projectId}/meetings`, {
      cookie: c('am'),
      body: { title: '分析会', heldAt: '2026-03-02T10:00:00+08:00' },
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const meetingId = meeting.json().id as string;
    const due = addCalendarDays(shanghaiDate(t.clock.now), 3);
    const task = await t.call('POST', `/api/meetings/${meetingId}/tasks`, {
      cookie: c('am'),
      body: { title: '准备材料', ownerUserId: org.id('am'), dueDate: due },
    });
    expect(task.statusCode, task.body).toBe(200);
    const v = await version();
    const reads = ['', '/timeline', '/members', '/summary', '/meetings', '/stage-history', '/deadlines'];
    for (const suffix of reads) {
      const res = await t.call('GET', `/api/projects/${projectId}${suffix}`, { cookie: c('am2') });
      expect(res.statusCode, `GET ${suffix}`).toBe(404);
    }
    const writes: Array<[string, string, unknown]> = [
      ['PATCH', `/api/projects/${projectId}`, { version: v, name: 'x' }],
      ['POST', `/api/projects/${projectId}/stage`, { version: v, stage: 'registered' }],
      ['POST', `/api/projects/${projectId}/outcome`, { version: v, outcome: 'lost', reason: 'price' }],
      ['POST', `/api/projects/${projectId}/close`, { version: v }],
      ['POST', `/api/projects/${projectId}/go-no-go`, { version: v }],
      ['POST', `/api/projects/${projectId}/no-go`, { version: v, reason: 'x' }],
      ['POST', `/api/projects/${projectId}/meetings`, { title: 'x', heldAt: '2026-03-02T10:00:00+08:00' }],
      ['PUT', `/api/projects/${projectId}/summary`, { version: 0, overview: 'x' }],
      ['PUT', `/api/projects/${projectId}/monitor`, { version: v, userId: null }],
      ['POST', `/api/projects/${projectId}/members`, { userId: org.id('am2'), projectRole: 'account_manager' }],
      ['PATCH', `/api/meetings/${meetingId}`, { version: 1, title: 'x' }],
      ['POST', `/api/meetings/${meetingId}/tasks`, { title: 'x', ownerUserId: org.id('am2'), dueDate: due }],
      ['POST', `/api/tasks/${task.json().id}/done`, { version: 1 }],
    ];
    for (const [method, url, body] of writes) {
      const res = await t.call(method as 'POST', url, { cookie: c('am2'), body });
      expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(404);
    }
    const list = await t.call('GET', '/api/projects?pageSize=100', { cookie: c('am2') });
    expect((list.json() as { items: Array<{ id: string }> }).items.map((x) => x.id)).not.toContain(projectId);
    const kan = await t.call('GET', '/api/projects/kanban?cards=50', { cookie: c('am2') });
    const ids = (kan.json().columns as Array<{ cards: Array<{ id: string }> }>).flatMap((col) => col.cards.map((x) => x.id));
    expect(ids).not.toContain(projectId);
    const ws = await t.call('GET', '/api/workspace', { cookie: c('am2') });
    expect(ws.statusCode, ws.body).toBe(200);
    expect((ws.json().projects.items as Array<{ id: string }>).map((x) => x.id)).not.toContain(projectId);
    expect((ws.json().tasks.items as Array<{ id: string }>).map((x) => x.id)).not.toContain(task.json().id);
    // tracking rows of another account manager
    const mine = await t.call('GET', '/api/project-tracking', { cookie: c('am') });
    expect(mine.statusCode, mine.body).toBe(200);
    const row = (mine.json().items as Array<{ id: string; projectId: string; version: number }>).find((r) => r.projectId === projectId);
    expect(row).toBeDefined();
    const other = await t.call('PATCH', `/api/project-tracking/${row?.id ?? ''}`, {
      cookie: c('am2'),
      body: { version: row?.version ?? 1, progress: 'x' },
    });
    expect(other.statusCode).toBe(404);
    const theirs = await t.call('GET', '/api/project-tracking', { cookie: c('am2') });
    expect((theirs.json().items as Array<{ projectId: string }>).map((r) => r.projectId)).not.toContain(projectId);
  });
});
