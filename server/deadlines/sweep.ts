import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { toShanghaiIso, type WorkingCalendar } from '../../core/calendar/working-calendar.ts';
import {
  dueEvents,
  escalationTargets,
  firstCheckAt,
  nextEventAt,
  tickingState,
  type DeadlineEventKind,
  type DeadlineState,
} from '../../core/deadlines/deadline-rules.ts';
import type { Db } from '../db/client.ts';
import { deadlineEvents, deadlinePolicies, deadlines, departments, users } from '../db/schema.ts';
import { notification, notifyMany, type NotificationRequest } from '../notifications/notify.ts';
import { loadCalendar } from '../calendar/stored-calendar.ts';
import { scheduleColumns, scheduleOf, storedSchedule } from './deadlines.ts';
import { deadlineBreachedEvent, deadlineEscalatedEvent, deadlineOverdueEvent, deadlineReminderEvent } from './event-types.ts';

export interface SweepOptions {
  /** rows per transaction (default 200; a row being swept waits for its batch to commit) */
  batchSize?: number;
  /** failures of single rows (they are retried 10 minutes later); default: stderr */
  onError?: (error: unknown, where: string) => void;
}

export interface SweepResult {
  /** schedules recomputed after a calendar change */
  recomputed: number;
  /** deadlines whose time had come and were looked at */
  examined: number;
  /** events fired (inserted now), by kind: reminder, overdue, breach, escalation_1, escalation_2 */
  fired: Record<string, number>;
  /** rows that failed and were put back for a later sweep */
  failures: number;
  /** time spent inside notify() (ms), for the benchmark */
  notifyMs: number;
}

const RETRY_LATER_MS = 10 * 60_000;

/**
 * The deadline sweep (a scheduled job): recomputes schedules the calendar changed, then fires
 * the events whose time has come — reminders, "overdue", breach (state → breached), escalation
 * to the manager and later to the department head — and sends their notifications in the
 * same transaction. Only rows whose `next_event_at` has come are read (a partial index), in
 * batches locked with SKIP LOCKED; `deadline_events` is unique per deadline and kind, so each
 * event fires exactly once however many instances sweep and however long they were down.
 */
export async function sweepDeadlines(db: Db, now: Date, opts: SweepOptions = {}): Promise<SweepResult> {
  const batchSize = Math.max(1, opts.batchSize ?? 200);
  const onError =
    opts.onError ?? ((e, where) => process.stderr.write(`[deadlines] ${where}: ${e instanceof Error ? e.message : String(e)}\n`));
  const result: SweepResult = { recomputed: 0, examined: 0, fired: {}, failures: 0, notifyMs: 0 };
  let cal: WorkingCalendar | null = null;
  const calendar = async (tx: Db) => (cal ??= await loadCalendar(tx));

  for (;;) {
    const n = await db.transaction((tx) => recomputeBatch(tx, now, batchSize, calendar));
    if (n === 0) break;
    result.recomputed += n;
  }

  for (;;) {
    let n: number;
    try {
      n = await db.transaction((tx) => eventBatch(tx, now, { limit: batchSize }, result));
    } catch (e) {
      onError(e, 'event batch');
      // Isolate the failing row: run the batch's rows one by one; a failing one waits.
      const ids = await db
        .select({ id: deadlines.id })
        .from(deadlines)
        .where(and(sql`${deadlines.state} IN ('running', 'breached')`, lte(deadlines.nextEventAt, now)))
        .orderBy(asc(deadlines.nextEventAt))
        .limit(batchSize);
      for (const { id } of ids) {
        try {
          await db.transaction((tx) => eventBatch(tx, now, { id }, result));
        } catch (inner) {
          onError(inner, `deadline ${id}`);
          result.failures++;
          await db
            .update(deadlines)
            .set({ nextEventAt: new Date(now.getTime() + RETRY_LATER_MS) })
            .where(eq(deadlines.id, id));
        }
      }
      n = ids.length;
    }
    if (n === 0) break;
  }
  return result;
}

