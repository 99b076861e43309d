import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { creditCodeMessage, creditCodeProblem, normalizeCreditCode } from '../../core/crm/credit-code.ts';
import { companyNameKey, nameSimilarity, SIMILAR_NAME_THRESHOLD } from '../../core/crm/name-key.ts';
import { PHONE_MARK, searchTerm } from '../../core/crm/search-text.ts';
import type {
  CustomerExportQuery, CustomerListItem, CustomerListQuery, CustomerView, DuplicateCheckBody, DuplicateMatch, DuplicateResult, ShareList, TimelinePage, TimelineQuery,
} from '../../core/schemas/customers.schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../db/client.ts';
import { customers, departments, partners, recordShares, users } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { hasPermission } from '../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../policies/visibility.ts';
import { readTimeline } from '../timeline/timeline.ts';
import { escapeLike } from './users.ts';

/** Customer read models: list, detail, export rows, duplicates, shares and the timeline. */

export const MAX_EXPORT_ROWS = 50_000;

/**
 * `search_text LIKE '%term%'` for a free-text filter, or null when the text has nothing
 * searchable. With `hidePhones` (a reader without `contact.phone`) only the part before the
 * phone digits is searched (see core/crm/search-text.ts), so a full number cannot be confirmed.
 */
export function searchCondition(col: SQL, q: string | undefined, hidePhones = false): SQL | null {
  if (!q) return null;
  const term = searchTerm(q);
  if (!term) return sql`FALSE`;
  return searchLike(col, term, hidePhones);
}

/** `col LIKE '%term%'` on a normalized term; phone digits excluded with `hidePhones`. */
export function searchLike(col: SQL, term: string, hidePhones: boolean): SQL {
  const target = hidePhones ? sql`split_part(${col}, ${PHONE_MARK}, 1)` : col;
  return sql`${target} LIKE ${`%${escapeLike(term)}%`}`;
}

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
  const rows = await listSelect(db).where(where).orderBy(...orderOf(q.sort)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toListItem), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Every customer of the filtered list (same conditions and order), in batches, for the export. */
