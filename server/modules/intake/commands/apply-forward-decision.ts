import { desc, eq } from 'drizzle-orm';
import { nextLeadState, type LeadState } from '../../../../core/intake/lead-states.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { ApprovalOutcome, ApprovalRequestInfo } from '../../../approvals/subjects.ts';
import type { Db } from '../../../db/client.ts';
import { approvalActions, leads } from '../../../db/schema.ts';
import { completeDeadline, startDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { stateConflict } from '../../../kernel/guards.ts';
import { LEAD_SUBJECT, POLICY_LEAD_SCREEN, STEP_SCREEN } from '../lead-events.ts';
import { appendLeadTimeline } from '../lead-timeline.ts';
import { intakeMessages } from '../intake.messages.ts';

/** The comment of the decision that ended or returned a request (recorded before the hook runs). */
async function lastComment(tx: Db, requestId: string): Promise<string | null> {
  const row = (
    await tx
      .select({ comment: approvalActions.comment })
      .from(approvalActions)
      .where(eq(approvalActions.requestId, requestId))
      .orderBy(desc(approvalActions.id))
      .limit(1)
  )[0];
  return row?.comment ?? null;
}

/** How a forwarding that did not go through ended, in the screening note (no default: every other outcome has its word). */
function undoneWord(outcome: Exclude<ApprovalOutcome, 'approved'>): string {
  switch (outcome) {
    case 'rejected':
      return '驳回';
    case 'returned':
      return '退回';
    case 'withdrawn':
      return '撤回';
  }
}

/**
 * The forwarding decision (approval `lead.forward`, run inside the deciding transaction):
 * approved → forwarded; rejected / returned / withdrawn → back to screening, with a fresh
 * screening deadline for whoever asked to forward it.
 */
export async function applyForwardDecision(tx: Db, ctx: Ctx, request: ApprovalRequestInfo, outcome: ApprovalOutcome): Promise<void> {
  const lead = (await tx.select().from(leads).where(eq(leads.id, request.subjectId)).limit(1).for('update'))[0];
  if (!lead) return;
  const state = lead.state as LeadState;
  if (outcome === 'approved') {
    const next = nextLeadState(state, 'forward_approved');
    if (!next) throw stateConflict(ctx.actor.locale, { zh: '信息已不在转交流程中', en: 'the information is no longer being forwarded' });
    // after a return the lead waited in screening (with a new screening deadline) until the request was resubmitted
    await tx
      .update(leads)
      .set({ state: next, screeningOutcome: 'forward', version: lead.version + 1, updatedAt: ctx.now })
      .where(eq(leads.id, lead.id));
    await completeDeadline(tx, ctx.now, { subjectType: LEAD_SUBJECT, subjectId: lead.id, step: STEP_SCREEN });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.forward_approved',
      entityType: 'lead',
      entityId: lead.id,
      changes: { state: { before: state, after: next } },
      detail: `${lead.forwardUnit ?? ''} / ${lead.forwardPerson ?? ''}`,
    });
    await appendLeadTimeline(tx, ctx, lead, {
      kind: 'lead.forwarded',
      title: intakeMessages.message('timeline.forwarded', { unit: lead.forwardUnit ?? '', person: lead.forwardPerson ?? '' }),
      summary: '市场总监审核同意转交其他事业部',
      data: { outcome: 'forward', forwardUnit: lead.forwardUnit, forwardPerson: lead.forwardPerson, approvalRequestId: request.id },
    });
    return;
  }
  if (state !== 'forwarding') return; // already moved on (e.g. re-screened after a return)
  const next = nextLeadState(state, 'forward_undone') ?? 'registered';
  const comment = outcome === 'withdrawn' ? null : await lastComment(tx, request.id);
  const what = undoneWord(outcome);
  await tx
    .update(leads)
    .set({
      state: next,
      screeningOutcome: null,
      screeningNote: comment ? `转交审批${what}：${comment}` : lead.screeningNote,
      version: lead.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(leads.id, lead.id));
  await appendAudit(tx, ctx.actor, ctx.now, {
    action: `lead.forward_${outcome}`,
    entityType: 'lead',
    entityId: lead.id,
    changes: { state: { before: state, after: next } },
    detail: comment,
  });
  await appendLeadTimeline(tx, ctx, lead, {
    kind: 'lead.forward_undone',
    title: intakeMessages.message('timeline.forward_undone', { outcome: { zh: what, en: outcome } }),
    summary: comment,
    data: { outcome, approvalRequestId: request.id },
  });
  // screening starts again: a fresh screening deadline for whoever asked to forward it
  await startDeadline(tx, ctx.now, {
    subjectType: LEAD_SUBJECT,
    subjectId: lead.id,
    step: STEP_SCREEN,
    policyCode: POLICY_LEAD_SCREEN,
    ownerUserId: request.requesterId,
    title: `${lead.code} ${lead.title}`,
    link: `/leads/${lead.id}`,
  });
}
