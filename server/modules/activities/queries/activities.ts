import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { addCalendarDays, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import { EDITABLE_PLAN_STATES, type ActivityState } from '../../../../core/activities/activity-types.ts';
import { normalizeText } from '../../../../core/crm/name-key.ts';
import type {
  ActivityDetail,
  ActivityDetails,
  ActivityExportQuery,
  ActivityListQuery,
  ActivityView,
} from '../../../../core/activities/activities.schema.ts';
import { latestApprovalFor } from '../../../approvals/subject-requests.ts';
import type { Db } from '../../../db/client.ts';
import { activities, customers, deadlines, departments, projects, users } from '../../../db/schema.ts';
import { escapeLike } from '../../../kernel/text-search.ts';
import type { Actor } from '../../../policies/actor.ts';
import { activityVisibility } from '../../../policies/visibility.ts';
import { ACTIVITY_SUBJECT, STEP_SUMMARY } from '../activity-events.ts';
import { receptionProcess } from '../activity-processes.ts';

/** Read models of activities: the list (and its export) and the detail page. */

const owner = alias(users, 'owner');
/** Counting stops here: a list over a million activities answers "10,000+" instead of scanning them all. */
export const COUNT_CAP = 10_000;

const SORT: Record<string, AnyPgColumn> = { occurredAt: activities.occurredAt, createdAt: activities.createdAt, type: activities.type };

async function listCondition(db: Db, actor: Actor, q: ActivityExportQuery): Promise<SQL | undefined> {
  const conds: Array<SQL | undefined> = [await activityVisibility(db, actor)];
  if (q.type) conds.push(eq(activities.type, q.type));
  if (q.state) conds.push(eq(activities.state, q.state));
  if (q.customerId) conds.push(eq(activities.customerId, q.customerId));
  if (q.projectId) conds.push(eq(activities.projectId, q.projectId));
  if (q.ownerId)
    conds.push(eq(activities.ownerUserId, q.ownerId === 'me' ? (actor.userId ?? '00000000-0000-0000-0000-000000000000') : q.ownerId));
  if (q.from) conds.push(gte(activities.occurredAt, shanghaiInstant(q.from, 0)));
  if (q.to) conds.push(lt(activities.occurredAt, shanghaiInstant(addCalendarDays(q.to, 1), 0)));
  const term = q.q ? normalizeText(q.q) : '';
  if (term) {
    const like = `%${escapeLike(q.q ?? '')}%`;
    conds.push(
      or(sql`${activities.subject} ILIKE ${like}`, sql`${activities.content} ILIKE ${like}`, sql`${customers.name} ILIKE ${like}`),
    );
  }
  return and(...conds);
}

function orderOf(sort: string): SQL[] {
  const d = sort.startsWith('-');
  const col = SORT[d ? sort.slice(1) : sort] ?? activities.occurredAt;
  return [d ? desc(col) : asc(col), d ? desc(activities.id) : asc(activities.id)];
}

function baseSelect(db: Db) {
  return db
    .select({
      a: activities,
      customerName: customers.name,
      projectName: projects.name,
      ownerName: owner.displayName,
      departmentName: departments.name,
    })
    .from(activities)
    .leftJoin(customers, eq(customers.id, activities.customerId))
    .leftJoin(projects, eq(projects.id, activities.projectId))
    .leftJoin(owner, eq(owner.id, activities.ownerUserId))
    .leftJoin(departments, eq(departments.id, activities.departmentId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>['execute']>>[number];

function toView(r: Row): ActivityView {
  const a = r.a;
  return {
    id: a.id,
    type: a.type as ActivityView['type'],
    state: a.state as ActivityView['state'],
    customerId: a.customerId,
    customerName: r.customerName,
    projectId: a.projectId,
    projectName: r.projectName,
    leadId: a.leadId,
    subject: a.subject,
    content: a.content,
    occurredAt: a.occurredAt.toISOString(),
    logDate: a.logDate,
    channel: a.channel,
    location: a.location,
    participants: a.participants,
    result: a.result,
    nextSteps: a.nextSteps,
    budgetFen: a.budgetFen,
    details: (a.details ?? {}) as ActivityDetails,
    planId: a.planId,
    ownerUserId: a.ownerUserId,
    ownerName: r.ownerName,
    departmentName: r.departmentName,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

/** The activity list: visibility, filters, allow-listed sort; the total is counted up to COUNT_CAP + 1. */
export async function listActivities(db: Db, actor: Actor, q: ActivityListQuery) {
  const where = await listCondition(db, actor, q);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const capped = db
    .select({ one: sql`1`.as('one') })
    .from(activities)
    .leftJoin(customers, eq(customers.id, activities.customerId))
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('capped');
  const total = Number((await db.select({ n: count() }).from(capped))[0]?.n ?? 0);
  return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
}

/** Every activity of the filtered list, in batches (for the .xlsx export). */
export async function* activityRowsForExport(db: Db, actor: Actor, q: ActivityExportQuery): AsyncGenerator<ActivityView> {
  const where = await listCondition(db, actor, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await baseSelect(db)
      .where(where)
      .orderBy(...orderOf(q.sort))
      .limit(1000)
      .offset(offset);
    for (const r of rows) yield toView(r);
    if (rows.length < 1000) break;
  }
}

/** One activity with what its page needs (approval of a plan, its summary and deadline, what the reader may do). */
export async function getActivityDetail(db: Db, actor: Actor, id: string): Promise<ActivityDetail | null> {
  const visible = await activityVisibility(db, actor);
  const r = (
    await baseSelect(db)
      .where(and(eq(activities.id, id), visible))
      .limit(1)
  )[0];
  if (!r) return null;
  const view = toView(r);
  const isPlan = view.type === 'reception_plan';
  const approval = isPlan ? await latestApprovalFor(db, receptionProcess, id) : null;
  const summary = isPlan
    ? (
        await db
          .select({ id: activities.id })
          .from(activities)
          .where(and(eq(activities.planId, id), eq(activities.type, 'reception_summary')))
          .limit(1)
      )[0]
    : undefined;
  const due = isPlan
    ? (
        await db
          .select({ dueAt: deadlines.dueAt })
          .from(deadlines)
          .where(and(eq(deadlines.subjectType, ACTIVITY_SUBJECT), eq(deadlines.subjectId, id), eq(deadlines.step, STEP_SUMMARY)))
          .orderBy(desc(deadlines.startedAt))
          .limit(1)
      )[0]
    : undefined;
  const mine = view.ownerUserId === actor.userId && actor.grants.has('activity.create');
  const editable = mine && (!isPlan || EDITABLE_PLAN_STATES.includes(view.state as ActivityState));
  return {
    ...view,
    approval: approval ? { ...approval, link: `/approvals/${approval.id}` } : null,
    summaryId: summary?.id ?? null,
    summaryDueAt: due?.dueAt.toISOString() ?? null,
    can: { edit: editable, submit: editable && isPlan, summarise: mine && isPlan && view.state === 'approved' && !summary },
  };
}