export async function* customersForExport(db: Db, actor: Actor, q: CustomerExportQuery): AsyncGenerator<CustomerView> {
  const where = await listConditions(db, actor, q);
  const [total] = await db.select({ n: count() }).from(customers).where(where);
  if ((total?.n ?? 0) > MAX_EXPORT_ROWS) {
    throw new AppError('validation_failed', {}, {
      fields: { query: actor.locale === 'en' ? `more than ${MAX_EXPORT_ROWS} rows: narrow the filters` : `超过 ${MAX_EXPORT_ROWS} 行，请缩小筛选范围后导出` },
    });
  }
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = await listSelect(db).where(where).orderBy(...orderOf(q.sort)).limit(batch).offset(offset);
    for (const r of rows) {
      yield { ...toListItem(r), notes: r.c.notes, address: r.c.address, departmentId: r.c.departmentId, can: { edit: false, transfer: false, share: false } };
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

/**
 * Existing customers or partners that the given name / credit code would duplicate: the same
 * credit code, or a name whose key is the same or very similar. Records outside the actor's
 * visibility are reported too, but only as "exists, owned by …".
 */
export async function findDuplicates(
  db: Db,
  actor: Actor,
  kind: 'customer' | 'partner',
  input: { name?: string | undefined; creditCode?: string | null | undefined; excludeId?: string | undefined },
): Promise<DuplicateMatch[]> {
  const t = kind === 'customer' ? customers : partners;
  const readPerm = kind === 'customer' ? 'customer.read' : 'partner.read';
  const vis = hasPermission(actor, readPerm)
    ? kind === 'customer' ? await customerVisibility(db, actor) : await partnerVisibility(db, actor)
    : sql`FALSE`;
  const key = input.name ? companyNameKey(input.name) : '';
  const code = input.creditCode ?? null;
  const any: SQL[] = [];
  if (code) any.push(sql`${t.creditCode} = ${code}`);
  const len = [...key].length;
  if (len > 0) {
    any.push(sql`${t.nameKey} = ${key}`);
    if (len >= 2) any.push(sql`${t.nameKey} LIKE ${`%${escapeLike(key)}%`}`);
    if (len >= 4) {
      const chars = [...key];
      any.push(sql`(length(${t.nameKey}) >= 4 AND ${key} LIKE '%' || ${t.nameKey} || '%')`);
      any.push(sql`${t.nameKey} LIKE ${`${escapeLike(chars.slice(0, 4).join(''))}%`}`);
      any.push(sql`${t.nameKey} LIKE ${`%${escapeLike(chars.slice(-4).join(''))}`}`);
    }
  }
  if (any.length === 0) return [];
  const conds: SQL[] = [sql`(${sql.join(any, sql` OR `)})`];
  if (input.excludeId) conds.push(sql`${t.id} <> ${input.excludeId}::uuid`);
  const rows = await db
    .select({
      id: t.id, name: t.name, creditCode: t.creditCode, ownerName: users.displayName, visible: sql<boolean>`(${vis})`,
    })
    .from(t)
    .leftJoin(users, eq(users.id, t.ownerUserId))
    .where(and(...conds))
    .orderBy(sql`(${t.nameKey} = ${key}) DESC`, asc(t.name))
    .limit(200);
  const out: DuplicateMatch[] = [];
  for (const r of rows) {
    const byCode = code !== null && r.creditCode === code;
    const similarity = input.name ? nameSimilarity(input.name, r.name) : 0;
    if (!byCode && similarity < SIMILAR_NAME_THRESHOLD) continue;
    const visible = Boolean(r.visible);
    out.push({
      visible,
      id: visible ? r.id : null,
      name: visible ? r.name : null,
      creditCode: visible ? r.creditCode : null,
      ownerName: r.ownerName,
      reason: byCode ? 'credit_code' : 'name',
      similarity: byCode ? 1 : similarity,
    });
  }
  out.sort((a, b) => (a.reason === b.reason ? b.similarity - a.similarity : a.reason === 'credit_code' ? -1 : 1));
  return out.slice(0, 10);
}

/** The duplicate check of the create/edit forms: the matches, and what is wrong with the credit code if anything. */
export async function checkDuplicates(db: Db, actor: Actor, kind: 'customer' | 'partner', body: DuplicateCheckBody): Promise<DuplicateResult> {
  let creditCode: string | null = null;
  let creditCodeError: string | null = null;
  if (body.creditCode) {
    const code = normalizeCreditCode(body.creditCode);
    const p = creditCodeProblem(code);
    if (p) creditCodeError = creditCodeMessage(p, actor.locale);
    else creditCode = code;
  }
  const matches = await findDuplicates(db, actor, kind, { name: body.name, creditCode, excludeId: body.excludeId });
  return { matches, creditCodeError };
}

/** The colleagues a customer or partner is explicitly shared with. */
export async function listShares(db: Db, entityType: 'customer' | 'partner', entityId: string): Promise<ShareList> {
  const grantor = sql`(SELECT g.display_name FROM users g WHERE g.id = ${recordShares.grantedBy})`;
  const rows = await db
    .select({
      userId: recordShares.userId,
      displayName: users.displayName,
      departmentName: departments.name,
      grantedByName: sql<string | null>`${grantor}`,
      createdAt: recordShares.createdAt,
    })
    .from(recordShares)
    .innerJoin(users, eq(users.id, recordShares.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(recordShares.entityType, entityType), eq(recordShares.entityId, entityId)))
    .orderBy(asc(users.displayName));
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/** True when the actor may see the customer (used before reading its timeline, shares…). */
export async function customerVisible(db: Db, actor: Actor, id: string): Promise<boolean> {
  const rows = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, id), await customerVisibility(db, actor))).limit(1);
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
        actorName: r.actorId ? nameOf.get(r.actorId) ?? null : null,
        title: r.title,
        summary: r.summary,
        link,
        data,
      };
    }),
    nextBefore: rows.length > q.limit && last ? `${last.at.toISOString()}_${last.id}` : null,
  };
}
