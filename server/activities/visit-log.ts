import { and, asc, between, count, eq, inArray, isNotNull, min } from 'drizzle-orm';
import { withCalendarFallback } from '../../core/deadlines/deadline-rules.ts';
import { isWorkingDay, shanghaiDate, shanghaiInstant } from '../../core/calendar/working-calendar.ts';
import { buildVisitRollup, previousWeekStart, weekDates, weekStartOf, type VisitRollup } from '../../core/activities/visit-rollup.ts';
import type { Db } from '../db/client.ts';
import { activities, departments, generatedReports, users, visitLogDays } from '../db/schema.ts';
import { completeDeadline, startDeadline } from '../deadlines/deadlines.ts';
import { notify } from '../notifications/notify.ts';
import { loadCalendar } from '../queries/calendar.ts';
import { activeUsersWithRoles } from '../commands/support/intake.ts';
import { loadVisitLogSettings } from '../intake/settings.ts';
import { EVENT_VISIT_ROLLUP, POLICY_VISIT_LOG, STEP_SUBMIT, VISIT_LOG_SUBJECT } from './constants.ts';

/**
 * The daily visit log (客户巡访登记表, seed 002: every salesperson hands it in before the end
 * of each working day) and the Monday roll-up the marketing assistant used to type for the
 * marketing manager.
 */

export const VISIT_ROLLUP_KIND = 'visit_weekly';
/** Monday 09:00 Asia/Shanghai: the previous week's roll-up is generated from then on. */
export const ROLLUP_HOUR = 9;

/** Whether a date is a working day under the calendar (weekends only for a year not entered yet). */
export async function workingDays(db: Db, dates: readonly string[]): Promise<Map<string, boolean>> {
  const cal = await loadCalendar(db);
  return new Map(dates.map((d) => [d, withCalendarFallback(cal, (c) => isWorkingDay(c, d)).value]));
}

/**
 * Opens today's visit-log day for every active holder of a logging role (default: account
 * managers) when today is a working day, each with a deadline at the end of the working day.
 * Idempotent: rows that exist are left alone and get no second deadline.
 */
export async function openVisitLogDays(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  if (!(await workingDays(db, [today])).get(today)) return 0;
  const settings = await loadVisitLogSettings(db);
  const loggers = await activeUsersWithRoles(db, settings.loggerRoles);
  if (loggers.length === 0) return 0;
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(visitLogDays)
      .values(loggers.map((u) => ({ userId: u.id, logDate: today, createdAt: now })))
      .onConflictDoNothing({ target: [visitLogDays.userId, visitLogDays.logDate] })
      .returning({ id: visitLogDays.id, userId: visitLogDays.userId });
    for (const row of created) {
      await startDeadline(tx, now, {
        subjectType: VISIT_LOG_SUBJECT, subjectId: row.id, step: STEP_SUBMIT, policyCode: POLICY_VISIT_LOG, ownerUserId: row.userId,
        startedAt: shanghaiInstant(today, 0), title: `客户巡访登记 ${today}`, link: '/visit-logs',
      });
    }
    return created.length;
  });
}

/**
 * Marks a person's log of a day submitted (saving a visit for that day, or "no visits today"
 * with a note) and completes that day's deadline. Creates the row when the job has not.
 */
export async function markVisitLogSubmitted(
  tx: Db,
  now: Date,
  userId: string,
  date: string,
  declared: { noVisits: boolean; note: string | null } = { noVisits: false, note: null },
): Promise<{ id: string; firstSubmission: boolean }> {
  const existing = (await tx.select().from(visitLogDays).where(and(eq(visitLogDays.userId, userId), eq(visitLogDays.logDate, date))).limit(1).for('update'))[0];
  let id: string;
  let first: boolean;
  if (existing) {
    id = existing.id;
    first = existing.submittedAt === null;
    await tx
      .update(visitLogDays)
      .set({ submittedAt: existing.submittedAt ?? now, noVisits: declared.noVisits, note: declared.note ?? existing.note })
      .where(eq(visitLogDays.id, existing.id));
  } else {
    const [row] = await tx
      .insert(visitLogDays)
      .values({ userId, logDate: date, submittedAt: now, noVisits: declared.noVisits, note: declared.note, createdAt: now })
      .onConflictDoUpdate({ target: [visitLogDays.userId, visitLogDays.logDate], set: { submittedAt: now, noVisits: declared.noVisits, note: declared.note } })
      .returning({ id: visitLogDays.id });
    if (!row) throw new Error('visit log day not written');
    id = row.id;
    first = true;
  }
  await completeDeadline(tx, now, { subjectType: VISIT_LOG_SUBJECT, subjectId: id, step: STEP_SUBMIT });
  return { id, firstSubmission: first };
}

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
    .select({ userId: visitLogDays.userId, date: visitLogDays.logDate, submittedAt: visitLogDays.submittedAt, noVisits: visitLogDays.noVisits })
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
  const since = await loggingSince(db, people.map((p) => ({ id: p.userId, createdAt: p.createdAt })));
  return buildVisitRollup({
    weekStart,
    days: dates.map((d) => ({ date: d, working: working.get(d) ?? false })),
    people: people.map((p) => ({ userId: p.userId, name: p.name, departmentName: p.departmentName, expectedFrom: since.get(p.userId) ?? null })),
    visits: visits.map((v) => ({ userId: v.userId, date: v.date ?? '', count: Number(v.count) })),
    logDays: logDays.map((l) => ({ userId: l.userId, date: l.date, submitted: l.submittedAt !== null, noVisits: l.noVisits })),
  });
}

