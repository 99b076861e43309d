import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import {
  ACTIVITY_FIELD_LABELS,
  ACTIVITY_REQUIRED_FIELDS,
  activityRuleProblems,
  EDITABLE_PLAN_STATES,
  type ActivityState,
  type ActivityType,
  type ScheduleItem,
} from '../../../../core/activities/activity-types.ts';
import { shanghaiDate, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import type { ActivityDetails, UpdateActivityBody } from '../../../../core/activities/activities.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { activities, customers } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { resolveRefs } from '../activity-refs.ts';
import { ruleErrors } from '../activity-rule-errors.ts';
import { markVisitLogSubmitted } from './submit-visit-log.ts';
import { submitPlan } from './submit-reception-plan.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { activityVisibility } from '../../../policies/visibility.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';

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
