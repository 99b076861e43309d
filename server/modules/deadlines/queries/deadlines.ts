import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { addCalendarDays, shanghaiDate, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import {
  addWorkingMs,
  workingDayMs,
  withCalendarFallback,
  type DeadlineKind,
  type DeadlineState,
} from '../../../../core/deadlines/deadline-rules.ts';
import type { DataScope } from '../../../../core/permissions.ts';
import type { DeadlinePolicyView, DeadlineView, SlaQuery, SlaReport, SlaRow } from '../../../../core/deadlines/deadlines.schema.ts';
import { rowsOf, type Db } from '../../../db/client.ts';
import { deadlinePolicies, deadlines, departments, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { scopeCondition } from '../../../policies/policy.ts';
import { loadCalendar } from '../../../calendar/stored-calendar.ts';

const OPEN = sql`${deadlines.state} IN ('running', 'paused', 'breached')`;

function deadlineScope(db: Db, actor: Actor, scope: DataScope): Promise<SQL> {
  return scopeCondition(db, actor, scope, { ownerUserId: sql`${deadlines.ownerUserId}`, departmentId: sql`${deadlines.departmentId}` });
}

/** Every deadline policy with the number of open deadlines it governs. */
export async function listDeadlinePolicies(db: Db, actor: Actor): Promise<DeadlinePolicyView[]> {
  const open = db
    .select({ policyId: deadlines.policyId, n: count().as('n') })
    .from(deadlines)
    .where(OPEN)
    .groupBy(deadlines.policyId)
    .as('open');
  const rows = await db
    .select({ p: deadlinePolicies, n: open.n })
    .from(deadlinePolicies)
    .leftJoin(open, eq(open.policyId, deadlinePolicies.id))
    .orderBy(asc(deadlinePolicies.code));
  return rows.map(({ p, n }) => ({
    id: p.id,
    code: p.code,
    name: actor.locale === 'en' ? p.nameEn : p.nameZh,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    kind: p.kind as DeadlineKind,
    amount: p.amount,
    toleranceWorkingDays: p.toleranceWorkingDays,
    remindBefore: p.remindBefore,
    escalate: p.escalate,
    escalationIntervalWorkingDays: p.escalationIntervalWorkingDays,
    edited: p.editedAt !== null,
    openCount: Number(n ?? 0),
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  }));
}

export interface DeadlineListInput {
  page: number;
  pageSize: number;
  filter: 'all' | 'overdue' | 'due_soon' | 'paused';
  ownerUserId?: string | undefined;
  subjectType?: string | undefined;
  policyCode?: string | undefined;
  sort: string;
}

const SORTS: Record<string, SQL> = {
  dueAt: sql`${deadlines.dueAt}`,
  startedAt: sql`${deadlines.startedAt}`,
  breachAt: sql`${deadlines.breachAt}`,
};

/**
 * Open deadlines in the reader's data scope (owner / owner's department at start), filtered:
 * overdue (past the due time), due soon (within one working day), paused.
 */
export async function listOpenDeadlines(db: Db, actor: Actor, scope: DataScope, now: Date, q: DeadlineListInput) {
  const conds: SQL[] = [OPEN, await deadlineScope(db, actor, scope)];
  switch (q.filter) {
    case 'overdue':
      conds.push(sql`${deadlines.state} <> 'paused' AND ${deadlines.dueAt} <= ${now}`);
      break;
    case 'due_soon': {
      const cal = await loadCalendar(db);
      const soon = withCalendarFallback(cal, (c) => addWorkingMs(c, now, workingDayMs(c.hours))).value;
      conds.push(sql`${deadlines.state} <> 'paused' AND ${deadlines.dueAt} > ${now} AND ${deadlines.dueAt} <= ${soon}`);
      break;
    }
    case 'paused':
      conds.push(sql`${deadlines.state} = 'paused'`);
      break;
    case 'all':
      break;
  }
  if (q.ownerUserId) conds.push(eq(deadlines.ownerUserId, q.ownerUserId));
  if (q.subjectType) conds.push(eq(deadlines.subjectType, q.subjectType));
  if (q.policyCode) conds.push(eq(deadlines.policyCode, q.policyCode));
  const where = and(...conds);
  const key = q.sort.replace(/^-/, '');
  const col = SORTS[key] ?? SORTS.dueAt ?? sql`${deadlines.dueAt}`;
  const order = q.sort.startsWith('-') ? desc(col) : asc(col);
  const [rows, totalRows, types] = await Promise.all([
    db
      .select({
        d: deadlines,
        ownerName: users.displayName,
        departmentName: departments.name,
        policyZh: deadlinePolicies.nameZh,
        policyEn: deadlinePolicies.nameEn,
      })
      .from(deadlines)
      .innerJoin(users, eq(users.id, deadlines.ownerUserId))
      .innerJoin(deadlinePolicies, eq(deadlinePolicies.id, deadlines.policyId))
      .leftJoin(departments, eq(departments.id, deadlines.departmentId))
      .where(where)
      .orderBy(order, asc(deadlines.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(deadlines).where(where),
    db
      .selectDistinct({ t: deadlines.subjectType })
      .from(deadlines)
      .where(and(OPEN, await deadlineScope(db, actor, scope)))
      .orderBy(asc(deadlines.subjectType)),
  ]);
  const items: DeadlineView[] = rows.map(({ d, ownerName, departmentName, policyZh, policyEn }) => ({
    id: d.id,
    policyCode: d.policyCode,
    policyName: actor.locale === 'en' ? policyEn : policyZh,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    step: d.step,
    title: d.title,
    link: d.link,
    ownerUserId: d.ownerUserId,
    ownerName,
    departmentId: d.departmentId,
    departmentName,
    state: d.state as DeadlineState,
    kind: d.kind as DeadlineKind,
    amount: d.amount,
    startedAt: d.startedAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    breachAt: d.breachAt.toISOString(),
    pausedAt: d.pausedAt?.toISOString() ?? null,
    pauseReason: d.pauseReason,
    provisional: d.provisional,
    overdue: d.state !== 'paused' && d.dueAt.getTime() <= now.getTime(),
  }));
  return { items, total: Number(totalRows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize, subjectTypes: types.map((t) => t.t) };
}

/** Shanghai wall time of a timestamptz column (Asia/Shanghai is UTC+8 without DST). */
const local = (col: SQL) => sql`((${col}) AT TIME ZONE 'UTC' + interval '8 hours')`;

/**
 * SLA statistics (时限达成统计) per policy, person or department and per month or quarter of
 * the due date (Asia/Shanghai): deadlines met on time, met late (within the tolerance),
 * breached (completed after, or still open past, the breach time) and still open past the due
 * time; on-time rate and the average lateness of late completions in working days. Cancelled
 * deadlines and open ones not yet due are not counted. A paused one is judged when it paused.
 */
export async function slaStatistics(db: Db, actor: Actor, scope: DataScope, now: Date, q: SlaQuery): Promise<SlaReport> {
  const thisYear = shanghaiDate(now).slice(0, 4);
  const from = q.from ?? `${thisYear}-01-01`;
  const to = q.to ?? `${thisYear}-12-31`;
  const fromTs = shanghaiInstant(from, 0);
  const toTs = shanghaiInstant(addCalendarDays(to, 1), 0);
  const en = actor.locale === 'en';

  let key: SQL;
  let label: SQL;
  switch (q.groupBy) {
    case 'policy':
      key = sql`d.policy_code`;
      label = en ? sql`p.name_en` : sql`p.name_zh`;
      break;
    case 'owner':
      key = sql`d.owner_user_id::text`;
      label = sql`u.display_name`;
      break;
    case 'department':
      key = sql`d.department_id::text`;
      label = sql`coalesce(dep.name, ${en ? '(no department)' : '（无部门）'})`;
      break;
    case 'none':
      key = sql`NULL::text`;
      label = sql`${en ? 'All' : '全部'}::text`;
      break;
  }
  let period: SQL;
  switch (q.period) {
    case 'month':
      period = sql`to_char(${local(sql`d.due_at`)}, 'YYYY-MM')`;
      break;
    case 'quarter':
      period = sql`to_char(${local(sql`d.due_at`)}, 'YYYY-"Q"Q')`;
      break;
    case 'none':
      period = sql`NULL::text`;
      break;
  }
  const scopeSql = await scopeCondition(db, actor, scope, { ownerUserId: sql`d.owner_user_id`, departmentId: sql`d.department_id` });
  const policyFilter = q.policyCode ? sql`AND d.policy_code = ${q.policyCode}` : sql``;
  // the moment an open deadline is judged at: now, or when it was paused
  const at = sql`(CASE WHEN d.state = 'paused' THEN coalesce(d.paused_at, ${now}::timestamptz) ELSE ${now}::timestamptz END)`;
  const res = await db.execute(sql`
    SELECT ${key} AS key, ${label} AS label, ${period} AS period,
      count(*)::int AS count,
      count(*) FILTER (WHERE d.state = 'met' AND d.completed_at <= d.due_at)::int AS on_time,
      count(*) FILTER (WHERE d.state = 'met' AND d.completed_at > d.due_at AND d.completed_at <= d.breach_at)::int AS late,
      count(*) FILTER (WHERE (d.state = 'met' AND d.completed_at > d.breach_at) OR (d.state <> 'met' AND ${at} >= d.breach_at))::int AS breached,
      count(*) FILTER (WHERE d.state <> 'met' AND ${at} >= d.due_at AND ${at} < d.breach_at)::int AS open_overdue,
      avg(d.late_working_days) FILTER (WHERE d.state = 'met' AND d.completed_at > d.due_at)::float8 AS avg_late
    FROM deadlines d
    JOIN deadline_policies p ON p.id = d.policy_id
    JOIN users u ON u.id = d.owner_user_id
    LEFT JOIN departments dep ON dep.id = d.department_id
    WHERE d.state <> 'cancelled'
      AND (d.state = 'met' OR d.due_at <= ${at})
      AND d.due_at >= ${fromTs} AND d.due_at < ${toTs}
      AND ${scopeSql} ${policyFilter}
    GROUP BY 1, 2, 3
    ORDER BY 3 NULLS FIRST, 2, 1`);
  const rows: SlaRow[] = rowsOf<{
    key: string | null;
    label: string;
    period: string | null;
    count: number;
    on_time: number;
    late: number;
    breached: number;
    open_overdue: number;
    avg_late: number | string | null;
  }>(res).map((r) => {
    const n = Number(r.count);
    const onTime = Number(r.on_time);
    return {
      key: r.key,
      label: r.label,
      period: r.period,
      count: n,
      onTime,
      late: Number(r.late),
      breached: Number(r.breached),
      openOverdue: Number(r.open_overdue),
      onTimeRate: n > 0 ? Math.round((onTime / n) * 10_000) / 10_000 : null,
      avgLateWorkingDays: r.avg_late === null ? null : Math.round(Number(r.avg_late) * 100) / 100,
    };
  });
  return { from, to, rows };
}
