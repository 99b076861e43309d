import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { applyDelegations, resolveApprovers, type Delegation, type OrgDirectory, type OrgUser } from '../../core/approvals/approvers.ts';
import type { ChainDefinition } from '../../core/approvals/chain.ts';
import {
  nextRequestState,
  nextWaitingStep,
  planRound,
  restartPoint,
  type RequestEvent,
  type RequestState,
  type RoundStart,
} from '../../core/approvals/engine.ts';
import { shanghaiDate } from '../../core/calendar/working-calendar.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { rowsOf, type Db } from '../db/client.ts';
import {
  approvalActions,
  approvalAttachments,
  approvalChains,
  approvalDelegations,
  approvalRequests,
  approvalRounds,
  approvalSteps,
  approvalTasks,
  departments,
  roles,
  userRoles,
  users,
} from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import {
  APPROVAL_EVENTS,
  cancelTaskDeadline,
  notifyApproval,
  startTaskDeadline,
  type ApprovalEvent,
  type ApprovalNoticeParam,
} from './effects.ts';
import type { EventParams } from '../notifications/notify.ts';
import { getApprovalProcess, type ApprovalProcess } from './processes.ts';
import { getApprovalSubject, requireApprovalSubject, type ApprovalOutcome, type ApprovalRequestInfo } from './subjects.ts';

/**
 * The approval engine's storage side: submission, rounds, step activation (approver resolution,
 * delegation, deadlines, notifications) and the end of a request. Every function runs inside the
 * caller's transaction; the use cases in server/commands lock the request row first, so two
 * actions on one request never interleave.
 */

export type RequestRow = typeof approvalRequests.$inferSelect;
export type StepRow = typeof approvalSteps.$inferSelect;
export type TaskRow = typeof approvalTasks.$inferSelect;
export type ChainRow = typeof approvalChains.$inferSelect;

/** The organisation as approver resolution needs it (users, department heads, role members). */
export async function loadOrgDirectory(tx: Db): Promise<OrgDirectory> {
  const userRows = await tx
    .select({ id: users.id, managerId: users.managerId, departmentId: users.departmentId, active: users.active })
    .from(users);
  const deptRows = await tx
    .select({ id: departments.id, headUserId: departments.headUserId, active: departments.active })
    .from(departments);
  const memberRows = await tx
    .select({ code: roles.code, userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId));
  const roleMembers = new Map<string, string[]>();
  for (const m of memberRows) roleMembers.set(m.code, [...(roleMembers.get(m.code) ?? []), m.userId]);
  return {
    users: new Map<string, OrgUser>(userRows.map((u) => [u.id, u])),
    departmentHeads: new Map(deptRows.map((d) => [d.id, d.headUserId])),
    roleMembers,
  };
}

async function loadDelegations(tx: Db, userIds: readonly string[], today: string): Promise<Delegation[]> {
  if (userIds.length === 0) return [];
  return tx
    .select({
      userId: approvalDelegations.userId,
      delegateId: approvalDelegations.delegateId,
      startsOn: approvalDelegations.startsOn,
      endsOn: approvalDelegations.endsOn,
    })
    .from(approvalDelegations)
    .where(
      and(
        inArray(approvalDelegations.userId, [...userIds]),
        isNull(approvalDelegations.cancelledAt),
        lte(approvalDelegations.startsOn, today),
        gte(approvalDelegations.endsOn, today),
      ),
    );
}

/** The latest chain of a process; the module's default is stored as version 1 on first use. */
export async function ensureChain(tx: Db, process: ApprovalProcess, now: Date): Promise<ChainRow> {
  const latest = async () =>
    (
      await tx
        .select()
        .from(approvalChains)
        .where(eq(approvalChains.processCode, process.code))
        .orderBy(desc(approvalChains.version))
        .limit(1)
    )[0];
  const found = await latest();
  if (found) return found;
  await tx
    .insert(approvalChains)
    .values({ processCode: process.code, version: 1, definition: process.defaultChain, note: null, createdBy: null, createdAt: now })
    .onConflictDoNothing();
  const made = await latest();
  if (!made) throw new AppError('internal');
  return made;
}

