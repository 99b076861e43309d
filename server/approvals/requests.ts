import { desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { ChainDefinition } from '../../core/approvals/chain.ts';
import { nextRequestState, type RequestEvent, type RequestState } from '../../core/approvals/engine.ts';
import { rowsOf, type Db } from '../db/client.ts';
import { approvalChains, approvalRequests } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import type { ApprovalProcess } from './processes.ts';
import type { ChainRow, RequestRow } from './rows.ts';
import type { ApprovalRequestInfo } from './subjects.ts';

/**
 * Loading and locking requests and their chains, moving a request between states, and who may
 * see a request. Every function runs inside the caller's transaction.
 */

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

/** Whether a user is the requester or holds / held a task of the request (who may see it). */
export async function isParticipant(db: Db, r: { id: string; requesterId: string }, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  if (r.requesterId === userId) return true;
  const res = await db.execute(sql`
    SELECT 1 AS x FROM approval_tasks WHERE request_id = ${r.id} AND (assignee_id = ${userId} OR on_behalf_of_id = ${userId}) LIMIT 1`);
  return rowsOf(res).length > 0;
}
