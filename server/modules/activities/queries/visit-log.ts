import { and, between, eq, inArray } from 'drizzle-orm';
import { addCalendarDays, shanghaiDate } from '../../../../core/calendar/working-calendar.ts';
import type { VisitLogList } from '../../../../core/activities/activities.schema.ts';
import type { Db } from '../../../db/client.ts';
import { deadlines, users, visitLogDays } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { STEP_SUBMIT, VISIT_LOG_SUBJECT } from '../activity-events.ts';
import { loggingSince, visitsPerDay, workingDays } from './visit-log-days.ts';

/** One's own visit log over a range (default: the last 14 days): visits, submission, deadline per day. */
export async function myVisitLog(
  db: Db,
  actor: Actor,
  range: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<VisitLogList> {
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
    .select({
      id: visitLogDays.id,
      date: visitLogDays.logDate,
      submittedAt: visitLogDays.submittedAt,
      noVisits: visitLogDays.noVisits,
      note: visitLogDays.note,
    })
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
