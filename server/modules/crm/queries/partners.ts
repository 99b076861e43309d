import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { PartnerExportQuery, PartnerListItem, PartnerListQuery, PartnerView } from '../../../../core/crm/crm.schema.ts';
import type { Db } from '../../../db/client.ts';
import { departments, partners, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { partnerVisibility } from '../../../policies/visibility.ts';
import { searchCondition } from '../../../kernel/text-search.ts';
import { refuseOversizedExport } from './export-limit.ts';

/** Channel partner / dealer read models: list, detail, export rows. */

const SORT_COLUMNS = {
  name: partners.name,
  updatedAt: partners.updatedAt,
  createdAt: partners.createdAt,
  level: partners.level,
  status: partners.status,
  kind: partners.kind,
} as const;

async function listConditions(db: Db, actor: Actor, q: PartnerExportQuery): Promise<SQL | undefined> {
  const conds: SQL[] = [await partnerVisibility(db, actor), sql`${partners.archivedAt} IS NULL`];
  const s = searchCondition(sql`${partners.searchText}`, q.q);
  if (s) conds.push(s);
  if (q.owner) {
    const owner = q.owner === 'me' ? actor.userId : q.owner;
    conds.push(owner ? eq(partners.ownerUserId, owner) : sql`FALSE`);
  }
  if (q.kind) conds.push(eq(partners.kind, q.kind));
  if (q.status) conds.push(eq(partners.status, q.status));
  if (q.level) conds.push(eq(partners.level, q.level));
  if (q.province) conds.push(eq(partners.province, q.province));
  if (q.region) conds.push(eq(partners.region, q.region));
  return and(...conds);
}

function orderOf(sort: string): SQL[] {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  const col = SORT_COLUMNS[key] ?? partners.updatedAt;
  return [desc ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`, sql`${partners.id} ASC`];
}

const contactCount = sql<number>`(SELECT count(*)::int FROM contacts ct WHERE ct.partner_id = ${partners.id} AND ct.archived_at IS NULL)`;

function listSelect(db: Db) {
  return db
    .select({ p: partners, ownerName: users.displayName, departmentName: departments.name, contactCount })
    .from(partners)
    .leftJoin(users, eq(users.id, partners.ownerUserId))
    .leftJoin(departments, eq(departments.id, partners.departmentId));
}

type ListRow = { p: typeof partners.$inferSelect; ownerName: string | null; departmentName: string | null; contactCount: number };

function toListItem(r: ListRow): PartnerListItem {
  const p = r.p;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    creditCode: p.creditCode,
    region: p.region,
    province: p.province,
    level: p.level,
    status: p.status,
    ownerUserId: p.ownerUserId,
    ownerName: r.ownerName,
    departmentName: r.departmentName,
    contactCount: Number(r.contactCount),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

/** The partners the actor may see, filtered, sorted, one page with the total. */
export async function listPartners(db: Db, actor: Actor, q: PartnerListQuery) {
  const where = await listConditions(db, actor, q);
  const [total] = await db.select({ n: count() }).from(partners).where(where);
  const rows = await listSelect(db)
    .where(where)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toListItem), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Every partner of the filtered list, for the export. */
export async function* partnersForExport(db: Db, actor: Actor, q: PartnerExportQuery): AsyncGenerator<PartnerView> {
  const where = await listConditions(db, actor, q);
  const [total] = await db.select({ n: count() }).from(partners).where(where);
  refuseOversizedExport(actor, total?.n ?? 0);
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = await listSelect(db)
      .where(where)
      .orderBy(...orderOf(q.sort))
      .limit(batch)
      .offset(offset);
    for (const r of rows)
      yield {
        ...toListItem(r),
        notes: r.p.notes,
        address: r.p.address,
        departmentId: r.p.departmentId,
        can: { edit: false, transfer: false, share: false },
      };
    if (rows.length < batch) break;
  }
}

/** One partner if the actor may see it (else null → 404). */
export async function getPartner(db: Db, actor: Actor, id: string): Promise<PartnerView | null> {
  const vis = await partnerVisibility(db, actor);
  const manage = hasPermission(actor, 'partner.manage') ? await partnerVisibility(db, actor, 'partner.manage') : sql`FALSE`;
  const rows = await db
    .select({
      p: partners,
      ownerName: users.displayName,
      departmentName: departments.name,
      contactCount,
      canManage: sql<boolean>`(${manage})`,
    })
    .from(partners)
    .leftJoin(users, eq(users.id, partners.ownerUserId))
    .leftJoin(departments, eq(departments.id, partners.departmentId))
    .where(and(eq(partners.id, id), vis))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  const can = Boolean(r.canManage);
  return {
    ...toListItem(r),
    notes: r.p.notes,
    address: r.p.address,
    departmentId: r.p.departmentId,
    can: { edit: can, transfer: can, share: can },
  };
}

/** True when the actor may see the partner. */
export async function partnerVisible(db: Db, actor: Actor, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.id, id), await partnerVisibility(db, actor)))
    .limit(1);
  return rows.length > 0;
}
