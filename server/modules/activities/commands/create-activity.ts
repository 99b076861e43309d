import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { activityRuleProblems, type ActivityType } from '../../../../core/activities/activity-types.ts';
import { shanghaiDate, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import type { ActivityDetails, CreateActivityBody } from '../../../../core/activities/activities.schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { activities, customers } from '../../../db/schema.ts';
import { completeDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { ACTIVITY_SUBJECT, negotiationEvent, STEP_SUMMARY } from '../activity-events.ts';
import { leadRef, resolveRefs } from '../activity-refs.ts';
import { ruleErrors } from '../activity-rule-errors.ts';
import { firstChars, timelineText } from '../activity-text.ts';
import { markVisitLogSubmitted } from './submit-visit-log.ts';
import { submitPlan } from './submit-reception-plan.ts';
import { notify } from '../../../notifications/notify.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { activityVisibility } from '../../../policies/visibility.ts';
import { formatShanghai } from '../../../support/time.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { activeUsersWithRoles, nearestTo, userBrief } from '../../../kernel/people.ts';

type ActivityRow = typeof activities.$inferSelect;

async function notifyNegotiation(tx: Db, ctx: Ctx, a: ActivityRow, customerName: string): Promise<void> {
  const managers = (await activeUsersWithRoles(tx, ['marketing_manager'])).filter((m) => m.id !== ctx.actor.userId);
  const author = await userBrief(tx, ctx.actor.userId);
  const recipients = await nearestTo(tx, managers, author?.departmentId ?? null);
  if (recipients.length === 0) return;
  await notify(tx, ctx.now, {
    event: negotiationEvent,
    recipientUserIds: recipients.map((r) => r.id),
    params: {
      author: author?.displayName ?? '',
      customer: customerName,
      subject: a.subject,
      at: formatShanghai(a.occurredAt).slice(0, 16),
      nextSteps: a.nextSteps ?? '',
    },
    subject: { type: ACTIVITY_SUBJECT, id: a.id },
    link: `/activities/${a.id}`,
  });
}

/**
 * Records an activity of any type (visit, negotiation, communication, reception plan, reception
 * summary) for a customer and/or project, with the type's required fields. Side effects by
 * type: a visit submits that day's visit log; a negotiation notifies the marketing manager; a
 * reception plan goes to the marketing manager's approval (unless kept as a draft); a summary
 * closes its plan and the plan's summary deadline. Every activity appears on the customer's
 * (and the project's) timeline.
 */
export async function createActivity(ctx: Ctx, input: CreateActivityBody): Promise<string> {
  requirePermission(ctx.actor, 'activity.create');
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  const locale = ctx.actor.locale;
  return ctx.db.transaction(async (tx) => {
    const me = await userBrief(tx, userId);
    if (!me) throw new AppError('forbidden');
    const today = shanghaiDate(ctx.now);
    const leadId = input.leadId ? await leadRef(tx, ctx, input.leadId) : null;
    const base = {
      type: input.type,
      leadId,
      location: blankToNull(input.location) ?? null,
      ownerUserId: userId,
      departmentId: me.departmentId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    let values: typeof activities.$inferInsert;
    let customerName = '';
    let plan: ActivityRow | null = null;
    switch (input.type) {
      case 'visit': {
        const { customer, project } = await resolveRefs(tx, ctx, input.customerId, input.projectId);
        customerName = customer?.name ?? '';
        const occurredAt = input.occurredAt ? new Date(input.occurredAt) : null;
        const logDate = input.logDate ?? (occurredAt ? shanghaiDate(occurredAt) : today);
        if (logDate > today)
          throw fieldErrors(locale, { logDate: { zh: '巡访日期不能晚于今天', en: 'the visit date cannot be in the future' } });
        values = {
          ...base,
          customerId: customer?.id ?? null,
          projectId: project?.id ?? null,
          subject: input.subject,
          content: blankToNull(input.content) ?? null,
          result: input.result,
          nextSteps: blankToNull(input.nextSteps) ?? null,
          participants: blankToNull(input.participants) ?? null,
          occurredAt: occurredAt ?? (logDate === today ? ctx.now : shanghaiInstant(logDate, 12 * 60)),
          logDate,
          details: { contactName: blankToNull(input.contactName) ?? null } satisfies ActivityDetails,
          state: 'recorded',
        };
        break;
      }
      case 'negotiation': {
        const { customer, project } = await resolveRefs(tx, ctx, input.customerId, input.projectId);
        customerName = customer?.name ?? '';
        values = {
          ...base,
          customerId: customer?.id ?? null,
          projectId: project?.id ?? null,
          subject: input.subject,
          participants: input.participants,
          content: input.content,
          result: blankToNull(input.result) ?? null,
          nextSteps: input.nextSteps,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : ctx.now,
          state: 'recorded',
          details: {},
        };
        break;
      }
      case 'communication': {
        ruleErrors(ctx, activityRuleProblems({ type: 'communication', customerId: input.customerId, projectId: input.projectId }));
        const { customer, project } = await resolveRefs(tx, ctx, input.customerId, input.projectId);
        customerName = customer?.name ?? '';
        values = {
          ...base,
          customerId: customer?.id ?? null,
          projectId: project?.id ?? null,
          channel: input.channel,
          subject: blankToNull(input.subject) ?? firstChars(input.content, 40),
          content: input.content,
          participants: input.participants,
          result: input.result,
          nextSteps: blankToNull(input.nextSteps) ?? null,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : ctx.now,
          state: 'recorded',
          details: {},
        };
        break;
      }
      case 'reception_plan': {
        ruleErrors(ctx, activityRuleProblems(input));
        const { customer, project } = await resolveRefs(tx, ctx, input.customerId, input.projectId);
        customerName = customer?.name ?? '';
        const details: ActivityDetails = {
          visitors: input.visitors,
          startDate: input.startDate,
          endDate: input.endDate,
          schedule: input.schedule,
          budgetItems: input.budgetItems ?? [],
        };
        values = {
          ...base,
          customerId: customer?.id ?? null,
          projectId: project?.id ?? null,
          subject: input.subject,
          participants: blankToNull(input.participants) ?? null,
          content: blankToNull(input.content) ?? null,
          budgetFen: input.budgetFen,
          details,
          occurredAt: shanghaiInstant(input.startDate, 9 * 60),
          state: input.submit === false ? 'draft' : 'pending',
        };
        break;
      }
      case 'reception_summary': {
        const visible = await activityVisibility(tx, ctx.actor);
        plan =
          (
            await tx
              .select()
              .from(activities)
              .where(and(eq(activities.id, input.planId), eq(activities.type, 'reception_plan'), visible))
              .limit(1)
              .for('update')
          )[0] ?? null;
        if (!plan || (plan.state !== 'approved' && plan.state !== 'done')) {
          throw fieldErrors(locale, { planId: { zh: '请选择已批准的客户接待日程', en: 'choose an approved reception plan' } });
        }
        if (plan.ownerUserId !== userId)
          throw new AppError('forbidden', {}, { reason: 'the author of the reception plan writes its summary' });
        const existing = (
          await tx
            .select({ id: activities.id })
            .from(activities)
            .where(and(eq(activities.planId, plan.id), eq(activities.type, 'reception_summary')))
            .limit(1)
        )[0];
        if (existing)
          throw stateConflict(
            locale,
            { zh: '该接待日程已有工作总结，请修改原总结', en: 'this reception already has a summary; edit it instead' },
            { summaryId: existing.id },
          );
        if (plan.customerId)
          customerName =
            (await tx.select({ n: customers.name }).from(customers).where(eq(customers.id, plan.customerId)).limit(1))[0]?.n ?? '';
        values = {
          ...base,
          customerId: plan.customerId,
          projectId: plan.projectId,
          planId: plan.id,
          subject: plan.subject,
          content: input.content,
          result: input.result,
          nextSteps: blankToNull(input.nextSteps) ?? null,
          participants: blankToNull(input.participants) ?? plan.participants,
          details: { actualCostFen: input.actualCostFen ?? null } satisfies ActivityDetails,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : ctx.now,
          state: 'recorded',
        };
        break;
      }
    }
    const [row] = await tx.insert(activities).values(values).returning();
    if (!row) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: row.id,
      changes: {
        type: { before: null, after: row.type },
        subject: { before: null, after: row.subject },
        customerId: { before: null, after: row.customerId },
        ...(row.budgetFen !== null ? { budgetFen: { before: null, after: row.budgetFen } } : {}),
      },
    });
    const text = timelineText(row.type as ActivityType, row);
    if (row.customerId || row.projectId) {
      await appendTimeline(tx, {
        at: row.occurredAt.getTime() > ctx.now.getTime() ? ctx.now : row.occurredAt,
        kind: `activity.${row.type}`,
        entityType: 'activity',
        entityId: row.id,
        actorId: userId,
        title: text.title,
        summary: text.summary || null,
        data: { link: `/activities/${row.id}`, type: row.type },
        customerId: row.customerId,
        projectId: row.projectId,
        leadId: row.leadId,
      });
    }
    switch (input.type) {
      case 'visit':
        if (row.logDate) await markVisitLogSubmitted(tx, ctx.now, userId, row.logDate);
        break;
      case 'negotiation':
        await notifyNegotiation(tx, ctx, row, customerName);
        break;
      case 'reception_plan':
        if (row.state === 'pending') await submitPlan(tx, ctx, row, customerName);
        break;
      case 'reception_summary':
        if (plan) {
          await tx
            .update(activities)
            .set({ state: 'done', version: plan.version + 1, updatedAt: ctx.now })
            .where(eq(activities.id, plan.id));
          await completeDeadline(tx, ctx.now, { subjectType: ACTIVITY_SUBJECT, subjectId: plan.id, step: STEP_SUMMARY });
          await appendAudit(tx, ctx.actor, ctx.now, {
            action: 'activity.reception_summarised',
            entityType: 'activity',
            entityId: plan.id,
            changes: { state: { before: plan.state, after: 'done' } },
          });
        }
        break;
      case 'communication':
        break;
    }
    return row.id;
  });
}
