import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from '../../test-support/fixtures.ts';
import {
  createTestItem,
  createTestSubjectTable,
  registerTestApprovalSubject,
  submitTestItem,
  TEST_PROCESS_CODE,
  testItemDecisions,
  updateTestItem,
  type TestItemInput,
} from '../../test-support/approval-test-subject.ts';
import { actorFromSession } from '../../auth/sessions.ts';
import { rowsOf } from '../../db/client.ts';
import { ensureDeadlinePolicy } from '../../deadlines/deadlines.ts';
import type { ChainDefinitionInput } from '../../../core/approvals/approvals.schema.ts';

let t: TestApp;
let org: OrgFixture;
const u: Record<string, { id: string; cookie: string }> = {};

type Json = Record<string, unknown> & { [k: string]: never | unknown };
interface Detail {
  id: string;
  state: string;
  round: number;
  chainVersion: number;
  subjectVersion: number;
  rounds: Array<{
    round: number;
    steps: Array<{
      name: string;
      status: string;
      skipReason: string | null;
      adHoc: boolean;
      tasks: Array<{ id: string; assigneeId: string; onBehalfOfId: string | null; status: string }>;
    }>;
  }>;
  actions: Array<{
    action: string;
    actorName: string | null;
    onBehalfOfName: string | null;
    comment: string | null;
    attachments: Array<{ id: string }>;
  }>;
  can: Record<string, boolean>;
  current: { available: boolean; version: number | null; changes: Array<{ path: string; label: string; before: unknown; after: unknown }> };
  snapshot: Record<string, unknown>;
}

const cookie = (who: string) => u[who]?.cookie ?? '';
const id = (who: string) => u[who]?.id ?? '';

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  for (const [k, v] of Object.entries(org.users)) u[k] = v;
  for (const [username, name] of [
    ['dir', '王总监'],
    ['dir2', '刘总监'],
  ] as const) {
    const uid = await createUserViaApi(t, org.adminCookie, {
      username,
      displayName: name,
      departmentId: org.depts.market,
      roleIds: [org.roleIds.sales_director ?? ''],
    });
    u[username] = { id: uid, cookie: await loginAndActivate(t, username) };
  }
  // 张客户经理 (am) reports to 王经理 (mm), who reports to 陈总 (gm)
  for (const [who, manager] of [
    ['am', 'mm'],
    ['mm', 'gm'],
  ] as const) {
    const v = (await t.call('GET', `/api/users/${id(who)}`, { cookie: org.adminCookie })).json() as { version: number };
    const res = await t.call('PATCH', `/api/users/${id(who)}`, {
      cookie: org.adminCookie,
      body: { version: v.version, managerId: id(manager) },
    });
    expect(res.statusCode).toBe(200);
  }
  await createTestSubjectTable(t.database.db);
  registerTestApprovalSubject();
}, 240_000);
afterAll(async () => {
  await t.close();
});

async function actorOf(who: string) {
  const sid = cookie(who).split('=')[1] ?? '';
  const actor = await actorFromSession(t.database.db, sid, t.clock.now, t.config, null);
  if (!actor) throw new Error(`no session for ${who}`);
  return actor;
}

async function submit(who: string, item: TestItemInput): Promise<{ itemId: string; requestId: string }> {
  const itemId = await createTestItem(t.database.db, { ...item, ownerId: id(who) });
  const requestId = await submitTestItem(t.database.db, await actorOf(who), t.clock.now, t.config, itemId, item.title);
  return { itemId, requestId };
}

