import { and, asc, between, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { addCalendarDays, shanghaiDate, shanghaiInstant } from '../../core/calendar/working-calendar.ts';
import { EDITABLE_PLAN_STATES, type ActivityState } from '../../core/activities/activity-types.ts';
import { normalizeText } from '../../core/crm/name-key.ts';
import type {
  ActivityDetail, ActivityDetails, ActivityExportQuery, ActivityListQuery, ActivityView, VisitLogList, VisitRollupView,
} from '../../core/schemas/activities.schema.ts';
import type { VisitRollup } from '../../core/activities/visit-rollup.ts';
import { previousWeekStart, weekStartOf } from '../../core/activities/visit-rollup.ts';
import type { Db } from '../db/client.ts';
import { activities, customers, deadlines, departments, projects, users, visitLogDays } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { departmentSubtree, requirePermission } from '../policies/policy.ts';
import { activityVisibility } from '../policies/visibility.ts';
import { ACTIVITY_SUBJECT, RECEPTION_PROCESS, STEP_SUBMIT, STEP_SUMMARY, VISIT_LOG_SUBJECT } from '../activities/constants.ts';
import { computeVisitRollup, generateVisitRollup, loggingSince, storedVisitRollup, visitsPerDay, workingDays } from '../activities/visit-log.ts';
import { latestApprovalFor } from '../intake/approvals.ts';
import { escapeLike } from './users.ts';

/** Read models of activities, of one's visit log and of the weekly roll-up. */

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
  if (q.ownerId) conds.push(eq(activities.ownerUserId, q.ownerId === 'me' ? (actor.userId ?? '00000000-0000-0000-0000-000000000000') : q.ownerId));
  if (q.from) conds.push(gte(activities.occurredAt, shanghaiInstant(q.from, 0)));
  if (q.to) conds.push(lt(activities.occurredAt, shanghaiInstant(addCalendarDays(q.to, 1), 0)));
  const term = q.q ? normalizeText(q.q) : '';
  if (term) {
    const like = `%${escapeLike(q.q ?? '')}%`;
    conds.push(or(sql`${activities.subject} ILIKE ${like}`, sql`${activities.content} ILIKE ${like}`, sql`${customers.name} ILIKE ${like}`));
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
    .select({ a: activities, customerName: customers.name, projectName: projects.name, ownerName: owner.displayName, departmentName: departments.name })
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
  const rows = await baseSelect(db).where(where).orderBy(...orderOf(q.sort)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
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
    const rows = await baseSelect(db).where(where).orderBy(...orderOf(q.sort)).limit(1000).offset(offset);
    for (const r of rows) yield toView(r);
    if (rows.length < 1000) break;
  }
}

/** One activity with what its page needs (approval of a plan, its summary and deadline, what the reader may do). */
export async function getActivityDetail(db: Db, actor: Actor, id: string): Promise<ActivityDetail | null> {
  const visible = await activityVisibility(db, actor);
  const r = (await baseSelect(db).where(and(eq(activities.id, id), visible)).limit(1))[0];
  if (!r) return null;
  const view = toView(r);
  const isPlan = view.type === 'reception_plan';
  const approval = isPlan ? await latestApprovalFor(db, RECEPTION_PROCESS, ACTIVITY_SUBJECT, id) : null;
  const summary = isPlan
    ? (await db.select({ id: activities.id }).from(activities).where(and(eq(activities.planId, id), eq(activities.type, 'reception_summary'))).limit(1))[0]
    : undefined;
  const due = isPlan
    ? (await db
        .select({ dueAt: deadlines.dueAt })
        .from(deadlines)
        .where(and(eq(deadlines.subjectType, ACTIVITY_SUBJECT), eq(deadlines.subjectId, id), eq(deadlines.step, STEP_SUMMARY)))
        .orderBy(desc(deadlines.startedAt))
        .limit(1))[0]
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

// ---------- visit log ----------

/** One's own visit log over a range (default: the last 14 days): visits, submission, deadline per day. */
export async function myVisitLog(db: Db, actor: Actor, range: { from?: string | undefined; to?: string | undefined }, now: Date): Promise<VisitLogList> {
  requirePermission(actor, 'activity.create');
  const userId = actor.userId ?? '';
  const today = shanghaiDate(now);
  const to = range.to ?? today;
  let from = range.from ?? addCalendarDays(to, -13);
  if (from > to) from = to;
  if (addCalendarDays(from, 62) < to) from = addCalendarDays(to, -62);
  const dates: string[] = [];
  for (let d = to; d >= from; d = addCalendarDays(d, -1)) dates.push(d);
  const working = await workingDays(db, dates);
  const visits = await visitsPerDay(db, userId, from, to);
  const created = (await db.select({ at: users.createdAt }).from(users).where(eq(users.id, userId)).limit(1))[0]?.at;
  const since = created ? ((await loggingSince(db, [{ id: userId, createdAt: created }])).get(userId) ?? from) : from;
  const rows = await db
    .select({ id: visitLogDays.id, date: visitLogDays.logDate, submittedAt: visitLogDays.submittedAt, noVisits: visitLogDays.noVisits, note: visitLogDays.note })
    .from(visitLogDays)
    .where(and(eq(visitLogDays.userId, userId), between(visitLogDays.logDate, from, to)));
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const ids = rows.map((r) => r.id);
  const dls = ids.length
    ? await db
        .select({ subjectId: deadlines.subjectId, state: deadlines.state, dueAt: deadlines.dueAt })
        .from(deadlines)
        .where(and(eq(deadlines.subjectType, VISIT_LOG_SUBJECT), eq(deadlines.step, STEP_SUBMIT), inArray(deadlines.subjectId, ids)))
    : [];
  const dlById = new Map(dls.map((d) => [d.subjectId, d]));
  return {
    from,
    to,
    days: dates.map((date) => {
      const row = byDate.get(date);
      const dl = row ? dlById.get(row.id) : undefined;
      const n = visits.get(date) ?? 0;
      return {
        date,
        working: working.get(date) ?? false,
        expected: (working.get(date) ?? false) && date <= today && date >= since,
        visits: n,
        submitted: Boolean(row?.submittedAt) || n > 0,
        submittedAt: row?.submittedAt?.toISOString() ?? null,
        noVisits: row?.noVisits ?? false,
        note: row?.note ?? null,
        dueAt: dl?.dueAt.toISOString() ?? null,
        deadlineState: dl?.state ?? null,
      };
    }),
  };
}

// ---------- weekly roll-up ----------

/** Whose rows the reader sees: everyone with the `all` scope, else their department and below (own: themselves). */
async function visiblePeople(db: Db, actor: Actor): Promise<((userId: string) => boolean)> {
  const scope = requirePermission(actor, 'report.visit_rollup');
  if (scope === 'all') return () => true;
  if (scope === 'own') return (id) => id === actor.userId;
  const depts = await departmentSubtree(db, actor.departmentId);
  if (depts.length === 0) return (id) => id === actor.userId;
  const rows = await db.select({ id: users.id }).from(users).where(inArray(users.departmentId, depts));
  const ids = new Set(rows.map((r) => r.id));
  return (id) => ids.has(id) || id === actor.userId;
}

function scoped(data: VisitRollup, keep: (id: string) => boolean) {
  const people = data.people.filter((p) => keep(p.userId));
  return {
    ...data,
    people,
    totals: {
      visits: people.reduce((s, p) => s + p.totalVisits, 0),
      missingDays: people.reduce((s, p) => s + p.missingDays, 0),
      peopleWithMissingDays: people.filter((p) => p.missingDays > 0).length,
    },
  };
}

/**
 * The roll-up of the week containing `week` (default: last week): the stored one; a finished
 * week never generated is generated now (without notifications); the running week is computed
 * live and not stored. Rows are limited to the people the reader's scope covers.
 */
export async function visitRollupView(db: Db, actor: Actor, week: string | undefined, now: Date): Promise<VisitRollupView> {
  const keep = await visiblePeople(db, actor);
  const today = shanghaiDate(now);
  const monday = week ? weekStartOf(week) : previousWeekStart(today);
  const finished = addCalendarDays(monday, 7) <= today;
  if (!finished) {
    return { ...scoped(await computeVisitRollup(db, monday), keep), generatedAt: null };
  }
  const stored = (await storedVisitRollup(db, monday)) ?? (await generateVisitRollup(db, monday, now, { notify: false }));
  return { ...scoped(stored.data, keep), generatedAt: stored.generatedAt.toISOString() };
}
