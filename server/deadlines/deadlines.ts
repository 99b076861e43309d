import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  computeSchedule,
  firstCheckAt,
  latenessWorkingDays,
  nextState,
  OPEN_STATES,
  pausedTime,
  tickingState,
  withCalendarFallback,
  type DeadlineAction,
  type DeadlineKind,
  type DeadlineSchedule,
  type DeadlineState,
  type DeadlineTerms,
  type ReminderSpec,
} from '../../core/deadlines/deadline-rules.ts';
import type { WorkingCalendar } from '../../core/calendar/working-calendar.ts';
import type { Db } from '../db/client.ts';
import { deadlinePolicies, deadlines, users } from '../db/schema.ts';
import { loadCalendar } from '../calendar/stored-calendar.ts';

/**
 * The deadline engine (时限), as modules use it: inside the transaction of their own state
 * change they start, pause, resume, complete or cancel the deadline of a step. Due times come
 * from the policy and the working calendar; the sweep (./sweep.ts) sends reminders, marks
 * breaches and escalates. All calls are idempotent: acting on a step without an open deadline,
 * or in a state where the action does not apply, does nothing.
 */

/** Identifies the deadline of one step of one record, e.g. { 'proposal_request', id, 'accept' }. */
export interface DeadlineKey {
  subjectType: string;
  subjectId: string;
  step: string;
}

export interface DeadlinePolicyDef {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DeadlineKind;
  amount: number;
  toleranceWorkingDays?: number;
  remindBefore?: ReminderSpec[];
  escalate?: boolean;
  /** working days between escalating to the manager and to the department head (default 1) */
  escalationIntervalWorkingDays?: number;
}

type DeadlineRow = typeof deadlines.$inferSelect;

const openStates = [...OPEN_STATES];

/**
 * Seeds a module's default policy (call at start-up). Until an administrator edits the policy
 * the module's current default is applied; after an edit, the administrator's terms win.
 */
export async function ensureDeadlinePolicy(db: Db, def: DeadlinePolicyDef): Promise<void> {
  const values = {
    code: def.code,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    kind: def.kind,
    amount: def.amount,
    toleranceWorkingDays: def.toleranceWorkingDays ?? 0,
    remindBefore: def.remindBefore ?? [],
    escalate: def.escalate ?? true,
    escalationIntervalWorkingDays: def.escalationIntervalWorkingDays ?? 1,
  };
  await db
    .insert(deadlinePolicies)
    .values(values)
    .onConflictDoUpdate({
      target: deadlinePolicies.code,
      set: { ...values, updatedAt: sql`now()` },
      setWhere: sql`${deadlinePolicies.editedAt} IS NULL AND (
        ${deadlinePolicies.nameZh}, ${deadlinePolicies.nameEn}, ${deadlinePolicies.kind}, ${deadlinePolicies.amount},
        ${deadlinePolicies.toleranceWorkingDays}, ${deadlinePolicies.remindBefore}, ${deadlinePolicies.escalate},
        ${deadlinePolicies.escalationIntervalWorkingDays}
      ) IS DISTINCT FROM (
        ${values.nameZh}, ${values.nameEn}, ${values.kind}, ${values.amount}, ${values.toleranceWorkingDays},
        ${JSON.stringify(values.remindBefore)}::jsonb, ${values.escalate}, ${values.escalationIntervalWorkingDays}
      )`,
    });
}

/** The stored terms of a policy or deadline row. */
export interface StoredTerms {
  kind: string;
  amount: number;
  toleranceWorkingDays: number;
  remindBefore: readonly ReminderSpec[];
  escalate: boolean;
  escalationIntervalWorkingDays: number;
}

export function termsOf(row: StoredTerms): DeadlineTerms {
  return {
    kind: row.kind as DeadlineKind,
    amount: row.amount,
    toleranceWorkingDays: row.toleranceWorkingDays,
    remindBefore: row.remindBefore,
    escalate: row.escalate,
    escalationIntervalWorkingDays: row.escalationIntervalWorkingDays,
  };
}

