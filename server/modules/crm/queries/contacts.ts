import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { maskPhone } from '../../../../core/crm/phone.ts';
import type { ContactExportQuery, ContactListQuery, ContactView } from '../../../../core/crm/crm.schema.ts';
import type { Db } from '../../../db/client.ts';
import { contacts, customers, partners } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { contactVisibility } from '../contact-visibility.ts';
import { searchCondition } from '../../../kernel/text-search.ts';
import { refuseOversizedExport } from './export-limit.ts';

/**
 * Contacts of customers and partners. A contact is visible exactly when its customer (or partner)
 * is; it may be changed by whoever may change that customer (or partner). Phones are masked
 * (138****1234) for readers without `contact.phone`, on every path.
 */

/** The phone as this reader may see it. */
export function phoneFor(actor: Actor, phone: string | null): { phone: string | null; phoneMasked: boolean } {
  if (!phone || hasPermission(actor, 'contact.phone')) return { phone, phoneMasked: false };
  return { phone: maskPhone(phone), phoneMasked: true };
}

const SORT_COLUMNS = {
  name: contacts.name,
  updatedAt: contacts.updatedAt,
  createdAt: contacts.createdAt,
  decisionRole: contacts.decisionRole,
} as const;

function orderOf(sort: string): SQL[] {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  const col = SORT_COLUMNS[key] ?? contacts.updatedAt;
  return [desc ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`, sql`${contacts.id} ASC`];
}

function baseSelect(db: Db) {
  return db
    .select({ ct: contacts, customerName: customers.name, partnerName: partners.name })
    .from(contacts)
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(partners, eq(partners.id, contacts.partnerId));
}

type Row = { ct: typeof contacts.$inferSelect; customerName: string | null; partnerName: string | null };

function toView(actor: Actor, r: Row): ContactView {
  const c = r.ct;
  return {
    id: c.id,
    customerId: c.customerId,
    customerName: r.customerName,
    partnerId: c.partnerId,
    partnerName: r.partnerName,
    name: c.name,
    title: c.title,
    decisionRole: c.decisionRole,
    ...phoneFor(actor, c.phone),
    email: c.email,
    wechat: c.wechat,
    notes: c.notes,
    archived: c.archivedAt !== null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

async function listConditions(db: Db, actor: Actor, q: ContactExportQuery): Promise<SQL | undefined> {
  const conds: SQL[] = [await contactVisibility(db, actor, 'read')];
  if (q.customerId) conds.push(eq(contacts.customerId, q.customerId));
  if (q.partnerId) conds.push(eq(contacts.partnerId, q.partnerId));
  if (q.decisionRole) conds.push(eq(contacts.decisionRole, q.decisionRole));
  if (q.includeArchived !== 'true') conds.push(sql`${contacts.archivedAt} IS NULL`);
  const s = searchCondition(sql`${contacts.searchText}`, q.q, !hasPermission(actor, 'contact.phone'));
  if (s) conds.push(s);
  return and(...conds);
}

function countQuery(db: Db, where: SQL | undefined) {
  return db
    .select({ n: count() })
    .from(contacts)
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .where(where);
}

/** Contacts the actor may see (of one customer / partner, or all), one page with the total. */
export async function listContacts(db: Db, actor: Actor, q: ContactListQuery) {
  const where = await listConditions(db, actor, q);
  const [total] = await countQuery(db, where);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => toView(actor, r)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Every contact of the filtered list, phones masked as for the list, for the export. */
export async function* contactsForExport(db: Db, actor: Actor, q: ContactExportQuery): AsyncGenerator<ContactView> {
  const where = await listConditions(db, actor, q);
  const [total] = await countQuery(db, where);
  refuseOversizedExport(actor, total?.n ?? 0);
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = await baseSelect(db)
      .where(where)
      .orderBy(...orderOf(q.sort))
      .limit(batch)
      .offset(offset);
    for (const r of rows) yield toView(actor, r);
    if (rows.length < batch) break;
  }
}

/** One contact if the actor may see it (else null → 404). */
export async function getContact(db: Db, actor: Actor, id: string): Promise<ContactView | null> {
  const rows = await baseSelect(db)
    .where(and(eq(contacts.id, id), await contactVisibility(db, actor, 'read')))
    .limit(1);
  const r = rows[0];
  return r ? toView(actor, r) : null;
}
