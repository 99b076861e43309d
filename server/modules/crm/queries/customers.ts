import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type {
  CustomerExportQuery,
  CustomerListItem,
  CustomerListQuery,
  CustomerView,
  TimelinePage,
  TimelineQuery,
} from '../../../../core/crm/crm.schema.ts';
import { AppError } from '../../../../core/errors.ts';
import type { Db } from '../../../db/client.ts';
import { customers, departments, users } from '../../../db/schema.ts';
import { searchCondition } from '../../../kernel/text-search.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { customerVisibility } from '../../../policies/visibility.ts';
import { readTimeline, timelineTitle } from '../../../timeline/timeline.ts';
import { refuseOversizedExport } from './export-limit.ts';

/** Customer read models: list, detail, export rows and the timeline (duplicates and shares: duplicates.ts, shares.ts). */

/** A condition that is TRUE for records the actor may change with `permission` (FALSE without it). */
export async function mayCondition(db: Db, actor: Actor, permission: 'customer.manage' | 'customer.transfer'): Promise<SQL> {
  return hasPermission(actor, permission) ? customerVisibility(db, actor, permission) : sql`FALSE`;
}

const SORT_COLUMNS = {
  name: customers.name,
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  level: customers.level,
  status: customers.status,
  province: customers.province,
} as const;

async function listConditions(db: Db, actor: Actor, q: CustomerExportQuery): Promise<SQL | undefined> {
  const conds: SQL[] = [await customerVisibility(db, actor), sql`${customers.archivedAt} IS NULL`];
  const s = searchCondition(sql`${customers.searchText}`, q.q);
  if (s) conds.push(s);
  if (q.owner) {
    const owner = q.owner === 'me' ? actor.userId : q.owner;
    conds.push(owner ? eq(customers.ownerUserId, owner) : sql`FALSE`);
  }
  if (q.status) conds.push(eq(customers.status, q.status));
  if (q.level) conds.push(eq(customers.level, q.level));
  if (q.industry) conds.push(eq(customers.industry, q.industry));
  if (q.province) conds.push(eq(customers.province, q.province));
  if (q.region) conds.push(eq(customers.region, q.region));
  return and(...conds);
}

function orderOf(sort: string): SQL[] {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  const col = SORT_COLUMNS[key] ?? customers.updatedAt;
  return [desc ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`, sql`${customers.id} ASC`];
}

const contactCount = sql<number>`(SELECT count(*)::int FROM contacts ct WHERE ct.customer_id = ${customers.id} AND ct.archived_at IS NULL)`;

function listSelect(db: Db) {
  return db
    .select({
      c: customers,
      ownerName: users.displayName,
      departmentName: departments.name,
      contactCount,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerUserId))
    .leftJoin(departments, eq(departments.id, customers.departmentId));
}

type ListRow = { c: typeof customers.$inferSelect; ownerName: string | null; departmentName: string | null; contactCount: number };

function toListItem(r: ListRow): CustomerListItem {
  const c = r.c;
  return {
    id: c.id,
    name: c.name,
    creditCode: c.creditCode,
    industry: c.industry,
    region: c.region,
    province: c.province,
    level: c.level,
    source: c.source,
    status: c.status,
    ownerUserId: c.ownerUserId,
    ownerName: r.ownerName,
    departmentName: r.departmentName,
    contactCount: Number(r.contactCount),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** The customers the actor may see, filtered, sorted on allow-listed fields, one page with the total. */
export async function listCustomers(db: Db, actor: Actor, q: CustomerListQuery) {
  const where = await listConditions(db, actor, q);
  const [total] = await db.select({ n: count() }).from(customers).where(where);
  const rows = await listSelect(db)
    .where(where)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toListItem), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Every customer of the filtered list (same conditions and order), in batches, for the export. */
export async function* customersForExport(db: Db, actor: Actor, q: CustomerExportQuery): AsyncGenerator<CustomerView> {
  const where = await listConditions(db, actor, q);
  const [total] = await db.select({ n: count() }).from(customers).where(where);
  refuseOversizedExport(actor, total?.n ?? 0);
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = await listSelect(db)
      .where(where)
      .orderBy(...orderOf(q.sort))
      .limit(batch)
      .offset(offset);
    for (const r of rows) {
      yield {
        ...toListItem(r),
        notes: r.c.notes,
        address: r.c.address,
        departmentId: r.c.departmentId,
        can: { edit: false, transfer: false, share: false },
      };
    }
    if (rows.length < batch) break;
  }
}

/** One customer if the actor may see it (else null → 404), with what the actor may do to it. */
export async function getCustomer(db: Db, actor: Actor, id: string): Promise<CustomerView | null> {
  const vis = await customerVisibility(db, actor);
  const edit = await mayCondition(db, actor, 'customer.manage');
  const transfer = await mayCondition(db, actor, 'customer.transfer');
  const rows = await db
    .select({
      c: customers,
      ownerName: users.displayName,
      departmentName: departments.name,
      contactCount,
      canEdit: sql<boolean>`(${edit})`,
      canTransfer: sql<boolean>`(${transfer})`,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerUserId))
    .leftJoin(departments, eq(departments.id, customers.departmentId))
    .where(and(eq(customers.id, id), vis))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  return {
    ...toListItem(r),
    notes: r.c.notes,
    address: r.c.address,
    departmentId: r.c.departmentId,
    // the owner may share their own customer; whoever may transfer may share any in scope
    can: {
      edit: Boolean(r.canEdit),
      transfer: Boolean(r.canTransfer),
      share: Boolean(r.canTransfer) || (Boolean(r.canEdit) && r.c.ownerUserId !== null && r.c.ownerUserId === actor.userId),
    },
  };
}

/** True when the actor may see the customer (used before reading its timeline, shares…). */
export async function customerVisible(db: Db, actor: Actor, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, id), await customerVisibility(db, actor)))
    .limit(1);
  return rows.length > 0;
}

/**
 * The customer's timeline: entries of every module (activities, leads, projects, quotes, tenders…)
 * newest first, keyset-paginated by `before` = the previous page's `nextBefore`.
 */
export async function customerTimeline(db: Db, actor: Actor, id: string, q: TimelineQuery): Promise<TimelinePage> {
  if (!(await customerVisible(db, actor, id))) throw new AppError('not_found');
  let before: { at: Date; id: number } | undefined;
  if (q.before) {
    const [at, n] = q.before.split('_');
    const d = new Date(at ?? '');
    if (!Number.isNaN(d.getTime())) before = { at: d, id: Number(n) };
  }
  const rows = await readTimeline(db, { customerId: id }, { limit: q.limit + 1, before });
  const page = rows.slice(0, q.limit);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((x): x is string => !!x))];
  const names = actorIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, actorIds))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const data = r.data && typeof r.data === 'object' && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : null;
      const link = data && typeof data.link === 'string' ? data.link : null;
      return {
        id: r.id,
        at: r.at.toISOString(),
        kind: r.kind,
        entityType: r.entityType,
        entityId: r.entityId,
        actorId: r.actorId,
        actorName: r.actorId ? (nameOf.get(r.actorId) ?? null) : null,
        title: timelineTitle(r, actor.locale),
        summary: r.summary,
        link,
        data,
      };
    }),
    nextBefore: rows.length > q.limit && last ? `${last.at.toISOString()}_${last.id}` : null,
  };
}
