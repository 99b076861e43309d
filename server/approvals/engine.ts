import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { resolveApprovers, type OrgDirectory } from '../../core/approvals/approvers.ts';
import type { ChainDefinition } from '../../core/approvals/chain.ts';
import { planRound, restartPoint, type RoundStart } from '../../core/approvals/engine.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { approvalRequests, approvalRounds, approvalSteps, users } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { recordAction } from './actions.ts';
import { loadOrgDirectory } from './org-directory.ts';
import { getApprovalProcess, type ApprovalProcess } from './processes.ts';
import { alreadyHandled, chainOf, ensureChain, lockRequest, transition } from './requests.ts';
import type { RequestRow } from './rows.ts';
import { advance } from './steps.ts';
import { requireApprovalSubject } from './subjects.ts';

/**
 * The approval engine's entry points: submitting a record for approval and resubmitting a
 * returned request (each starts a round). The rest of the storage side lives beside this file:
 * requests.ts (loading, locking, state transitions), steps.ts (step activation, tasks),
 * settle.ts (the end of a request), actions.ts (timeline, notice parameters), rows.ts (row types).
 * Every function runs inside the caller's transaction; the use cases in server/commands lock the
 * request row first, so two actions on one request never interleave.
 */

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