/** Locks a request row for the rest of the transaction (actions on one request run one at a time). */
export async function lockRequest(tx: Db, id: string): Promise<RequestRow | undefined> {
  return (await tx.select().from(approvalRequests).where(eq(approvalRequests.id, id)).limit(1).for('update'))[0];
}

export async function chainOf(tx: Db, request: RequestRow): Promise<ChainDefinition> {
  const row = (
    await tx.select({ definition: approvalChains.definition }).from(approvalChains).where(eq(approvalChains.id, request.chainId)).limit(1)
  )[0];
  if (!row) throw new AppError('internal');
  return row.definition;
}

const STATE_TEXT: Record<RequestState, { 'zh-CN': string; en: string }> = {
  pending: { 'zh-CN': '审批仍在进行中', en: 'the request is still pending' },
  approved: { 'zh-CN': '审批已通过', en: 'the request was approved' },
  rejected: { 'zh-CN': '审批已驳回', en: 'the request was rejected' },
  returned: { 'zh-CN': '已退回发起人修改', en: 'the request was returned for revision' },
  withdrawn: { 'zh-CN': '发起人已撤回', en: 'the requester withdrew it' },
};

/** 409 for an action that came too late: the request already moved to `state`. */
export function alreadyHandled(ctx: Ctx, state: RequestState, reason?: string): AppError {
  return new AppError('approval_already_handled', { reason: reason ?? STATE_TEXT[state][ctx.actor.locale] }, { state });
}

export function requestInfo(r: RequestRow): ApprovalRequestInfo {
  return {
    id: r.id,
    processCode: r.processCode,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectVersion: r.subjectVersion,
    requesterId: r.requesterId,
    title: r.title,
    state: r.state,
    round: r.round,
  };
}

async function userName(tx: Db, id: string | null): Promise<string> {
  if (!id) return '';
  return (await tx.select({ n: users.displayName }).from(users).where(eq(users.id, id)).limit(1))[0]?.n ?? '';
}

/** Parameters every approval notification template can use. */
export async function noticeParams(
  tx: Db,
  r: RequestRow,
  extra: Partial<Record<ApprovalNoticeParam, string>> = {},
): Promise<EventParams<ApprovalNoticeParam>> {
  const p = getApprovalProcess(r.processCode);
  return {
    title: r.title,
    requester: await userName(tx, r.requesterId),
    process: p?.labelZh ?? r.processCode,
    processEn: p?.labelEn ?? r.processCode,
    step: '',
    actor: '',
    comment: '',
    onBehalf: '',
    onBehalfEn: '',
    ...extra,
  };
}

export interface ActionRecord {
  action: string;
  stepId?: string | null;
  comment?: string | null | undefined;
  subjectVersion?: number | null;
  onBehalfOfId?: string | null;
  details?: Record<string, unknown> | null;
  attachmentIds?: readonly string[] | undefined;
}

/** Appends a timeline entry and links the attachments the actor uploaded for it. */
export async function recordAction(tx: Db, ctx: Ctx, r: RequestRow, a: ActionRecord): Promise<number> {
  const [row] = await tx
    .insert(approvalActions)
    .values({
      requestId: r.id,
      round: r.round,
      stepId: a.stepId ?? null,
      action: a.action,
      actorId: ctx.actor.userId,
      onBehalfOfId: a.onBehalfOfId ?? null,
      comment: a.comment?.trim() ? a.comment.trim() : null,
      subjectVersion: a.subjectVersion ?? null,
      details: a.details ?? null,
      at: ctx.now,
    })
    .returning({ id: approvalActions.id });
  if (!row) throw new AppError('internal');
  const ids = [...new Set(a.attachmentIds ?? [])];
  if (ids.length) {
    const linked = await tx
      .update(approvalAttachments)
      .set({ actionId: row.id })
      .where(
        and(
          inArray(approvalAttachments.id, ids),
          eq(approvalAttachments.requestId, r.id),
          eq(approvalAttachments.uploadedBy, ctx.actor.userId ?? ''),
          isNull(approvalAttachments.actionId),
        ),
      )
      .returning({ id: approvalAttachments.id });
    if (linked.length !== ids.length) {
      throw new AppError('validation_failed', {}, { fields: { 'body.attachmentIds': 'unknown or already used attachment' } });
    }
  }
  return row.id;
}

