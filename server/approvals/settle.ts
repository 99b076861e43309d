import type { Db } from '../db/client.ts';
import type { Ctx } from '../kernel/context.ts';
import { noticeParams } from './actions.ts';
import { APPROVAL_EVENTS, notifyApproval, type ApprovalEvent } from './effects.ts';
import { requestInfo } from './requests.ts';
import type { RequestRow } from './rows.ts';
import { getApprovalSubject, type ApprovalOutcome } from './subjects.ts';

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
