import { eq } from 'drizzle-orm';
import { shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import type { Label } from '../../../../core/kernel/label.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { ApprovalOutcome, ApprovalRequestInfo } from '../../../approvals/subjects.ts';
import type { Db } from '../../../db/client.ts';
import { activities } from '../../../db/schema.ts';
import { startDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { activitiesMessages } from '../activities.messages.ts';
import { ACTIVITY_SUBJECT, POLICY_RECEPTION_SUMMARY, STEP_SUMMARY } from '../activity-events.ts';

/** The `details` of a reception plan that the approval reads. */
export interface PlanDetails {
  visitors?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  schedule?: Array<{ date: string; time?: string | null; item: string; place?: string | null; hosts?: string | null }>;
  budgetItems?: Array<{ item: string; amountFen: number }>;
}

const PLAN_STATE_BY_OUTCOME: Record<ApprovalOutcome, string> = {
  approved: 'approved',
  rejected: 'rejected',
  returned: 'returned',
  withdrawn: 'draft',
};
const OUTCOME_TEXT: Record<ApprovalOutcome, Label> = {
  approved: { zh: '已批准', en: 'approved' },
  rejected: { zh: '被驳回', en: 'rejected' },
  returned: { zh: '被退回修改', en: 'returned for changes' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/**
 * The reception approval's effect (run inside the deciding transaction): the plan follows its
 * approval; once approved, the reception summary falls due after the last day.
 */
export async function applyReceptionDecision(tx: Db, ctx: Ctx, request: ApprovalRequestInfo, outcome: ApprovalOutcome): Promise<void> {
  const plan = (await tx.select().from(activities).where(eq(activities.id, request.subjectId)).limit(1).for('update'))[0];
  if (!plan) return;
  const state = PLAN_STATE_BY_OUTCOME[outcome];
  await tx
    .update(activities)
    .set({ state, version: plan.version + 1, updatedAt: ctx.now })
    .where(eq(activities.id, plan.id));
  await appendAudit(tx, ctx.actor, ctx.now, {
    action: `activity.reception_${outcome}`,
    entityType: 'activity',
    entityId: plan.id,
    changes: { state: { before: plan.state, after: state } },
  });
  if (plan.customerId || plan.projectId) {
    await appendTimeline(tx, {
      at: ctx.now,
      kind: 'activity.reception_approval',
      entityType: 'activity',
      entityId: plan.id,
      actorId: ctx.actor.userId,
      title: activitiesMessages.message('timeline.reception_decided', { outcome: OUTCOME_TEXT[outcome], subject: plan.subject }),
      data: { link: `/activities/${plan.id}`, outcome, approvalRequestId: request.id },
      customerId: plan.customerId,
      projectId: plan.projectId,
    });
  }
  if (outcome === 'approved') {
    const endDate = ((plan.details ?? {}) as PlanDetails).endDate;
    const startedAt = endDate ? shanghaiInstant(endDate, 18 * 60) : ctx.now;
    await startDeadline(tx, ctx.now, {
      subjectType: ACTIVITY_SUBJECT,
      subjectId: plan.id,
      step: STEP_SUMMARY,
      policyCode: POLICY_RECEPTION_SUMMARY,
      ownerUserId: plan.ownerUserId,
      startedAt: startedAt.getTime() > ctx.now.getTime() ? startedAt : ctx.now,
      title: `接待工作总结：${plan.subject}`,
      link: `/activities/${plan.id}`,
    });
  }
}