/** Moves the request to the state an event leads to; refuses events its state does not allow. */
export async function transition(tx: Db, ctx: Ctx, r: RequestRow, event: RequestEvent, set: Partial<RequestRow> = {}): Promise<RequestRow> {
  const next = nextRequestState(r.state, event);
  if (!next) throw alreadyHandled(ctx, r.state);
  const [row] = await tx
    .update(approvalRequests)
    .set({ ...set, state: next, version: r.version + 1, updatedAt: ctx.now })
    .where(eq(approvalRequests.id, r.id))
    .returning();
  if (!row) throw new AppError('internal');
  return row;
}

/** Cancels the pending tasks of a step (或签 decided) or of the whole request (withdrawn, rejected). */
export async function cancelPendingTasks(tx: Db, ctx: Ctx, where: { stepId: string } | { requestId: string }): Promise<TaskRow[]> {
  const cond = 'stepId' in where ? eq(approvalTasks.stepId, where.stepId) : eq(approvalTasks.requestId, where.requestId);
  const rows = await tx
    .update(approvalTasks)
    .set({ status: 'cancelled' })
    .where(and(cond, eq(approvalTasks.status, 'pending')))
    .returning();
  for (const t of rows) await cancelTaskDeadline(tx, ctx.now, t);
  return rows;
}

/** What the requester is told when a request ends or is returned (nothing when they withdrew it themselves). */
function outcomeEvent(outcome: ApprovalOutcome): ApprovalEvent | null {
  switch (outcome) {
    case 'approved':
      return APPROVAL_EVENTS.approved;
    case 'rejected':
      return APPROVAL_EVENTS.rejected;
    case 'returned':
      return APPROVAL_EVENTS.returned;
    case 'withdrawn':
      return null;
  }
}

/** Ends a request (or returns it): the subject type's hook runs and the requester is told. */
export async function settle(
  tx: Db,
  ctx: Ctx,
  r: RequestRow,
  outcome: ApprovalOutcome,
  notice: { step?: string; comment?: string | null },
): Promise<void> {
  const subject = getApprovalSubject(r.subjectType);
  if (subject?.onDecision) await subject.onDecision(tx, ctx, requestInfo(r), outcome);
  const event = outcomeEvent(outcome);
  if (!event) return;
  await notifyApproval(tx, ctx.now, {
    event,
    recipientUserIds: [r.requesterId],
    requestId: r.id,
    params: await noticeParams(tx, r, { step: notice.step ?? '', actor: ctx.actor.displayName ?? '', comment: notice.comment ?? '' }),
  });
}

/**
 * Runs the round forward: activates the next waiting step (resolving its approvers now, with
 * delegation), skipping steps whose only approver is the requester; when no step is left the
 * request is approved. Returns the request as it stands afterwards.
 */
