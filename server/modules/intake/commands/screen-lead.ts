import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import {
  IMPORTANCE_LABELS,
  LEAD_CATEGORY_LABELS,
  REPLY_METHOD_LABELS,
  type ImportanceLevel,
  type LeadCategory,
  type ReplyMethod,
} from '../../../../core/intake/labels.ts';
import { nextLeadState, type LeadEvent, type LeadState } from '../../../../core/intake/lead-states.ts';
import type { ScreenLeadBody } from '../../../../core/intake/intake.schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { leads } from '../../../db/schema.ts';
import { completeDeadline, startDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { resubmitApproval, submitForApproval } from '../../../approvals/engine.ts';
import { openApprovalFor, supersedeApproval } from '../../../approvals/subject-requests.ts';
import { leadAssignedEvent, LEAD_SUBJECT, POLICY_LEAD_EVALUATE, STEP_EVALUATE, STEP_SCREEN } from '../lead-events.ts';
import { leadForwardProcess } from '../lead-processes.ts';
import { notify } from '../../../notifications/notify.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { formatShanghai } from '../../../support/time.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { openDeadlineDue } from '../../../deadlines/open-deadline-due.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { userBrief, userHolds } from '../../../kernel/people.ts';
import { leadVisibility } from '../../../policies/visibility.ts';
import { requireLeadAction, type LeadRow } from '../lead-actions.ts';
import { appendLeadTimeline } from '../lead-timeline.ts';
import { intakeMessages } from '../intake.messages.ts';

function nextOrConflict(ctx: Ctx, lead: LeadRow, event: LeadEvent): LeadState {
  const next = nextLeadState(lead.state as LeadState, event);
  if (!next)
    throw new AppError('conflict_state', { reason: ctx.actor.locale === 'en' ? 'the information was already screened' : '该信息已筛选' });
  return next;
}

/** An account manager who may evaluate leads: active, holding lead.evaluate. */
async function checkedAssignee(tx: Db, ctx: Ctx, assigneeId: string) {
  const u = await userBrief(tx, assigneeId);
  if (!u || !u.active || !(await userHolds(tx, assigneeId, 'lead.evaluate'))) {
    throw fieldErrors(ctx.actor.locale, {
      assigneeId: { zh: '请选择有“初步评估线索”权限的在职客户经理', en: 'choose an active account manager who may evaluate leads' },
    });
  }
  return u;
}

/**
 * 筛选: the sales supervisor decides what happens to a piece of information (seed 003).
 * - reject: cannot do / of no use — the reply to the customer is recorded and the record closes;
 * - forward: another business unit's business — submitted to the sales director (approval
 *   `lead.forward`); the receiving unit and person are recorded;
 * - keep: classified and handed to an account manager, whose evaluation deadline starts.
 * Every outcome completes the screening deadline and is audited and written to the lead's (and
 * the customer's) timeline. A forwarding request still open from an earlier round is resubmitted
 * (same requester forwarding again) or withdrawn as superseded.
 */
export async function screenLead(ctx: Ctx, id: string, input: ScreenLeadBody): Promise<void> {
  requirePermission(ctx.actor, 'lead.screen');
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  await ctx.db.transaction(async (tx) => {
    const lead = await loadVisible(tx, leads, id, await leadVisibility(tx, ctx.actor), { lock: true });
    requireLeadAction(ctx.actor, lead, 'screen');
    checkVersion(lead, input.version);
    const open = await openApprovalFor(tx, leadForwardProcess, id);
    const resubmit = open && open.state === 'returned' && open.requesterId === userId && input.outcome === 'forward';
    if (open && !resubmit) await supersedeApproval(tx, ctx, open.id, ctx.actor.locale === 'en' ? 'screened again' : '信息已重新筛选');
    const me = await userBrief(tx, userId);
    const screened = {
      screenedBy: userId,
      screenedAt: ctx.now,
      screeningOutcome: input.outcome,
      version: lead.version + 1,
      updatedAt: ctx.now,
    };
    const key = { subjectType: LEAD_SUBJECT, subjectId: id, step: STEP_SCREEN };

    switch (input.outcome) {
      case 'reject': {
        const next = nextOrConflict(ctx, lead, 'screen_reject');
        const replyAt = new Date(input.replyAt);
        await tx
          .update(leads)
          .set({
            ...screened,
            state: next,
            screeningNote: input.note,
            replyMethod: input.replyMethod,
            replyAt,
            replyBy: input.replyBy,
            replyContent: input.replyContent,
          })
          .where(eq(leads.id, id));
        await completeDeadline(tx, ctx.now, key);
        await appendAudit(tx, ctx.actor, ctx.now, {
          action: 'lead.screen',
          entityType: 'lead',
          entityId: id,
          changes: {
            state: { before: lead.state, after: next },
            outcome: { before: null, after: 'reject' },
            reply: {
              before: null,
              after: { method: input.replyMethod, at: replyAt.toISOString(), by: input.replyBy, content: input.replyContent },
            },
          },
          detail: input.note,
        });
        await appendLeadTimeline(tx, ctx, lead, {
          kind: 'lead.screened',
          title: intakeMessages.message('timeline.screened_reject'),
          summary: `答复方式：${REPLY_METHOD_LABELS[input.replyMethod as ReplyMethod].zh}；答复人：${input.replyBy}；答复时间：${formatShanghai(replyAt).slice(0, 16)}；答复内容：${input.replyContent}；筛选意见：${input.note}`,
          data: { outcome: 'reject', replyMethod: input.replyMethod },
        });
        return;
      }
      case 'forward': {
        const next = nextOrConflict(ctx, lead, 'screen_forward');
        await tx
          .update(leads)
          .set({
            ...screened,
            state: next,
            forwardUnit: input.forwardUnit,
            forwardPerson: input.forwardPerson,
            screeningNote: blankToNull(input.note) ?? null,
          })
          .where(eq(leads.id, id));
        await completeDeadline(tx, ctx.now, key);
        await appendAudit(tx, ctx.actor, ctx.now, {
          action: 'lead.screen',
          entityType: 'lead',
          entityId: id,
          changes: {
            state: { before: lead.state, after: next },
            outcome: { before: null, after: 'forward' },
            forwardUnit: { before: lead.forwardUnit, after: input.forwardUnit },
            forwardPerson: { before: lead.forwardPerson, after: input.forwardPerson },
          },
          detail: blankToNull(input.note) ?? null,
        });
        await appendLeadTimeline(tx, ctx, lead, {
          kind: 'lead.screened',
          title: intakeMessages.message('timeline.screened_forward', { unit: input.forwardUnit, person: input.forwardPerson }),
          summary: `待市场总监审核${input.note ? `；筛选意见：${input.note}` : ''}`,
          data: { outcome: 'forward', forwardUnit: input.forwardUnit, forwardPerson: input.forwardPerson },
        });
        // the approval reads the lead as just written (new version); it may even decide at once
        if (resubmit && open) await resubmitApproval(tx, ctx, open.id, { comment: blankToNull(input.note) ?? undefined });
        else
          await submitForApproval(tx, ctx, {
            process: leadForwardProcess,
            subjectId: id,
            title: `转交其他事业部：${lead.code} ${lead.title}`,
          });
        return;
      }
      case 'keep': {
        const next = nextOrConflict(ctx, lead, 'screen_keep');
        const assignee = await checkedAssignee(tx, ctx, input.assigneeId);
        await tx
          .update(leads)
          .set({
            ...screened,
            state: next,
            category: input.category,
            importance: input.importance ?? lead.importance,
            assigneeId: assignee.id,
            ownerUserId: assignee.id,
            departmentId: assignee.departmentId,
            screeningNote: blankToNull(input.note) ?? null,
          })
          .where(eq(leads.id, id));
        await completeDeadline(tx, ctx.now, key);
        await startDeadline(tx, ctx.now, {
          subjectType: LEAD_SUBJECT,
          subjectId: id,
          step: STEP_EVALUATE,
          policyCode: POLICY_LEAD_EVALUATE,
          ownerUserId: assignee.id,
          title: `${lead.code} ${lead.title}`,
          link: `/leads/${id}`,
        });
        await appendAudit(tx, ctx.actor, ctx.now, {
          action: 'lead.screen',
          entityType: 'lead',
          entityId: id,
          changes: {
            state: { before: lead.state, after: next },
            outcome: { before: null, after: 'keep' },
            category: { before: lead.category, after: input.category },
            assigneeId: { before: lead.assigneeId, after: assignee.id },
            ownerUserId: { before: lead.ownerUserId, after: assignee.id },
          },
          detail: blankToNull(input.note) ?? null,
        });
        const importance = input.importance ? `；重要程度：${IMPORTANCE_LABELS[input.importance as ImportanceLevel].zh}` : '';
        await appendLeadTimeline(tx, ctx, lead, {
          kind: 'lead.screened',
          title: intakeMessages.message('timeline.screened_keep', { assignee: assignee.displayName }),
          summary: `分类：${LEAD_CATEGORY_LABELS[input.category as LeadCategory].zh}${importance}${input.note ? `；筛选意见：${input.note}` : ''}`,
          data: { outcome: 'keep', category: input.category, assigneeId: assignee.id },
        });
        const due = await openDeadlineDue(tx, LEAD_SUBJECT, id, STEP_EVALUATE);
        await notify(tx, ctx.now, {
          event: leadAssignedEvent,
          recipientUserIds: [assignee.id],
          params: {
            code: lead.code,
            title: lead.title,
            customer: lead.customerName ?? '—',
            by: me?.displayName ?? '',
            due: due ? formatShanghai(due).slice(0, 16) : '—',
          },
          subject: { type: LEAD_SUBJECT, id },
          link: `/leads/${id}`,
        });
        return;
      }
    }
  });
}