/** The schedule of a deadline under the calendar; missing years are filled provisionally. */
export function scheduleOf(
  cal: WorkingCalendar,
  d: StoredTerms & { startedAt: Date },
  paused: { workingMs: number; wallMs: number },
): { schedule: DeadlineSchedule; provisional: boolean } {
  const r = withCalendarFallback(cal, (c) => computeSchedule(c, termsOf(d), d.startedAt, paused));
  return { schedule: r.value, provisional: r.missingYears.length > 0 };
}

/** The columns that store a schedule. */
export function scheduleColumns(s: DeadlineSchedule) {
  return {
    dueAt: s.dueAt,
    breachAt: s.breachAt,
    reminderAts: s.reminderAts.map((r) => r.toISOString()),
    escalation2At: s.escalation2At,
  };
}

/** Stored schedule columns back to dates (for the pure rules). */
export function storedSchedule(d: Pick<DeadlineRow, 'dueAt' | 'breachAt' | 'reminderAts' | 'escalate' | 'escalation2At'>) {
  return {
    dueAt: d.dueAt,
    breachAt: d.breachAt,
    reminderAts: d.reminderAts.map((r) => new Date(r)),
    escalate: d.escalate,
    escalation2At: d.escalation2At,
  };
}

async function lockOpen(tx: Db, key: DeadlineKey): Promise<DeadlineRow | undefined> {
  const rows = await tx
    .select()
    .from(deadlines)
    .where(
      and(
        eq(deadlines.subjectType, key.subjectType),
        eq(deadlines.subjectId, key.subjectId),
        eq(deadlines.step, key.step),
        inArray(deadlines.state, openStates),
      ),
    )
    .limit(1)
    .for('update');
  return rows[0];
}

function allowed(row: DeadlineRow, action: DeadlineAction): DeadlineState | null {
  return nextState(row.state as DeadlineState, action);
}

/**
 * Starts the deadline of a step: the due time follows from the policy and the calendar,
 * counted from `startedAt` (default `now`). The policy's terms are copied, so later policy
 * edits apply to deadlines started afterwards. When the step already has an open deadline,
 * that one is kept and its id returned.
 */
export async function startDeadline(
  tx: Db,
  now: Date,
  input: DeadlineKey & { policyCode: string; ownerUserId: string; startedAt?: Date; title?: string; link?: string },
): Promise<string> {
  const existing = await findOpenId(tx, input);
  if (existing) return existing;
  const [policy] = await tx.select().from(deadlinePolicies).where(eq(deadlinePolicies.code, input.policyCode)).limit(1);
  if (!policy) throw new Error(`Unknown deadline policy "${input.policyCode}": call ensureDeadlinePolicy() at start-up`);
  const [owner] = await tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, input.ownerUserId)).limit(1);
  if (!owner) throw new Error(`startDeadline: unknown owner ${input.ownerUserId}`);
  const startedAt = input.startedAt ?? now;
  const terms = termsOf(policy);
  const cal = await loadCalendar(tx);
  const { schedule, provisional } = scheduleOf(cal, { ...terms, startedAt }, { workingMs: 0, wallMs: 0 });
  const inserted = await tx
    .insert(deadlines)
    .values({
      policyId: policy.id,
      policyCode: policy.code,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      step: input.step,
      title: input.title ?? null,
      link: input.link ?? null,
      ownerUserId: input.ownerUserId,
      departmentId: owner.departmentId,
      ...terms,
      remindBefore: [...terms.remindBefore],
      startedAt,
      ...scheduleColumns(schedule),
      nextEventAt: firstCheckAt({ ...schedule, escalate: terms.escalate }, now),
      state: 'running',
      provisional,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({
      target: [deadlines.subjectType, deadlines.subjectId, deadlines.step],
      where: sql`state IN ('running', 'paused', 'breached')`,
    })
    .returning({ id: deadlines.id });
  if (inserted[0]) return inserted[0].id;
  // Another transaction started it at the same moment: keep that one.
  const other = await findOpenId(tx, input);
  if (!other) throw new Error('startDeadline: conflicting deadline vanished');
  return other;
}

async function findOpenId(tx: Db, key: DeadlineKey): Promise<string | undefined> {
  const rows = await tx
    .select({ id: deadlines.id })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.subjectType, key.subjectType),
        eq(deadlines.subjectId, key.subjectId),
        eq(deadlines.step, key.step),
        inArray(deadlines.state, openStates),
      ),
    )
    .limit(1);
  return rows[0]?.id;
}