export async function advance(tx: Db, ctx: Ctx, request: RequestRow): Promise<RequestRow> {
  let r = request;
  let dir: OrgDirectory | null = null;
  for (;;) {
    const steps = await tx
      .select()
      .from(approvalSteps)
      .where(and(eq(approvalSteps.requestId, r.id), eq(approvalSteps.round, r.round)));
    const next = nextWaitingStep(steps);
    if (!next) {
      r = await transition(tx, ctx, r, 'approve_final', { decidedAt: ctx.now, currentStepId: null });
      await settle(tx, ctx, r, 'approved', {});
      return r;
    }
    dir ??= await loadOrgDirectory(tx);
    const spec = next.approver;
    if (!spec) throw new AppError('internal');
    const resolved = resolveApprovers(spec, { id: r.requesterId, departmentId: r.requesterDepartmentId }, dir);
    if (resolved.approverIds.length === 0) {
      if (!resolved.requesterWasApprover) throw new AppError('approval_no_approver', { step: next.name });
      await tx
        .update(approvalSteps)
        .set({ status: 'skipped', skipReason: 'requester_only', decidedAt: ctx.now })
        .where(eq(approvalSteps.id, next.id));
      await tx.insert(approvalActions).values({
        requestId: r.id,
        round: r.round,
        stepId: next.id,
        action: 'auto_skip',
        actorId: null,
        details: { reason: 'requester_only' },
        at: ctx.now,
      });
      continue;
    }
    await activateStep(tx, ctx, r, next, resolved.approverIds, dir);
    const [row] = await tx
      .update(approvalRequests)
      .set({ currentStepId: next.id, version: r.version + 1, updatedAt: ctx.now })
      .where(eq(approvalRequests.id, r.id))
      .returning();
    if (!row) throw new AppError('internal');
    return row;
  }
}

async function activateStep(tx: Db, ctx: Ctx, r: RequestRow, step: StepRow, approverIds: string[], dir: OrgDirectory): Promise<void> {
  await tx.update(approvalSteps).set({ status: 'active', activatedAt: ctx.now }).where(eq(approvalSteps.id, step.id));
  await createTasks(tx, ctx, r, step, approverIds, dir, null);
}

/**
 * Creates the tasks of a step for the given approvers (delegation applied), starts their
 * deadlines and notifies the assignees.
 */
export async function createTasks(
  tx: Db,
  ctx: Ctx,
  r: RequestRow,
  step: StepRow,
  approverIds: readonly string[],
  dir: OrgDirectory | null,
  addedBy: string | null,
): Promise<TaskRow[]> {
  const today = shanghaiDate(ctx.now);
  const delegations = await loadDelegations(tx, approverIds, today);
  const isActive = dir
    ? (id: string) => dir.users.get(id)?.active ?? false
    : await activeChecker(
        tx,
        delegations.map((d) => d.delegateId),
      );
  const assignments = applyDelegations(approverIds, delegations, today, { requesterId: r.requesterId, isActive });
  const created: TaskRow[] = [];
  for (const a of assignments) {
    const [task] = await tx
      .insert(approvalTasks)
      .values({
        requestId: r.id,
        stepId: step.id,
        assigneeId: a.assigneeId,
        onBehalfOfId: a.onBehalfOfId,
        status: 'pending',
        addedBy,
        createdAt: ctx.now,
      })
      .returning();
    if (!task) throw new AppError('internal');
    if (step.deadlinePolicy) {
      const key = await startTaskDeadline(tx, ctx.now, {
        taskId: task.id,
        policyCode: step.deadlinePolicy,
        ownerUserId: a.assigneeId,
        title: r.title,
        requestId: r.id,
      });
      if (key) await tx.update(approvalTasks).set({ deadlineKey: key }).where(eq(approvalTasks.id, task.id));
      created.push({ ...task, deadlineKey: key });
    } else {
      created.push(task);
    }
  }
  for (const a of assignments) {
    await notifyApproval(tx, ctx.now, {
      event: APPROVAL_EVENTS.taskAssigned,
      recipientUserIds: [a.assigneeId],
      requestId: r.id,
      params: await noticeParams(tx, r, {
        step: step.name,
        onBehalf: a.onBehalfOfId ? `（代 ${await userName(tx, a.onBehalfOfId)} 审批）` : '',
        onBehalfEn: a.onBehalfOfId ? `(on behalf of ${await userName(tx, a.onBehalfOfId)})` : '',
      }),
    });
  }
  return created;
}

async function activeChecker(tx: Db, ids: readonly string[]): Promise<(id: string) => boolean> {
  if (ids.length === 0) return () => false;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true)));
  const set = new Set(rows.map((x) => x.id));
  return (id) => set.has(id);
}

