import { and, asc, between, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { shanghaiDate } from '../../../../core/calendar/working-calendar.ts';
import { buildVisitRollup, rollupWeek, weekDates, type VisitRollup } from '../../../../core/activities/visit-rollup.ts';
import type { VisitRollupView } from '../../../../core/activities/activities.schema.ts';
import type { Db } from '../../../db/client.ts';
import { activities, departments, generatedReports, users, visitLogDays } from '../../../db/schema.ts';
import { activeUsersWithRoles } from '../../../kernel/people.ts';
import type { Actor } from '../../../policies/actor.ts';
import { departmentSubtree, requirePermission } from '../../../policies/policy.ts';
import { VISIT_ROLLUP_KIND } from '../activity-events.ts';
import { loggingSince, workingDays } from './visit-log-days.ts';
import { loadVisitLogSettings } from './visit-log-settings.ts';

/**
 * The weekly roll-up of the visit logs (巡访周报), which the marketing assistant used to type for
 * the marketing manager every Monday: computed from the visits and the submitted days, read back
 * once stored. Storing it is a command's work (commands/generate-visit-rollup.ts).
 */

/** The roll-up of the week starting on `weekStart`, computed from the visits and the submitted days. */
export async function computeVisitRollup(db: Db, weekStart: string): Promise<VisitRollup> {
  const dates = weekDates(weekStart);
  const from = dates[0] ?? weekStart;
  const to = dates[dates.length - 1] ?? weekStart;
  const working = await workingDays(db, dates);
  const settings = await loadVisitLogSettings(db);
  const loggers = await activeUsersWithRoles(db, settings.loggerRoles);
  const visits = await db
    .select({ userId: activities.ownerUserId, date: activities.logDate, count: count() })
    .from(activities)
    .where(and(eq(activities.type, 'visit'), between(activities.logDate, from, to), isNotNull(activities.logDate)))
    .groupBy(activities.ownerUserId, activities.logDate);
  const logDays = await db
    .select({
      userId: visitLogDays.userId,
      date: visitLogDays.logDate,
      submittedAt: visitLogDays.submittedAt,
      noVisits: visitLogDays.noVisits,
    })
    .from(visitLogDays)
    .where(between(visitLogDays.logDate, from, to));
  const ids = [...new Set([...loggers.map((l) => l.id), ...visits.map((v) => v.userId)])];
  const people = ids.length
    ? await db
        .select({ userId: users.id, name: users.displayName, departmentName: departments.name, createdAt: users.createdAt })
        .from(users)
        .leftJoin(departments, eq(departments.id, users.departmentId))
        .where(inArray(users.id, ids))
        .orderBy(asc(departments.name), asc(users.displayName))
    : [];
  const since = await loggingSince(
    db,
    people.map((p) => ({ id: p.userId, createdAt: p.createdAt })),
  );
  return buildVisitRollup({
    weekStart,
    days: dates.map((d) => ({ date: d, working: working.get(d) ?? false })),
    people: people.map((p) => ({
      userId: p.userId,
      name: p.name,
      departmentName: p.departmentName,
      expectedFrom: since.get(p.userId) ?? null,
    })),
    visits: visits.map((v) => ({ userId: v.userId, date: v.date ?? '', count: Number(v.count) })),
    logDays: logDays.map((l) => ({ userId: l.userId, date: l.date, submitted: l.submittedAt !== null, noVisits: l.noVisits })),
  });
}

/** The stored roll-up of a week, if it was generated. */
export async function storedVisitRollup(db: Db, weekStart: string): Promise<{ data: VisitRollup; generatedAt: Date } | null> {
  const row = (
    await db
      .select({ data: generatedReports.data, generatedAt: generatedReports.generatedAt })
      .from(generatedReports)
      .where(and(eq(generatedReports.kind, VISIT_ROLLUP_KIND), eq(generatedReports.periodStart, weekStart)))
      .limit(1)
  )[0];
  return row ? { data: row.data as VisitRollup, generatedAt: row.generatedAt } : null;
}

/** Whose rows the reader sees: everyone with the `all` scope, else their department and below (own: themselves). */
async function visiblePeople(db: Db, actor: Actor): Promise<(userId: string) => boolean> {
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
 * The roll-up of the week containing `week` (default: last week): the stored one for a finished
 * week (`ensureVisitRollup` stores one never generated before this is read); the running week is
 * computed live. Rows are limited to the people the reader's scope covers.
 */
export async function visitRollupView(db: Db, actor: Actor, week: string | undefined, now: Date): Promise<VisitRollupView> {
  const keep = await visiblePeople(db, actor);
  const { weekStart, finished } = rollupWeek(week, shanghaiDate(now));
  const stored = finished ? await storedVisitRollup(db, weekStart) : null;
  if (!stored) return { ...scoped(await computeVisitRollup(db, weekStart), keep), generatedAt: null };
  return { ...scoped(stored.data, keep), generatedAt: stored.generatedAt.toISOString() };
}
