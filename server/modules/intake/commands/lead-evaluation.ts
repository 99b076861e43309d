import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import {
  IMPORTANCE_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  type ImportanceLevel,
  type ParticipationLevel,
} from '../../../../core/intake/labels.ts';
import { nextLeadState, type LeadState } from '../../../../core/intake/lead-states.ts';
import type { DecideLeadBody, EscalateLeadBody, EvaluateLeadBody } from '../../../../core/intake/intake.schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { leads } from '../../../db/schema.ts';
import { completeDeadline, pauseDeadline, resumeDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { leadDecidedEvent, leadEscalatedEvent, LEAD_SUBJECT, STEP_EVALUATE } from '../lead-events.ts';
import { notify } from '../../../notifications/notify.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { activeHoldersOf, nearestTo, userBrief } from '../../../kernel/people.ts';
import { leadVisibility } from '../../../policies/visibility.ts';
import { requireLeadAction } from '../lead-actions.ts';
import { appendLeadTimeline } from '../lead-timeline.ts';
import { intakeMessages } from '../intake.messages.ts';

const evaluateKey = (id: string) => ({ subjectType: LEAD_SUBJECT, subjectId: id, step: STEP_EVALUATE });

/**
 * 初步评估: the account manager records the preliminary evaluation after contacting the
 * customer; `complete` finishes it (and its deadline), otherwise the lead stays "evaluating".
 */
export async function evaluateLead(ctx: Ctx, id: string, input: EvaluateLeadBody): Promise<void> {
  requirePermission(ctx.actor, 'lead.read');
  await ctx.db.transaction(async (tx) => {
    const lead = await loadVisible(tx, leads, id, await leadVisibility(tx, ctx.actor), { lock: true });
    requireLeadAction(ctx.actor, lead, 'evaluate');
    checkVersion(lead, input.version);
    const next = nextLeadState(lead.state as LeadState, input.complete ? 'evaluate_complete' : 'evaluate_progress');
    if (!next) throw new AppError('conflict_state', { reason: lead.state });
    const set: Partial<typeof leads.$inferInsert> = {
      state: next,
      evaluation: input.evaluation,
      version: lead.version + 1,
      updatedAt: ctx.now,
    };
    if (input.participationLevel !== undefined) set.participationLevel = input.participationLevel;
    if (input.importance !== undefined) set.importance = input.importance;
    await tx.update(leads).set(set).where(eq(leads.id, id));
    if (input.complete) await completeDeadline(tx, ctx.now, evaluateKey(id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: input.complete ? 'lead.evaluate' : 'lead.evaluate_draft',
      entityType: 'lead',
      entityId: id,
      changes: {
        state: { before: lead.state, after: next },
        evaluation: { before: lead.evaluation, after: input.evaluation },
        ...(input.participationLevel !== undefined
          ? { participationLevel: { before: lead.participationLevel, after: input.participationLevel } }
          : {}),
        ...(input.importance !== undefined ? { importance: { before: lead.importance, after: input.importance } } : {}),
      },
    });
    await appendLeadTimeline(tx, ctx, lead, {
      kind: input.complete ? 'lead.evaluated' : 'lead.evaluation_saved',
      title: intakeMessages.message(input.complete ? 'timeline.evaluated' : 'timeline.evaluation_saved'),
      summary: input.evaluation,
    });
  });
}

/**
 * 上报: information that cannot be judged goes to the sales director, who sets participation
 * level and importance. The evaluation deadline stands still meanwhile.
 */
export async function escalateLead(ctx: Ctx, id: string, input: EscalateLeadBody): Promise<void> {
  requirePermission(ctx.actor, 'lead.read');
  await ctx.db.transaction(async (tx) => {
    const lead = await loadVisible(tx, leads, id, await leadVisibility(tx, ctx.actor), { lock: true });
    requireLeadAction(ctx.actor, lead, 'escalate');
    checkVersion(lead, input.version);
    const next = nextLeadState(lead.state as LeadState, 'escalate');
    if (!next) throw new AppError('conflict_state', { reason: lead.state });
    await tx
      .update(leads)
      .set({ state: next, version: lead.version + 1, updatedAt: ctx.now })
      .where(eq(leads.id, id));
    await pauseDeadline(tx, ctx.now, evaluateKey(id), '已上报市场总监裁定 / escalated to the sales director');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.escalate',
      entityType: 'lead',
      entityId: id,
      changes: { state: { before: lead.state, after: next } },
      detail: input.reason,
    });
    await appendLeadTimeline(tx, ctx, lead, {
      kind: 'lead.escalated',
      title: intakeMessages.message('timeline.escalated'),
      summary: input.reason,
    });
    const deciders = (await activeHoldersOf(tx, 'lead.decide')).filter((u) => u.id !== ctx.actor.userId);
    const recipients = await nearestTo(tx, deciders, lead.departmentId);
    const me = await userBrief(tx, ctx.actor.userId);
    await notify(tx, ctx.now, {
      event: leadEscalatedEvent,
      recipientUserIds: recipients.map((r) => r.id),
      params: { code: lead.code, title: lead.title, customer: lead.customerName ?? '—', by: me?.displayName ?? '', reason: input.reason },
      subject: { type: LEAD_SUBJECT, id },
      link: `/leads/${id}`,
    });
  });
}

/** 裁定: the sales director sets participation level and importance; the evaluation continues. */
export async function decideLead(ctx: Ctx, id: string, input: DecideLeadBody): Promise<void> {
  requirePermission(ctx.actor, 'lead.decide');
  await ctx.db.transaction(async (tx) => {
    const lead = await loadVisible(tx, leads, id, await leadVisibility(tx, ctx.actor), { lock: true });
    requireLeadAction(ctx.actor, lead, 'decide');
    checkVersion(lead, input.version);
    const next = nextLeadState(lead.state as LeadState, 'decide');
    if (!next) throw new AppError('conflict_state', { reason: lead.state });
    await tx
      .update(leads)
      .set({
        state: next,
        participationLevel: input.participationLevel,
        importance: input.importance,
        version: lead.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(leads.id, id));
    await resumeDeadline(tx, ctx.now, evaluateKey(id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.decide',
      entityType: 'lead',
      entityId: id,
      changes: {
        state: { before: lead.state, after: next },
        participationLevel: { before: lead.participationLevel, after: input.participationLevel },
        importance: { before: lead.importance, after: input.importance },
      },
      detail: blankToNull(input.note) ?? null,
    });
    const level = PARTICIPATION_LEVEL_LABELS[input.participationLevel as ParticipationLevel];
    const importance = IMPORTANCE_LABELS[input.importance as ImportanceLevel];
    await appendLeadTimeline(tx, ctx, lead, {
      kind: 'lead.decided',
      title: intakeMessages.message('timeline.decided', { level, importance }),
      summary: blankToNull(input.note) ?? null,
      data: { participationLevel: input.participationLevel, importance: input.importance },
    });
    const me = await userBrief(tx, ctx.actor.userId);
    if (lead.assigneeId) {
      await notify(tx, ctx.now, {
        event: leadDecidedEvent,
        recipientUserIds: [lead.assigneeId],
        params: {
          code: lead.code,
          title: lead.title,
          by: me?.displayName ?? '',
          level: level.zh,
          importance: importance.zh,
          note: blankToNull(input.note) ?? '',
        },
        subject: { type: LEAD_SUBJECT, id },
        link: `/leads/${id}`,
      });
    }
  });
}