/** Inserts a round and its planned steps (conditions evaluated on this round's snapshot). */
async function createRound(
  tx: Db,
  r: RequestRow,
  chain: ChainDefinition,
  snapshot: Record<string, unknown>,
  start: RoundStart,
  now: Date,
): Promise<void> {
  await tx.insert(approvalRounds).values({
    requestId: r.id,
    round: r.round,
    subjectVersion: r.subjectVersion,
    snapshot,
    restartFrom: start.from,
    submittedAt: now,
  });
  const plan = planRound(chain, snapshot, start);
  await tx.insert(approvalSteps).values(
    plan.map((p) => {
      const def = chain.steps[p.chainIndex];
      if (!def) throw new AppError('internal');
      return {
        requestId: r.id,
        round: r.round,
        seq: p.chainIndex + 1,
        chainIndex: p.chainIndex,
        anchorIndex: null,
        name: def.name,
        mode: def.mode,
        approver: def.approver,
        deadlinePolicy: def.deadlinePolicy,
        status: p.status,
        skipReason: p.skipReason,
        decidedAt: p.status === 'skipped' ? now : null,
      };
    }),
  );
}

/** Fails early when a step of the planned round would find nobody to approve it. */
function assertApproversExist(
  chain: ChainDefinition,
  snapshot: unknown,
  start: RoundStart,
  requester: { id: string; departmentId: string | null },
  dir: OrgDirectory,
): void {
  for (const p of planRound(chain, snapshot, start)) {
    if (p.status !== 'waiting') continue;
    const def = chain.steps[p.chainIndex];
    if (!def) continue;
    const res = resolveApprovers(def.approver, requester, dir);
    if (res.approverIds.length === 0 && !res.requesterWasApprover) throw new AppError('approval_no_approver', { step: def.name });
  }
}

function plainJson(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}

/**
 * What a module submits: the process (its def made with `defineApprovalProcess`, which names the
 * subject type — never a code in text), the record and its title.
 */
export interface SubmitForApprovalInput {
  process: ApprovalProcess;
  subjectId: string;
  title: string;
}

/**
 * Modules call this inside their own transaction to put a record under approval: the subject's
 * current version and data become the request's snapshot, the process's latest chain version is
 * pinned, and the first applicable step starts. Returns the request id.
 */
export async function submitForApproval(tx: Db, ctx: Ctx, input: SubmitForApprovalInput): Promise<string> {
  const requesterId = ctx.actor.userId;
  if (!requesterId) throw new AppError('forbidden', {}, { reason: 'only a user can submit for approval' });
  const { code: processCode, subjectType } = input.process;
  const process = getApprovalProcess(processCode);
  if (!process) throw new Error(`approval process "${processCode}" is not registered`);
  if (process.subjectType !== subjectType)
    throw new Error(`approval process "${processCode}" reviews "${process.subjectType}", not "${subjectType}"`);
  const subject = requireApprovalSubject(subjectType);
  const loaded = await subject.load(tx, input.subjectId);
  if (!loaded) throw new AppError('not_found');
  const open = await tx
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.processCode, processCode),
        eq(approvalRequests.subjectType, subjectType),
        eq(approvalRequests.subjectId, input.subjectId),
        inArray(approvalRequests.state, ['pending', 'returned']),
      ),
    )
    .limit(1);
  if (open[0])
    throw new AppError(
      'conflict_state',
      { reason: ctx.actor.locale === 'en' ? 'this record is already under approval' : '该记录已在审批中' },
      { requestId: open[0].id },
    );
  const chain = await ensureChain(tx, process, ctx.now);
  const requester = (await tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, requesterId)).limit(1))[0];
  const snapshot = plainJson(loaded.data);
  const dir = await loadOrgDirectory(tx);
  const start: RoundStart = { from: 'first' };
  assertApproversExist(chain.definition, snapshot, start, { id: requesterId, departmentId: requester?.departmentId ?? null }, dir);
  const [created] = await tx
    .insert(approvalRequests)
    .values({
      processCode: process.code,
      chainId: chain.id,
      chainVersion: chain.version,
      subjectType,
      subjectId: input.subjectId,
      subjectVersion: loaded.version,
      snapshot,
      title: input.title,
      requesterId,
      requesterDepartmentId: requester?.departmentId ?? null,
      state: 'pending',
      round: 1,
      submittedAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!created) throw new AppError('internal');
  await createRound(tx, created, chain.definition, snapshot, start, ctx.now);
  await recordAction(tx, ctx, created, { action: 'submit', subjectVersion: loaded.version, details: { chainVersion: chain.version } });
  const after = await advance(tx, ctx, created);
  await appendAudit(tx, ctx.actor, ctx.now, {
    action: 'approval.submit',
    entityType: 'approval_request',
    entityId: created.id,
    changes: {
      state: { before: null, after: after.state },
      subject: { before: null, after: `${subjectType}:${input.subjectId}@v${loaded.version}` },
      chain: { before: null, after: `${process.code}@v${chain.version}` },
    },
  });
  return created.id;
}