/**
 * From which day each person's log counts: the day the account was created, or earlier when
 * the person already logged visits (or log days) before — so a new colleague is not reported
 * missing for the days before joining.
 */
export async function loggingSince(db: Db, people: ReadonlyArray<{ id: string; createdAt: Date }>): Promise<Map<string, string>> {
  const out = new Map(people.map((p) => [p.id, shanghaiDate(p.createdAt)]));
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return out;
  const firstVisit = await db
    .select({ userId: activities.ownerUserId, first: min(activities.logDate) })
    .from(activities)
    .where(and(eq(activities.type, 'visit'), inArray(activities.ownerUserId, ids)))
    .groupBy(activities.ownerUserId);
  const firstDay = await db
    .select({ userId: visitLogDays.userId, first: min(visitLogDays.logDate) })
    .from(visitLogDays)
    .where(inArray(visitLogDays.userId, ids))
    .groupBy(visitLogDays.userId);
  for (const r of [...firstVisit, ...firstDay]) {
    const cur = out.get(r.userId);
    if (r.first && (!cur || r.first < cur)) out.set(r.userId, r.first);
  }
  return out;
}

/** The stored roll-up of a week, if it was generated. */
export async function storedVisitRollup(db: Db, weekStart: string): Promise<{ data: VisitRollup; generatedAt: Date } | null> {
  const row = (await db
    .select({ data: generatedReports.data, generatedAt: generatedReports.generatedAt })
    .from(generatedReports)
    .where(and(eq(generatedReports.kind, VISIT_ROLLUP_KIND), eq(generatedReports.periodStart, weekStart)))
    .limit(1))[0];
  return row ? { data: row.data as VisitRollup, generatedAt: row.generatedAt } : null;
}

/**
 * Computes and stores a finished week's roll-up; the first writer wins (unique per week), and
 * only it notifies the recipients (default: marketing assistants and managers).
 */
export async function generateVisitRollup(db: Db, weekStart: string, now: Date, opts: { notify: boolean }): Promise<{ data: VisitRollup; generatedAt: Date }> {
  const data = await computeVisitRollup(db, weekStart);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(generatedReports)
      .values({ kind: VISIT_ROLLUP_KIND, periodStart: data.weekStart, periodEnd: data.weekEnd, data, generatedAt: now })
      .onConflictDoNothing({ target: [generatedReports.kind, generatedReports.periodStart] })
      .returning({ id: generatedReports.id });
    if (!inserted[0]) {
      const stored = await storedVisitRollup(tx, weekStart);
      if (stored) return stored;
      throw new Error('roll-up vanished');
    }
    if (opts.notify) {
      const settings = await loadVisitLogSettings(tx);
      const recipients = await activeUsersWithRoles(tx, settings.rollupRecipientRoles);
      await notify(tx, now, {
        eventType: EVENT_VISIT_ROLLUP,
        recipientUserIds: recipients.map((r) => r.id),
        params: {
          weekStart: data.weekStart, weekEnd: data.weekEnd, people: data.people.length, visits: data.totals.visits, missing: data.totals.missingDays,
        },
        subject: { type: 'generated_report', id: inserted[0].id },
        link: `/reports/visit-rollup?week=${data.weekStart}`,
      });
    }
    return { data, generatedAt: now };
  });
}

/** From Monday 09:00 (Asia/Shanghai) on: the previous week's roll-up, once (catching up after downtime). */
export async function generateDueVisitRollups(db: Db, now: Date): Promise<boolean> {
  const today = shanghaiDate(now);
  const monday = weekStartOf(today);
  if (now.getTime() < shanghaiInstant(monday, ROLLUP_HOUR * 60).getTime()) return false;
  const week = previousWeekStart(today);
  if (await storedVisitRollup(db, week)) return false;
  await generateVisitRollup(db, week, now, { notify: true });
  return true;
}

/** The visits a person logged per day over a range of dates. */
export async function visitsPerDay(db: Db, userId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ date: activities.logDate, n: count() })
    .from(activities)
    .where(and(eq(activities.type, 'visit'), eq(activities.ownerUserId, userId), between(activities.logDate, from, to)))
    .groupBy(activities.logDate);
  return new Map(rows.map((r) => [r.date ?? '', Number(r.n)]));
}