async function saveChain(def: ChainDefinitionInput): Promise<number> {
  const cur = (await t.call('GET', `/api/approval-processes/${TEST_PROCESS_CODE}`, { cookie: org.adminCookie })).json() as {
    chain: { version: number };
  };
  const res = await t.call('PUT', `/api/approval-processes/${TEST_PROCESS_CODE}/chain`, {
    cookie: org.adminCookie,
    body: { baseVersion: cur.chain.version, definition: def },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { chain: { version: number } }).chain.version;
}

const get = async (who: string, rid: string) => await t.call('GET', `/api/approvals/${rid}`, { cookie: cookie(who) });
const detail = async (who: string, rid: string) => (await get(who, rid)).json() as Detail;
const act = (who: string, rid: string, action: string, body: Json = {}) =>
  t.call('POST', `/api/approvals/${rid}/${action}`, { cookie: cookie(who), body });
const approve = async (who: string, rid: string, extra: Json = {}) => {
  const d = await detail(who, rid);
  return act(who, rid, 'approve', { subjectVersion: d.subjectVersion, ...extra });
};
const lastRound = (d: Detail) => d.rounds[d.rounds.length - 1]?.steps ?? [];

const managerThenDirector: ChainDefinitionInput = {
  resubmitFrom: 'first',
  steps: [
    { name: '直属上级审批', approver: { type: 'manager' }, mode: 'any' },
    { name: '市场总监审批', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'any' },
  ],
};

describe('approval flow', () => {
  it('submit → approve through two steps; lists, counts, notifications, audit and the decision hook', async () => {
    await saveChain(managerThenDirector);
    const { itemId, requestId } = await submit('am', { title: '华东报价 A', amountFen: 1_200_000_00, marginPercent: 12, region: '华东' });
    let d = await detail('am', requestId);
    expect(d.state).toBe('pending');
    expect(lastRound(d).map((s) => s.status)).toEqual(['active', 'waiting']);
    expect(lastRound(d)[0]?.tasks.map((x) => x.assigneeId)).toEqual([id('mm')]);
    expect(d.snapshot).toMatchObject({ title: '华东报价 A', amountFen: 1_200_000_00, marginPercent: 12 });
    expect(d.can).toMatchObject({ approve: false, withdraw: true, resubmit: false });

    const waiting = (await t.call('GET', '/api/approvals?box=waiting', { cookie: cookie('mm') })).json() as {
      items: Array<{ id: string; currentStepName: string }>;
      total: number;
    };
    expect(waiting.items.map((x) => x.id)).toContain(requestId);
    expect(waiting.items.find((x) => x.id === requestId)?.currentStepName).toBe('直属上级审批');
    expect((await t.call('GET', '/api/approvals/counts', { cookie: cookie('mm') })).json()).toMatchObject({ waiting: 1 });
    expect((await t.call('GET', '/api/approvals?box=mine', { cookie: cookie('am') })).json().items[0].id).toBe(requestId);

    const inbox = rowsOf<{ user_id: string; title: string }>(
      await t.database.db.execute(sql`
      SELECT user_id, title FROM notifications WHERE subject_type = 'approval_request' AND subject_id = ${requestId}`),
    );
    expect(inbox).toEqual([{ user_id: id('mm'), title: '待审批：华东报价 A' }]);

    expect((await approve('mm', requestId, { comment: '同意' })).statusCode).toBe(200);
    d = await detail('am', requestId);
    expect(lastRound(d).map((s) => s.status)).toEqual(['approved', 'active']);
    expect(
      lastRound(d)[1]
        ?.tasks.map((x) => x.assigneeId)
        .sort(),
    ).toEqual([id('dir'), id('dir2')].sort());
    expect((await t.call('GET', '/api/approvals?box=done', { cookie: cookie('mm') })).json().items[0].id).toBe(requestId);

    const res = await approve('dir', requestId);
    expect(res.statusCode).toBe(200);
    d = res.json() as Detail;
    expect(d.state).toBe('approved');
    expect(lastRound(d).map((s) => s.status)).toEqual(['approved', 'approved']);
    // 或签: the other director's task was cancelled
    expect(
      lastRound(d)[1]
        ?.tasks.map((x) => x.status)
        .sort(),
    ).toEqual(['approved', 'cancelled']);
    expect(d.actions.map((a) => a.action)).toEqual(['submit', 'approve', 'approve']);
    expect(await testItemDecisions(t.database.db, itemId)).toEqual(['approved']);

    const requesterInbox = rowsOf<{ title: string }>(
      await t.database.db.execute(sql`
      SELECT title FROM notifications WHERE user_id = ${id('am')} AND subject_id = ${requestId}`),
    );
    expect(requesterInbox.map((x) => x.title)).toEqual(['审批通过：华东报价 A']);

    const audit = (await t.call('GET', `/api/audit?entityId=${requestId}&pageSize=50`, { cookie: org.adminCookie })).json() as {
      items: Array<{ action: string; actorName: string }>;
    };
    expect(audit.items.map((a) => a.action).sort()).toEqual(['approval.approve', 'approval.approve', 'approval.submit']);
    expect((await t.call('GET', '/api/audit/verify', { cookie: org.adminCookie })).json().ok).toBe(true);
  });

  it('会签: every approver of the step must approve', async () => {
    await saveChain({
      resubmitFrom: 'first',
      steps: [{ name: '总监会签', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'all' }],
    });
    const { requestId } = await submit('am', { title: '会签事项', marginPercent: 10 });
    expect((await approve('dir', requestId)).statusCode).toBe(200);
    let d = await detail('am', requestId);
    expect(d.state).toBe('pending');
    expect(lastRound(d)[0]?.status).toBe('active');
    // approving twice is refused clearly
    const again = await approve('dir', requestId);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('approval_already_handled');
    expect(again.json().message).toContain('您已审批过此步骤');
    expect((await approve('dir2', requestId)).statusCode).toBe(200);
    d = await detail('am', requestId);
    expect(d.state).toBe('approved');
  });

  it('a conditional step is skipped when its condition is false and applied when true', async () => {
    await saveChain({
      resubmitFrom: 'first',
      steps: [
        { name: '直属上级审批', approver: { type: 'manager' }, mode: 'any' },
        {
          name: '低毛利例外审批',
          approver: { type: 'user', userId: id('gm') },
          mode: 'any',
          condition: {
            or: [
              { field: 'marginPercent', op: 'lt', value: 5 },
              { field: 'amountFen', op: 'gt', value: 500_000_000 },
            ],
          },
        },
      ],
    });
    const fine = await submit('am', { title: '正常毛利', marginPercent: 15, amountFen: 100_000_00 });
    expect(lastRound(await detail('am', fine.requestId)).map((s) => [s.status, s.skipReason])).toEqual([
      ['active', null],
      ['skipped', 'condition'],
    ]);
    await approve('mm', fine.requestId);
    expect((await detail('am', fine.requestId)).state).toBe('approved');

    const low = await submit('am', { title: '低毛利', marginPercent: 3.5, amountFen: 100_000_00 });
    await approve('mm', low.requestId);
    const d = await detail('am', low.requestId);
    expect(d.state).toBe('pending');
    expect(lastRound(d).map((s) => s.status)).toEqual(['approved', 'active']);
    expect(lastRound(d)[1]?.tasks[0]?.assigneeId).toBe(id('gm'));
  });

  it('reject needs a comment and ends the request; later actions are refused with a clear conflict', async () => {
    await saveChain(managerThenDirector);
    const { itemId, requestId } = await submit('am', { title: '驳回事项', marginPercent: 10 });
    const noComment = await act('mm', requestId, 'reject', { comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    const rejected = await act('mm', requestId, 'reject', { comment: '价格不合理' });
    expect(rejected.statusCode).toBe(200);
    const d = rejected.json() as Detail;
    expect(d.state).toBe('rejected');
    expect(lastRound(d).map((s) => s.status)).toEqual(['rejected', 'waiting']);
    expect(await testItemDecisions(t.database.db, itemId)).toEqual(['rejected']);
    const late = await approve('mm', requestId);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('审批已驳回');
    expect((await act('am', requestId, 'withdraw')).statusCode).toBe(409);
    const inbox = rowsOf<{ body: string }>(
      await t.database.db.execute(sql`SELECT body FROM notifications WHERE user_id = ${id('am')} AND subject_id = ${requestId}`),
    );
    expect(inbox[0]?.body).toContain('价格不合理');
  });

  it('return → edit (version bump) → resubmit restarts from the first step; history is kept', async () => {
    await saveChain(managerThenDirector);
    const { itemId, requestId } = await submit('am', { title: '退回事项', marginPercent: 8, amountFen: 50_000_00 });
    await approve('mm', requestId);
    expect((await act('dir', requestId, 'return', {})).statusCode).toBe(400);
    const ret = await act('dir', requestId, 'return', { comment: '请补充成本明细' });
    expect(ret.statusCode).toBe(200);
    expect((ret.json() as Detail).state).toBe('returned');
    expect(await testItemDecisions(t.database.db, itemId)).toEqual(['returned']);
    expect((await t.call('GET', '/api/approvals/counts', { cookie: cookie('am') })).json()).toMatchObject({ returned: 1 });
    // only the requester resubmits
    expect((await act('dir', requestId, 'resubmit')).statusCode).toBe(403);
    const v2 = await updateTestItem(t.database.db, itemId, { amountFen: 55_000_00 });
    expect(v2).toBe(2);
    const re = await act('am', requestId, 'resubmit', { comment: '已补充' });
    expect(re.statusCode).toBe(200);
    const d = re.json() as Detail;
    expect(d.state).toBe('pending');
    expect(d.round).toBe(2);
    expect(d.subjectVersion).toBe(2);
    expect(d.rounds.map((r) => r.steps.map((s) => s.status))).toEqual([
      ['approved', 'returned'],
      ['active', 'waiting'],
    ]);
    expect(d.actions.map((a) => a.action)).toEqual(['submit', 'approve', 'return', 'resubmit']);
    expect(d.snapshot.amountFen).toBe(55_000_00);
    await approve('mm', requestId);
    await approve('dir2', requestId);
    expect((await detail('am', requestId)).state).toBe('approved');
  });

  it('…or from the returning step, when the chain says so', async () => {
    await saveChain({ ...managerThenDirector, resubmitFrom: 'returning_step' });
    const { itemId, requestId } = await submit('am', { title: '从退回步骤重审', marginPercent: 8 });
    await approve('mm', requestId);
    await act('dir', requestId, 'return', { comment: '改一下区域' });
    await updateTestItem(t.database.db, itemId, { region: '华北' });
    const d = (await act('am', requestId, 'resubmit')).json() as Detail;
    expect(lastRound(d).map((s) => [s.status, s.skipReason])).toEqual([
      ['skipped', 'approved_earlier'],
      ['active', null],
    ]);
    await approve('dir', requestId);
    expect((await detail('am', requestId)).state).toBe('approved');
  });

  it('加签: an approver adds another approver to the current step or as a step after it', async () => {
    await saveChain({ resubmitFrom: 'first', steps: [{ name: '直属上级审批', approver: { type: 'manager' }, mode: 'all' }] });
    const { requestId } = await submit('am', { title: '加签事项', marginPercent: 10 });
    // the requester cannot be added; strangers cannot add
    expect((await act('mm', requestId, 'add-approver', { userId: id('am'), position: 'current' })).statusCode).toBe(400);
    expect((await act('eng', requestId, 'add-approver', { userId: id('gm'), position: 'current' })).statusCode).toBe(404);
    expect(
      (await act('mm', requestId, 'add-approver', { userId: id('eng'), position: 'current', comment: '请工程部确认' })).statusCode,
    ).toBe(200);
    expect((await act('mm', requestId, 'add-approver', { userId: id('gm'), position: 'after' })).statusCode).toBe(200);
    let d = await detail('am', requestId);
    expect(lastRound(d).map((s) => [s.name, s.adHoc, s.status])).toEqual([
      ['直属上级审批', false, 'active'],
      ['陈总', true, 'waiting'],
    ]);
    expect(lastRound(d)[0]?.tasks.map((x) => x.assigneeId)).toEqual([id('mm'), id('eng')]);
    await approve('mm', requestId);
    expect((await detail('am', requestId)).state).toBe('pending'); // 会签: 赵工 still to approve
    await approve('eng', requestId);
    d = await detail('am', requestId);
    expect(lastRound(d).map((s) => s.status)).toEqual(['approved', 'active']);
    await approve('gm', requestId);
    d = await detail('am', requestId);
    expect(d.state).toBe('approved');
    expect(d.actions.map((a) => a.action)).toEqual(['submit', 'add_approver', 'add_approver', 'approve', 'approve', 'approve']);
  });

  it('withdraw: requester only, while pending; open tasks are cancelled', async () => {
    await saveChain(managerThenDirector);
    const { itemId, requestId } = await submit('am', { title: '撤回事项', marginPercent: 10 });
    expect((await act('mm', requestId, 'withdraw')).statusCode).toBe(403);
    const w = await act('am', requestId, 'withdraw', { comment: '客户取消' });
    expect(w.statusCode).toBe(200);
    const d = w.json() as Detail;
    expect(d.state).toBe('withdrawn');
    expect(lastRound(d)[0]?.tasks[0]?.status).toBe('cancelled');
    expect(lastRound(d)[0]?.status).toBe('cancelled');
    expect(await testItemDecisions(t.database.db, itemId)).toEqual(['withdrawn']);
    expect((await approve('mm', requestId)).statusCode).toBe(409);
    expect((await t.call('GET', '/api/approvals/counts', { cookie: cookie('mm') })).json()).toMatchObject({ waiting: 0 });
    // a withdrawn subject can be submitted again
    const again = await submitTestItem(t.database.db, await actorOf('am'), t.clock.now, t.config, itemId, '撤回事项');
    expect(again).not.toBe(requestId);
  });

  it('one open request per subject and process', async () => {
    await saveChain(managerThenDirector);
    const { itemId } = await submit('am', { title: '重复提交', marginPercent: 10 });
    await expect(submitTestItem(t.database.db, await actorOf('am'), t.clock.now, t.config, itemId, '重复提交')).rejects.toMatchObject({
      code: 'conflict_state',
    });
  });

  it('delegation while away: new tasks go to the delegate, recorded on behalf of', async () => {
    await saveChain(managerThenDirector);
    t.clock.now = new Date('2026-05-03T02:00:00Z');
    // 王经理 is away 5/1–5/5 and delegates to 陈总
    expect(
      (
        await t.call('POST', '/api/approvals/delegations', {
          cookie: cookie('mm'),
          body: { delegateId: id('mm'), startsOn: '2026-05-01', endsOn: '2026-05-05' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/api/approvals/delegations', {
          cookie: cookie('mm'),
          body: { delegateId: id('gm'), startsOn: '2026-05-05', endsOn: '2026-05-01' },
        })
      ).statusCode,
    ).toBe(400);
    const created = await t.call('POST', '/api/approvals/delegations', {
      cookie: cookie('mm'),
      body: { delegateId: id('gm'), startsOn: '2026-05-01', endsOn: '2026-05-05', note: '出差' },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()[0]).toMatchObject({ delegateName: '陈总', status: 'active' });
    const overlap = await t.call('POST', '/api/approvals/delegations', {
      cookie: cookie('mm'),
      body: { delegateId: id('sup'), startsOn: '2026-05-04', endsOn: '2026-05-09' },
    });
    expect(overlap.statusCode).toBe(409);

    const { requestId } = await submit('am', { title: '代理审批事项', marginPercent: 10 });
    let d = await detail('am', requestId);
    expect(lastRound(d)[0]?.tasks).toMatchObject([{ assigneeId: id('gm'), onBehalfOfId: id('mm'), status: 'pending' }]);
    const waiting = (await t.call('GET', '/api/approvals?box=waiting', { cookie: cookie('gm') })).json() as {
      items: Array<{ id: string; onBehalfOfName: string | null }>;
    };
    expect(waiting.items.find((x) => x.id === requestId)?.onBehalfOfName).toBe('王经理');
    expect((await approve('gm', requestId, { comment: '代王经理同意' })).statusCode).toBe(200);
    d = await detail('am', requestId);
    expect(d.actions[1]).toMatchObject({ action: 'approve', actorName: '陈总', onBehalfOfName: '王经理' });

    // back early, 王经理 may still decide a task that went to his delegate; it is recorded as his own
    const early = await submit('am', { title: '提前回来', marginPercent: 10 });
    expect((await approve('mm', early.requestId)).statusCode).toBe(200);
    expect((await detail('am', early.requestId)).actions[1]).toMatchObject({
      action: 'approve',
      actorName: '王经理',
      onBehalfOfName: null,
    });

    // after the range, tasks go to 王经理 again; cancelling works and is audited
    t.clock.now = new Date('2026-05-06T02:00:00Z');
    const second = await submit('am', { title: '代理结束后', marginPercent: 10 });
    expect(lastRound(await detail('am', second.requestId))[0]?.tasks[0]).toMatchObject({ assigneeId: id('mm'), onBehalfOfId: null });
    const list = (await t.call('GET', '/api/approvals/delegations', { cookie: cookie('mm') })).json() as Array<{
      id: string;
      status: string;
    }>;
    expect(list[0]?.status).toBe('ended');
    expect((await t.call('DELETE', `/api/approvals/delegations/${list[0]?.id}`, { cookie: cookie('am') })).statusCode).toBe(404);
    expect((await t.call('DELETE', `/api/approvals/delegations/${list[0]?.id}`, { cookie: cookie('mm') })).statusCode).toBe(200);
    const audit = (await t.call('GET', `/api/audit?entityId=${list[0]?.id}`, { cookie: org.adminCookie })).json() as {
      items: Array<{ action: string }>;
    };
    expect(audit.items.map((a) => a.action).sort()).toEqual(['approval_delegation.cancel', 'approval_delegation.create']);
    t.clock.now = new Date();
  });

  it('a subject cannot be approved in a version other than the one reviewed (409)', async () => {
    await saveChain(managerThenDirector);
    const { itemId, requestId } = await submit('am', { title: '版本校验', marginPercent: 10, amountFen: 100 });
    const stale = await act('mm', requestId, 'approve', { subjectVersion: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('approval_subject_changed');
    // the subject is edited while under review
    await updateTestItem(t.database.db, itemId, { amountFen: 999 });
    const d = await detail('mm', requestId);
    expect(d.current).toMatchObject({ available: true, version: 2 });
    expect(d.current.changes).toEqual([{ path: 'amountFen', label: '金额', kind: 'changed', before: 100, after: 999 }]);
    const refused = await act('mm', requestId, 'approve', { subjectVersion: d.subjectVersion });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('approval_subject_changed');
    expect(refused.json().message).toContain('第 1 版，当前为第 2 版');
    expect((await detail('mm', requestId)).state).toBe('pending');
    // returning it is still possible
    expect((await act('mm', requestId, 'return', { comment: '对象已修改，请重新提交' })).statusCode).toBe(200);
  });

  it('wrong users: strangers get 404, participants who are not current approvers 403', async () => {
    await saveChain(managerThenDirector);
    const { requestId } = await submit('am', { title: '权限校验', marginPercent: 10 });
    expect((await get('eng', requestId)).statusCode).toBe(404);
    expect((await act('eng', requestId, 'approve', { subjectVersion: 1 })).statusCode).toBe(404);
    expect((await act('eng', requestId, 'reject', { comment: 'x' })).statusCode).toBe(404);
    expect((await act('am', requestId, 'approve', { subjectVersion: 1 })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/approvals/${requestId}`, { cookie: org.adminCookie })).statusCode).toBe(404);
    expect((await get('mm', requestId)).statusCode).toBe(200);
  });

  it('a chain edited mid-flight: the request in flight keeps its version', async () => {
    const v1 = await saveChain(managerThenDirector);
    const { requestId } = await submit('am', { title: '流程变更前', marginPercent: 10 });
    const v2 = await saveChain({
      resubmitFrom: 'first',
      steps: [{ name: '总经理审批', approver: { type: 'user', userId: id('gm') }, mode: 'any' }],
    });
    expect(v2).toBe(v1 + 1);
    await approve('mm', requestId);
    let d = await detail('am', requestId);
    expect(d.chainVersion).toBe(v1);
    expect(lastRound(d).map((s) => s.name)).toEqual(['直属上级审批', '市场总监审批']);
    expect(lastRound(d)[1]?.status).toBe('active');
    const after = await submit('am', { title: '流程变更后', marginPercent: 10 });
    d = await detail('am', after.requestId);
    expect(d.chainVersion).toBe(v2);
    expect(lastRound(d).map((s) => s.name)).toEqual(['总经理审批']);
    const proc = (await t.call('GET', `/api/approval-processes/${TEST_PROCESS_CODE}`, { cookie: org.adminCookie })).json() as {
      versions: Array<{ version: number; requestCount: number }>;
    };
    expect(proc.versions.find((x) => x.version === v1)?.requestCount).toBeGreaterThan(0);
    const old = await t.call('GET', `/api/approval-processes/${TEST_PROCESS_CODE}/versions/${v1}`, { cookie: org.adminCookie });
    expect(old.json().definition.steps.length).toBe(2);
  });

  it('chain editing: validated references, stale base version, audit', async () => {
    const cur = (await t.call('GET', `/api/approval-processes/${TEST_PROCESS_CODE}`, { cookie: org.adminCookie })).json() as {
      chain: { version: number; definition: unknown };
    };
    const put = (body: unknown) => t.call('PUT', `/api/approval-processes/${TEST_PROCESS_CODE}/chain`, { cookie: org.adminCookie, body });
    const badRole = await put({
      baseVersion: cur.chain.version,
      definition: { resubmitFrom: 'first', steps: [{ name: 'x', approver: { type: 'role', roleCode: 'nope' }, mode: 'any' }] },
    });
    expect(badRole.statusCode).toBe(400);
    expect(Object.keys(badRole.json().details.fields)).toEqual(['body.definition.steps.0.approver.roleCode']);
    const badField = await put({
      baseVersion: cur.chain.version,
      definition: {
        resubmitFrom: 'first',
        steps: [{ name: 'x', approver: { type: 'manager' }, mode: 'any', condition: { field: 'costFen', op: 'gt', value: 1 } }],
      },
    });
    expect(badField.statusCode).toBe(400);
    const badPolicy = await put({
      baseVersion: cur.chain.version,
      definition: {
        resubmitFrom: 'first',
        steps: [{ name: 'x', approver: { type: 'manager' }, mode: 'any', deadlinePolicy: 'no_such_policy' }],
      },
    });
    expect(badPolicy.statusCode).toBe(400);
    const stale = await put({ baseVersion: cur.chain.version - 1, definition: managerThenDirector });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.currentVersion).toBe(cur.chain.version);
    const notAdmin = await t.call('PUT', `/api/approval-processes/${TEST_PROCESS_CODE}/chain`, {
      cookie: cookie('gm'),
      body: { baseVersion: cur.chain.version, definition: managerThenDirector },
    });
    expect(notAdmin.statusCode).toBe(403);
    const audit = (
      await t.call('GET', `/api/audit?entityId=${TEST_PROCESS_CODE}&action=approval_chain.save`, { cookie: org.adminCookie })
    ).json() as { items: unknown[] };
    expect(audit.items.length).toBeGreaterThan(0);
  });

  it('no approver for a step: submission is refused with the step named; the requester as sole approver is skipped', async () => {
    await saveChain({ resubmitFrom: 'first', steps: [{ name: '部门负责人审批', approver: { type: 'department_head' }, mode: 'any' }] });
    await expect(submit('am', { title: '无负责人', marginPercent: 10 })).rejects.toMatchObject({
      code: 'approval_no_approver',
      params: { step: '部门负责人审批' },
    });
    await saveChain({
      resubmitFrom: 'first',
      steps: [
        { name: '自己', approver: { type: 'user', userId: id('am') }, mode: 'any' },
        { name: '直属上级审批', approver: { type: 'manager' }, mode: 'any' },
      ],
    });
    const { requestId } = await submit('am', { title: '自审跳过', marginPercent: 10 });
    const d = await detail('am', requestId);
    expect(lastRound(d).map((s) => [s.status, s.skipReason])).toEqual([
      ['skipped', 'requester_only'],
      ['active', null],
    ]);
  });

  it('attachments: upload, attach to an action, download as a file; type, size and ownership enforced', async () => {
    await saveChain(managerThenDirector);
    const { requestId } = await submit('am', { title: '附件事项', marginPercent: 10 });
    const content = Buffer.from('成本明细，第一版\n');
    const up = await t.call('POST', `/api/approvals/${requestId}/attachments`, {
      cookie: cookie('mm'),
      body: { fileName: '成本明细.txt', contentBase64: content.toString('base64') },
    });
    expect(up.statusCode, up.body).toBe(200);
    const att = up.json() as { id: string; sha256: string; size: number; contentType: string };
    expect(att).toMatchObject({ size: content.length, contentType: 'text/plain' });
    const exe = await t.call('POST', `/api/approvals/${requestId}/attachments`, {
      cookie: cookie('mm'),
      body: { fileName: 'run.exe', contentBase64: 'TVo=' },
    });
    expect(exe.statusCode).toBe(400);
    expect(
      (
        await t.call('POST', `/api/approvals/${requestId}/attachments`, {
          cookie: cookie('eng'),
          body: { fileName: 'a.txt', contentBase64: 'YQ==' },
        })
      ).statusCode,
    ).toBe(404);
    // someone else's upload cannot be attached
    const amUp = (
      await t.call('POST', `/api/approvals/${requestId}/attachments`, {
        cookie: cookie('am'),
        body: { fileName: 'x.pdf', contentBase64: 'JVBERi0=' },
      })
    ).json() as { id: string };
    expect((await approve('mm', requestId, { attachmentIds: [amUp.id] })).statusCode).toBe(400);
    expect((await detail('am', requestId)).state).toBe('pending');
    const ok = await approve('mm', requestId, { comment: '见附件', attachmentIds: [att.id] });
    expect(ok.statusCode).toBe(200);
    const d = ok.json() as Detail;
    expect(d.actions.find((a) => a.action === 'approve')?.attachments.map((a) => a.id)).toEqual([att.id]);
    const dl = await t.call('GET', `/api/approvals/${requestId}/attachments/${att.id}`, { cookie: cookie('am') });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment;');
    expect(dl.headers['content-disposition']).toContain(encodeURIComponent('成本明细.txt'));
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(content)).toBe(true);
    expect((await t.call('GET', `/api/approvals/${requestId}/attachments/${att.id}`, { cookie: cookie('eng') })).statusCode).toBe(404);
    // an unused upload is visible to its uploader only
    expect((await t.call('GET', `/api/approvals/${requestId}/attachments/${amUp.id}`, { cookie: cookie('mm') })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/approvals/${requestId}/attachments/${amUp.id}`, { cookie: cookie('am') })).statusCode).toBe(200);
  });

  it("a step with a deadline policy times each task; deciding completes it, the 或签 loser's is cancelled", async () => {
    await ensureDeadlinePolicy(t.database.db, {
      code: 'test.approval_review',
      nameZh: '审批时限（测试）',
      nameEn: 'Approval (test)',
      kind: 'working_days',
      amount: 1,
    });
    await saveChain({
      resubmitFrom: 'first',
      steps: [
        { name: '总监审批', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'any', deadlinePolicy: 'test.approval_review' },
      ],
    });
    const { requestId } = await submit('am', { title: '时限事项', marginPercent: 10 });
    const d = await detail('am', requestId);
    const taskIds = lastRound(d)[0]?.tasks.map((x) => x.id) ?? [];
    expect(taskIds.length).toBe(2);
    const states = async () =>
      rowsOf<{ subject_id: string; state: string; owner_user_id: string }>(
        await t.database.db.execute(sql`
      SELECT subject_id, state, owner_user_id FROM deadlines WHERE subject_type = 'approval_task' AND subject_id IN (${sql.join(
        taskIds.map((x) => sql`${x}`),
        sql`, `,
      )})`),
      );
    expect((await states()).map((x) => x.state)).toEqual(['running', 'running']);
    await approve('dir', requestId);
    const after = await states();
    const dirTask = lastRound(d)[0]?.tasks.find((x) => x.assigneeId === id('dir'))?.id;
    expect(after.find((x) => x.subject_id === dirTask)?.state).toBe('met');
    expect(after.find((x) => x.subject_id !== dirTask)?.state).toBe('cancelled');
  });

  // Two app instances on one PostgreSQL database race the same decision in approval-concurrency.test.ts.
  it('concurrency: two approvers of a 或签 step approving at the same moment — exactly one decides', async () => {
    await saveChain({
      resubmitFrom: 'first',
      steps: [
        { name: '总监或签', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'any' },
        { name: '总经理审批', approver: { type: 'user', userId: id('gm') }, mode: 'any' },
      ],
    });
    for (let i = 0; i < 4; i++) {
      const { requestId } = await submit('am', { title: `并发 ${i}`, marginPercent: 10 });
      const [a, b] = await Promise.all([
        act('dir', requestId, 'approve', { subjectVersion: 1 }),
        act('dir2', requestId, 'approve', { subjectVersion: 1 }),
      ]);
      const codes = [a.statusCode, b.statusCode].sort();
      expect(codes).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json().code).toBe('approval_already_handled');
      expect(loser.json().message).toMatch(/此步骤已由 (王总监|刘总监) 处理/);
      const d = await detail('am', requestId);
      expect(
        lastRound(d)[0]
          ?.tasks.map((x) => x.status)
          .sort(),
      ).toEqual(['approved', 'cancelled']);
      expect(lastRound(d)[1]?.status).toBe('active');
      expect(lastRound(d)[1]?.tasks.length).toBe(1);
      expect(d.actions.filter((x) => x.action === 'approve').length).toBe(1);
    }
  });
});
