import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { addCalendarDays, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import type { CaseDetail, CaseExportQuery, CaseListQuery, CaseView } from '../../../../core/cases/cases.schema.ts';
import type { Db } from '../../../db/client.ts';
import { customerCases, customers, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { readTimeline, timelineTitle } from '../../../timeline/timeline.ts';
import { caseAccess } from '../case-visibility.ts';
import { CASE_SUBJECT, STEP_ANSWER } from '../case-events.ts';
import { escapeLike } from '../../../kernel/text-search.ts';

/** Read models of customer inquiries and complaints. */

const assignee = alias(users, 'case_assignee');
const receiver = alias(users, 'case_owner');
const SORT: Record<string, AnyPgColumn> = {
  receivedAt: customerCases.receivedAt,
  code: customerCases.code,
  state: customerCases.state,
  updatedAt: customerCases.updatedAt,
};
const dueSql = sql<
  Date | string | null
>`(SELECT d.due_at FROM deadlines d WHERE d.subject_type = ${CASE_SUBJECT} AND d.subject_id = ${customerCases.id}::text AND d.step = ${STEP_ANSWER} ORDER BY (d.state <> 'cancelled') DESC, d.created_at DESC LIMIT 1)`;
const dlStateSql = sql<
  string | null
>`(SELECT d.state FROM deadlines d WHERE d.subject_type = ${CASE_SUBJECT} AND d.subject_id = ${customerCases.id}::text AND d.step = ${STEP_ANSWER} ORDER BY (d.state <> 'cancelled') DESC, d.created_at DESC LIMIT 1)`;

async function listCondition(db: Db, actor: Actor, q: CaseExportQuery, now: Date): Promise<SQL | undefined> {
  const conds: Array<SQL | undefined> = [await caseAccess(db, actor)];
  if (q.kind) conds.push(eq(customerCases.kind, q.kind));
  if (q.state) conds.push(eq(customerCases.state, q.state));
  if (q.assigneeId) conds.push(eq(customerCases.assigneeId, q.assigneeId));
  if (q.customerId) conds.push(eq(customerCases.customerId, q.customerId));
  if (q.mine === 'true')
    conds.push(actor.userId ? or(eq(customerCases.assigneeId, actor.userId), eq(customerCases.ownerUserId, actor.userId)) : sql`FALSE`);
  if (q.overdue === 'true') conds.push(inArray(customerCases.state, ['open', 'assigned']), sql`${dueSql} < ${now}`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(sql`${customerCases.subject} ILIKE ${like}`, sql`${customerCases.code} ILIKE ${like}`, sql`${customers.name} ILIKE ${like}`),
    );
  }
  if (q.from) conds.push(gte(customerCases.receivedAt, shanghaiInstant(q.from, 0)));
  if (q.to) conds.push(lt(customerCases.receivedAt, shanghaiInstant(addCalendarDays(q.to, 1), 0)));
  return and(...conds);
}

function baseSelect(db: Db) {
  return db
    .select({
      c: customerCases,
      customerName: customers.name,
      assigneeName: assignee.displayName,
      ownerName: receiver.displayName,
      dueAt: dueSql,
      dlState: dlStateSql,
    })
    .from(customerCases)
    .leftJoin(customers, eq(customers.id, customerCases.customerId))
    .leftJoin(assignee, eq(assignee.id, customerCases.assigneeId))
    .leftJoin(receiver, eq(receiver.id, customerCases.ownerUserId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>['execute']>>[number];

function toView(r: Row, now: Date): CaseView {
  const c = r.c;
  const due = r.dueAt ? new Date(r.dueAt) : null;
  const open = c.state === 'open' || c.state === 'assigned';
  return {
    id: c.id,
    code: c.code,
    kind: c.kind as CaseView['kind'],
    state: c.state as CaseView['state'],
    customerId: c.customerId,
    customerName: r.customerName,
    projectId: c.projectId,
    subject: c.subject,
    content: c.content,
    channel: c.channel,
    receivedAt: c.receivedAt.toISOString(),
    assigneeId: c.assigneeId,
    assigneeName: r.assigneeName,
    answer: c.answer,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    ownerUserId: c.ownerUserId,
    ownerName: r.ownerName,
    dueAt: due?.toISOString() ?? null,
    deadlineState: r.dlState,
    overdue: open && due !== null && due.getTime() < now.getTime(),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

function orderOf(sort: string): SQL[] {
  const d = sort.startsWith('-');
  const col = SORT[d ? sort.slice(1) : sort] ?? customerCases.receivedAt;
  return [d ? desc(col) : asc(col), d ? desc(customerCases.id) : asc(customerCases.id)];
}

export async function listCases(db: Db, actor: Actor, q: CaseListQuery, now: Date) {
  const where = await listCondition(db, actor, q, now);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total =
    (await db.select({ n: count() }).from(customerCases).leftJoin(customers, eq(customers.id, customerCases.customerId)).where(where))[0]
      ?.n ?? 0;
  return { items: rows.map((r) => toView(r, now)), total, page: q.page, pageSize: q.pageSize };
}

export async function getCaseDetail(db: Db, actor: Actor, id: string, now: Date): Promise<CaseDetail | null> {
  const cond = await caseAccess(db, actor);
  const r = (
    await baseSelect(db)
      .where(and(eq(customerCases.id, id), cond))
      .limit(1)
  )[0];
  if (!r) return null;
  const view = toView(r, now);
  const entries = r.c.customerId
    ? (await readTimeline(db, { customerId: r.c.customerId }, { limit: 200 })).filter(
        (e) => e.entityType === 'customer_case' && e.entityId === id,
      )
    : [];
  const names = new Map<string, string>();
  const ids = [...new Set(entries.map((e) => e.actorId).filter((x): x is string => Boolean(x)))];
  if (ids.length)
    for (const u of await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, ids))) names.set(u.id, u.n);
  const manage = hasPermission(actor, 'case.manage');
  const open = view.state === 'open' || view.state === 'assigned';
  return {
    ...view,
    timeline: entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      title: timelineTitle(e, actor.locale),
      summary: e.summary,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    })),
    can: {
      edit: manage && view.state !== 'closed',
      assign: manage && open,
      answer: open && (manage || view.assigneeId === actor.userId),
      close: manage && view.state !== 'closed',
    },
  };
}

/** Every case of the filtered list, in batches (for the .xlsx export). */
export async function* caseRowsForExport(db: Db, actor: Actor, q: CaseExportQuery, now: Date): AsyncGenerator<CaseView> {
  const where = await listCondition(db, actor, q, now);
  for (let offset = 0; ; offset += 1000) {
    const rows = await baseSelect(db)
      .where(where)
      .orderBy(...orderOf(q.sort))
      .limit(1000)
      .offset(offset);
    for (const r of rows) yield toView(r, now);
    if (rows.length < 1000) break;
  }
}