/** The pause so far, for a deadline being completed or cancelled while paused. */
function pauseTotals(cal: WorkingCalendar, row: DeadlineRow, now: Date): { workingMs: number; wallMs: number } {
  const extra =
    row.state === 'paused' && row.pausedAt
      ? withCalendarFallback(cal, (c) => pausedTime(c, row.pausedAt ?? now, now)).value
      : { workingMs: 0, wallMs: 0 };
  return { workingMs: row.pausedWorkingMs + extra.workingMs, wallMs: row.pausedMs + extra.wallMs };
}

/**
 * The step is done: the deadline is met. A late completion records its lateness in working
 * days; one after the breach time also records the breach.
 */
export async function completeDeadline(tx: Db, now: Date, key: DeadlineKey): Promise<void> {
  const row = await lockOpen(tx, key);
  if (!row || !allowed(row, 'complete')) return;
  const cal = await loadCalendar(tx);
  let dueAt = row.dueAt;
  let breachAt = row.breachAt;
  const totals = pauseTotals(cal, row, now);
  if (row.state === 'paused') {
    const s = scheduleOf(cal, row, totals).schedule;
    dueAt = s.dueAt;
    breachAt = s.breachAt;
  }
  const late = withCalendarFallback(cal, (c) => latenessWorkingDays(c, dueAt, now)).value;
  const breached = now.getTime() > breachAt.getTime();
  await tx
    .update(deadlines)
    .set({
      state: 'met',
      completedAt: now,
      dueAt,
      breachAt,
      lateWorkingDays: late,
      breachedAt: breached ? (row.breachedAt ?? breachAt) : null,
      pausedAt: null,
      pausedMs: totals.wallMs,
      pausedWorkingMs: totals.workingMs,
      nextEventAt: null,
      recompute: false,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(deadlines.id, row.id));
}

/** The step no longer needs doing (withdrawn, superseded): the deadline stops and is not counted. */
export async function cancelDeadline(tx: Db, now: Date, key: DeadlineKey): Promise<void> {
  const row = await lockOpen(tx, key);
  if (!row || !allowed(row, 'cancel')) return;
  await tx
    .update(deadlines)
    .set({ state: 'cancelled', cancelledAt: now, nextEventAt: null, recompute: false, version: row.version + 1, updatedAt: now })
    .where(eq(deadlines.id, row.id));
}

/** Stops the clock, e.g. while waiting for the customer; paused time does not count. */
export async function pauseDeadline(tx: Db, now: Date, key: DeadlineKey, reason: string): Promise<void> {
  const row = await lockOpen(tx, key);
  if (!row || !allowed(row, 'pause')) return;
  await tx
    .update(deadlines)
    .set({ state: 'paused', pausedAt: now, pauseReason: reason.slice(0, 500), nextEventAt: null, version: row.version + 1, updatedAt: now })
    .where(eq(deadlines.id, row.id));
}

/** Restarts the clock; the due time moves out by the working time the pause took. */
export async function resumeDeadline(tx: Db, now: Date, key: DeadlineKey): Promise<void> {
  const row = await lockOpen(tx, key);
  if (!row || !allowed(row, 'resume')) return;
  const cal = await loadCalendar(tx);
  const totals = pauseTotals(cal, row, now);
  const { schedule, provisional } = scheduleOf(cal, row, totals);
  const state = tickingState(schedule, now);
  await tx
    .update(deadlines)
    .set({
      state,
      ...scheduleColumns(schedule),
      pausedAt: null,
      pausedMs: totals.wallMs,
      pausedWorkingMs: totals.workingMs,
      breachedAt: state === 'breached' ? (row.breachedAt ?? schedule.breachAt) : null,
      nextEventAt: firstCheckAt({ ...schedule, escalate: row.escalate }, now),
      provisional,
      recompute: false,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(deadlines.id, row.id));
}
