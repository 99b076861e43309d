import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import {
  ACTIVITY_FIELD_LABELS,
  ACTIVITY_REQUIRED_FIELDS,
  ACTIVITY_TYPE_LABELS,
  activityRuleProblems,
  COMMUNICATION_CHANNEL_LABELS,
  EDITABLE_PLAN_STATES,
  type ActivityState,
  type ActivityType,
  type CommunicationChannel,
  type ScheduleItem,
} from '../../../../core/activities/activity-types.ts';
import { shanghaiDate, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import type { Label } from '../../../../core/kernel/label.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import type { ActivityDetails, CreateActivityBody, UpdateActivityBody } from '../../../../core/activities/activities.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { activities, customers, leads } from '../../../db/schema.ts';
import { completeDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { resubmitApproval, submitForApproval } from '../../../approvals/engine.ts';
import { ACTIVITY_SUBJECT, negotiationEvent, STEP_SUMMARY } from '../activity-events.ts';
import { receptionProcess } from '../activity-processes.ts';
import { markVisitLogSubmitted } from './submit-visit-log.ts';
import { openApprovalFor } from '../../../approvals/subject-requests.ts';
import { notify } from '../../../notifications/notify.ts';
import { hasPermission, requirePermission } from '../../../policies/policy.ts';
import { activityVisibility, leadVisibility } from '../../../policies/visibility.ts';
import { formatShanghai } from '../../../support/time.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { activitiesMessages } from '../activities.messages.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { activeUsersWithRoles, nearestTo, userBrief } from '../../../kernel/people.ts';
import { customerRef, projectRef } from '../../../kernel/references.ts';

type ActivityRow = typeof activities.$inferSelect;

const money = (fen: number | null | undefined) =>
  typeof fen === 'number' ? `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : '';

/** Customer and project of an activity: both visible to the actor, and the project belongs to the customer. */
async function resolveRefs(tx: Db, ctx: Ctx, customerId: string | null | undefined, projectId: string | null | undefined) {
  let customer: { id: string; name: string } | null = customerId ? await customerRef(tx, ctx.actor, customerId) : null;
  const project = projectId ? await projectRef(tx, ctx.actor, projectId) : null;
  if (project && customer && project.customerId !== customer.id) {
    throw fieldErrors(ctx.actor.locale, { projectId: { zh: '该项目不属于所选客户', en: 'the project belongs to another customer' } });
  }
  if (project && !customer) {
    const row = (
      await tx.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.id, project.customerId)).limit(1)
    )[0];
    customer = row ?? null;
  }
  return { customer, project };
}

/** A lead the actor may see (an activity shows on the lead's timeline); 400 otherwise. */
async function leadRef(tx: Db, ctx: Ctx, leadId: string): Promise<string> {
  const unknown = fieldErrors(ctx.actor.locale, { leadId: { zh: '信息不存在或无权查看', en: 'unknown lead or not visible to you' } });
  if (!hasPermission(ctx.actor, 'lead.read')) throw unknown;
  const row = (
    await tx
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.id, leadId), await leadVisibility(tx, ctx.actor)))
      .limit(1)
  )[0];
  if (!row) throw unknown;
  return row.id;
}

function timelineText(
  type: ActivityType,
  a: {
    subject: string;
    result: string | null;
    nextSteps: string | null;
    content: string | null;
    channel: string | null;
    budgetFen: number | null;
  },
) {
  const label = ACTIVITY_TYPE_LABELS[type];
  const title = activitiesMessages.message('timeline.activity', { type: label, subject: a.subject });
  switch (type) {
    case 'visit':
      return {
        title,
        summary: [a.result ? `结果：${a.result}` : '', a.nextSteps ? `下一步：${a.nextSteps}` : ''].filter(Boolean).join('；'),
      };
    case 'negotiation':
      return { title, summary: a.nextSteps ? `下一步：${a.nextSteps}` : null };
    case 'communication': {
      const channel = a.channel ? (COMMUNICATION_CHANNEL_LABELS[a.channel as CommunicationChannel] ?? a.channel) : '';
      return {
        title: activitiesMessages.message('timeline.communication', { type: label, channel, subject: a.subject }),
        summary: a.result ? `结果：${a.result}` : null,
      };
    }
    case 'reception_plan':
      return { title, summary: `费用预算 ${money(a.budgetFen)}` };
    case 'reception_summary':
      return { title, summary: a.result ? `客户反馈：${a.result}` : null };
  }
}

function firstChars(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}

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

async function submitPlan(
  tx: Db,
  ctx: Ctx,
  plan: { id: string; subject: string; budgetFen: number | null },
  customerName: string,
): Promise<void> {
  const open = await openApprovalFor(tx, receptionProcess, plan.id);
  if (open?.state === 'returned' && open.requesterId === ctx.actor.userId) {
    await resubmitApproval(tx, ctx, open.id, {});
    return;
  }
  await submitForApproval(tx, ctx, {
    process: receptionProcess,
    subjectId: plan.id,
    title: `客户接待：${customerName} ${plan.subject}（预算 ${money(plan.budgetFen)}）`,
  });
}

function ruleErrors(ctx: Ctx, problems: Array<{ field: string; message: Label }>): void {
  if (problems.length === 0) return;
  throw fieldErrors(ctx.actor.locale, Object.fromEntries(problems.map((p) => [p.field, p.message])));
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

const COLUMN_FIELDS = ['subject', 'content', 'participants', 'result', 'nextSteps', 'location'] as const;
type ColumnField = Exclude<(typeof COLUMN_FIELDS)[number], 'subject'>;

/**
 * Edits an activity (its author only). A reception plan can be edited only as a draft or after
 * it was returned / rejected; `submit` sends it (again) for approval. The type's required
 * fields must stay filled.
 */
export async function updateActivity(ctx: Ctx, id: string, input: UpdateActivityBody): Promise<void> {
  requirePermission(ctx.actor, 'activity.create');
  const locale = ctx.actor.locale;
  await ctx.db.transaction(async (tx) => {
    const before = await loadVisible(tx, activities, id, await activityVisibility(tx, ctx.actor), { lock: true });
    if (before.ownerUserId !== ctx.actor.userId) throw new AppError('forbidden', {}, { reason: 'only the author edits an activity' });
    checkVersion(before, input.version);
    const type = before.type as ActivityType;
    if (type === 'reception_plan' && !EDITABLE_PLAN_STATES.includes(before.state as ActivityState)) {
      throw stateConflict(locale, { zh: '审批中或已批准的接待日程不能修改', en: 'a plan under approval or approved cannot be edited' });
    }
    const set: Partial<typeof activities.$inferInsert> = {};
    for (const f of COLUMN_FIELDS) {
      const v = input[f];
      if (v === undefined) continue;
      if (f === 'subject') set.subject = blankToNull(v) ?? before.subject;
      else set[f as ColumnField] = blankToNull(v);
    }
    if (input.channel !== undefined) set.channel = input.channel;
    if (input.budgetFen !== undefined) set.budgetFen = input.budgetFen;
    if (input.occurredAt !== undefined) set.occurredAt = new Date(input.occurredAt);
    if (input.customerId !== undefined || input.projectId !== undefined) {
      if (type === 'reception_summary')
        throw fieldErrors(locale, { customerId: { zh: '总结的客户随接待日程', en: "a summary keeps its plan's customer" } });
      const { customer, project } = await resolveRefs(
        tx,
        ctx,
        input.customerId !== undefined ? input.customerId : before.customerId,
        input.projectId !== undefined ? input.projectId : before.projectId,
      );
      set.customerId = customer?.id ?? null;
      set.projectId = project?.id ?? null;
    }
    if (input.logDate !== undefined && type === 'visit') {
      if (input.logDate > shanghaiDate(ctx.now))
        throw fieldErrors(locale, { logDate: { zh: '巡访日期不能晚于今天', en: 'the visit date cannot be in the future' } });
      set.logDate = input.logDate;
    }
    const details: ActivityDetails = { ...((before.details ?? {}) as ActivityDetails) };
    if (input.contactName !== undefined) details.contactName = blankToNull(input.contactName);
    if (input.visitors !== undefined) details.visitors = blankToNull(input.visitors);
    if (input.startDate !== undefined) details.startDate = input.startDate;
    if (input.endDate !== undefined) details.endDate = input.endDate;
    if (input.schedule !== undefined) details.schedule = input.schedule;
    if (input.budgetItems !== undefined) details.budgetItems = input.budgetItems;
    if (input.actualCostFen !== undefined) details.actualCostFen = input.actualCostFen;
    if (JSON.stringify(details) !== JSON.stringify(before.details ?? {})) set.details = details;
    if (type === 'reception_plan' && details.startDate && details.startDate !== ((before.details ?? {}) as ActivityDetails).startDate) {
      set.occurredAt = shanghaiInstant(details.startDate, 9 * 60);
    }

    const merged = { ...before, ...set };
    const valueOf = (f: string): unknown => {
      switch (f) {
        case 'visitors':
        case 'startDate':
        case 'endDate':
          return details[f];
        case 'schedule':
          return details.schedule?.length ? details.schedule : null;
        default:
          return (merged as Record<string, unknown>)[f];
      }
    };
    const missing = ACTIVITY_REQUIRED_FIELDS[type].filter((f) => {
      const v = valueOf(f);
      return v === null || v === undefined || v === '';
    });
    if (missing.length) {
      throw fieldErrors(
        locale,
        Object.fromEntries(
          missing.map((f) => [
            f,
            { zh: `请填写${ACTIVITY_FIELD_LABELS[f]?.zh ?? f}`, en: `${ACTIVITY_FIELD_LABELS[f]?.en ?? f} is required` },
          ]),
        ),
      );
    }
    ruleErrors(
      ctx,
      activityRuleProblems({
        type,
        customerId: merged.customerId,
        projectId: merged.projectId,
        startDate: details.startDate,
        endDate: details.endDate,
        schedule: details.schedule as ScheduleItem[] | undefined,
        budgetFen: merged.budgetFen,
        budgetItems: details.budgetItems,
      }),
    );

    const submit = type === 'reception_plan' && input.submit === true;
    const changes = diffFields(before as unknown as Record<string, unknown>, set as Record<string, unknown>) ?? {};
    if (Object.keys(changes).length === 0 && !submit) return;
    if (submit) set.state = 'pending';
    // the row is locked and its version checked above: nobody can have changed it since
    const [after] = await tx
      .update(activities)
      .set({ ...set, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(activities.id, id))
      .returning();
    if (!after) throw new AppError('not_found');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: submit ? 'activity.submit' : 'activity.update',
      entityType: 'activity',
      entityId: id,
      changes: submit ? { ...changes, state: { before: before.state, after: 'pending' } } : changes,
    });
    if (type === 'visit' && after.logDate && after.logDate !== before.logDate && ctx.actor.userId) {
      await markVisitLogSubmitted(tx, ctx.now, ctx.actor.userId, after.logDate);
    }
    if (submit) {
      const customerName = after.customerId
        ? ((await tx.select({ n: customers.name }).from(customers).where(eq(customers.id, after.customerId)).limit(1))[0]?.n ?? '')
        : '';
      await submitPlan(tx, ctx, after, customerName);
    }
  });
}