async function recomputeBatch(tx: Db, now: Date, limit: number, calendar: (tx: Db) => Promise<WorkingCalendar>): Promise<number> {
  const rows = await tx
    .select()
    .from(deadlines)
    .where(and(sql`${deadlines.recompute}`, sql`${deadlines.state} IN ('running', 'paused', 'breached')`))
    .orderBy(asc(deadlines.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (!rows.length) return 0;
  const cal = await calendar(tx);
  const values = rows.map((row) => {
    const { schedule, provisional } = scheduleOf(cal, row, { workingMs: row.pausedWorkingMs, wallMs: row.pausedMs });
    const paused = row.state === 'paused';
    const state: DeadlineState = paused ? 'paused' : tickingState(schedule, now);
    const cols = scheduleColumns(schedule);
    const breachedAt = state === 'breached' ? (row.breachedAt ?? schedule.breachAt) : null;
    const next = paused ? null : firstCheckAt({ ...schedule, escalate: row.escalate }, now);
    return sql`(${row.id}::uuid, ${state}::text, ${cols.dueAt}::timestamptz, ${cols.breachAt}::timestamptz,
      ${JSON.stringify(cols.reminderAts)}::jsonb, ${cols.escalation2At}::timestamptz, ${breachedAt}::timestamptz,
      ${next}::timestamptz, ${provisional}::boolean)`;
  });
  await tx.execute(sql`
    UPDATE deadlines AS d
    SET state = v.state, due_at = v.due_at, breach_at = v.breach_at, reminder_ats = v.reminder_ats, escalation2_at = v.escalation2_at,
      breached_at = v.breached_at, next_event_at = v.next_event_at, provisional = v.provisional, recompute = FALSE, updated_at = ${now}
    FROM (VALUES ${sql.join(values, sql`, `)})
      AS v(id, state, due_at, breach_at, reminder_ats, escalation2_at, breached_at, next_event_at, provisional)
    WHERE d.id = v.id`);
  return rows.length;
}

const manager = alias(users, 'manager');
const head = alias(users, 'head');

function shanghaiMinute(d: Date): string {
  return toShanghaiIso(d).slice(0, 16).replace('T', ' ');
}

async function eventBatch(tx: Db, now: Date, pick: { limit: number } | { id: string }, result: SweepResult): Promise<number> {
  const rows = await tx
    .select({
      id: deadlines.id,
      state: deadlines.state,
      dueAt: deadlines.dueAt,
      breachAt: deadlines.breachAt,
      reminderAts: deadlines.reminderAts,
      escalate: deadlines.escalate,
      escalation2At: deadlines.escalation2At,
      breachedAt: deadlines.breachedAt,
      ownerUserId: deadlines.ownerUserId,
      subjectType: deadlines.subjectType,
      subjectId: deadlines.subjectId,
      title: deadlines.title,
      link: deadlines.link,
      ownerName: users.displayName,
      managerId: manager.id,
      headId: head.id,
      policyZh: deadlinePolicies.nameZh,
      policyEn: deadlinePolicies.nameEn,
    })
    .from(deadlines)
    .innerJoin(users, eq(users.id, deadlines.ownerUserId))
    .innerJoin(deadlinePolicies, eq(deadlinePolicies.id, deadlines.policyId))
    .leftJoin(manager, and(eq(manager.id, users.managerId), eq(manager.active, true)))
    .leftJoin(departments, eq(departments.id, deadlines.departmentId))
    .leftJoin(head, and(eq(head.id, departments.headUserId), eq(head.active, true)))
    .where(
      and(
        sql`${deadlines.state} IN ('running', 'breached')`,
        lte(deadlines.nextEventAt, now),
        'id' in pick ? eq(deadlines.id, pick.id) : undefined,
      ),
    )
    .orderBy(asc(deadlines.nextEventAt))
    .limit('id' in pick ? 1 : pick.limit)
    .for('update', { of: deadlines, skipLocked: true });
  if (!rows.length) return 0;
  result.examined += rows.length;

  type Planned = { row: (typeof rows)[number]; kind: DeadlineEventKind; recipients: string[] };
  const planned: Planned[] = [];
  const updates: Array<{ id: string; state: string; breachedAt: Date | null; nextEventAt: Date | null }> = [];
  for (const row of rows) {
    const schedule = storedSchedule(row);
    const state = row.state as DeadlineState;
    for (const kind of dueEvents({ ...schedule, state }, now)) {
      const who = { ownerUserId: row.ownerUserId, managerUserId: row.managerId, departmentHeadUserId: row.headId };
      const recipients =
        kind === 'escalation_1' ? escalationTargets(1, who) : kind === 'escalation_2' ? escalationTargets(2, who) : [row.ownerUserId];
      planned.push({ row, kind, recipients });
    }
    const next = tickingState(schedule, now);
    updates.push({
      id: row.id,
      state: next,
      breachedAt: next === 'breached' ? (row.breachedAt ?? row.breachAt) : null,
      nextEventAt: nextEventAt(schedule, now),
    });
  }

  if (planned.length) {
    const fired = await tx
      .insert(deadlineEvents)
      .values(planned.map((p) => ({ deadlineId: p.row.id, kind: p.kind, firedAt: now, recipientUserIds: p.recipients })))
      .onConflictDoNothing({ target: [deadlineEvents.deadlineId, deadlineEvents.kind] })
      .returning({ deadlineId: deadlineEvents.deadlineId, kind: deadlineEvents.kind });
    const isNew = new Set(fired.map((f) => `${f.deadlineId}/${f.kind}`));
    const notices: NotificationRequest[] = [];
    for (const p of planned) {
      if (!isNew.has(`${p.row.id}/${p.kind}`)) continue;
      const group = p.kind.startsWith('reminder_') ? 'reminder' : p.kind;
      result.fired[group] = (result.fired[group] ?? 0) + 1;
      if (p.recipients.length) notices.push(notificationFor(p.row, p.kind, p.recipients));
    }
    const t0 = performance.now();
    await notifyMany(tx, now, notices);
    result.notifyMs += performance.now() - t0;
  }

  await tx.execute(sql`
    UPDATE deadlines AS d
    SET state = v.state, breached_at = v.breached_at, next_event_at = v.next_event_at, updated_at = ${now}
    FROM (VALUES ${sql.join(
      updates.map((u) => sql`(${u.id}::uuid, ${u.state}::text, ${u.breachedAt}::timestamptz, ${u.nextEventAt}::timestamptz)`),
      sql`, `,
    )}) AS v(id, state, breached_at, next_event_at)
    WHERE d.id = v.id`);
  return rows.length;
}

function notificationFor(
  row: {
    id: string;
    title: string | null;
    policyZh: string;
    policyEn: string;
    dueAt: Date;
    breachAt: Date;
    ownerName: string;
    managerId: string | null;
    subjectType: string;
    subjectId: string;
    link: string | null;
  },
  kind: DeadlineEventKind,
  recipients: string[],
): NotificationRequest {
  const params = {
    title: row.title ?? row.policyZh,
    policy: row.policyZh,
    policyEn: row.policyEn,
    due: shanghaiMinute(row.dueAt),
    breach: shanghaiMinute(row.breachAt),
    owner: row.ownerName,
  };
  const target = {
    recipientUserIds: recipients,
    subject: { type: row.subjectType, id: row.subjectId },
    ...(row.link ? { link: row.link } : {}),
  };
  if (kind === 'escalation_1' || kind === 'escalation_2') {
    const toManager = kind === 'escalation_1' && recipients[0] === row.managerId;
    return notification(
      deadlineEscalatedEvent,
      {
        ...params,
        role: toManager ? '直属上级' : '部门负责人',
        roleEn: toManager ? "the owner's manager" : 'head of the department',
      },
      target,
    );
  }
  const event = kind === 'overdue' ? deadlineOverdueEvent : kind === 'breach' ? deadlineBreachedEvent : deadlineReminderEvent;
  return notification(event, params, target);
}