export interface ResubmitInput {
  comment?: string | undefined;
  attachmentIds?: string[] | undefined;
}

/**
 * The requester resubmits a returned request after editing the subject: a new round with a
 * fresh snapshot, restarting per the chain's setting (first step or the returning step). The
 * chain version stays the one the request started with; earlier rounds stay as history.
 */
export async function resubmitApproval(tx: Db, ctx: Ctx, requestId: string, input: ResubmitInput = {}): Promise<void> {
  const r = await lockRequest(tx, requestId);
  if (!r || r.requesterId !== ctx.actor.userId) throw new AppError('not_found');
  if (r.state !== 'returned') throw alreadyHandled(ctx, r.state);
  const subject = requireApprovalSubject(r.subjectType);
  const loaded = await subject.load(tx, r.subjectId);
  if (!loaded)
    throw new AppError('conflict_state', { reason: ctx.actor.locale === 'en' ? 'the record no longer exists' : '审批对象已不存在' });
  const chain = await chainOf(tx, r);
  const previous = await tx
    .select()
    .from(approvalSteps)
    .where(and(eq(approvalSteps.requestId, r.id), eq(approvalSteps.round, r.round)))
    .orderBy(asc(approvalSteps.seq));
  const start = restartPoint(chain, previous);
  const snapshot = plainJson(loaded.data);
  assertApproversExist(chain, snapshot, start, { id: r.requesterId, departmentId: r.requesterDepartmentId }, await loadOrgDirectory(tx));
  let next = await transition(tx, ctx, r, 'resubmit', {
    round: r.round + 1,
    subjectVersion: loaded.version,
    snapshot,
    currentStepId: null,
    decidedAt: null,
  });
  await createRound(tx, next, chain, snapshot, start, ctx.now);
  await recordAction(tx, ctx, next, {
    action: 'resubmit',
    comment: input.comment,
    subjectVersion: loaded.version,
    attachmentIds: input.attachmentIds,
    details: { restartFrom: start.from, previousVersion: r.subjectVersion },
  });
  next = await advance(tx, ctx, next);
  await appendAudit(tx, ctx.actor, ctx.now, {
    action: 'approval.resubmit',
    entityType: 'approval_request',
    entityId: r.id,
    changes: {
      state: { before: r.state, after: next.state },
      round: { before: r.round, after: next.round },
      subjectVersion: { before: r.subjectVersion, after: loaded.version },
    },
    detail: input.comment?.trim() || null,
  });
}

/** Whether a user is the requester or holds / held a task of the request (who may see it). */
export async function isParticipant(db: Db, r: { id: string; requesterId: string }, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  if (r.requesterId === userId) return true;
  const res = await db.execute(sql`
    SELECT 1 AS x FROM approval_tasks WHERE request_id = ${r.id} AND (assignee_id = ${userId} OR on_behalf_of_id = ${userId}) LIMIT 1`);
  return rowsOf(res).length > 0;
}
