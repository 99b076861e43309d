import { and, desc, eq, sql } from 'drizzle-orm';
import { optionLabel, PROVINCES } from '../../../../core/crm/options.ts';
import { searchTerm } from '../../../../core/crm/search-text.ts';
import type { SearchHit, SearchResult } from '../../../../core/crm/crm.schema.ts';
import type { Db } from '../../../db/client.ts';
import { contacts, customers, leads, partners, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { customerVisibility, leadVisibility, partnerVisibility } from '../../../policies/visibility.ts';
import { searchLike } from '../../../kernel/text-search.ts';
import { contactVisibility } from '../contact-visibility.ts';
import { phoneFor } from './contacts.ts';

/**
 * The global search box: customers, contacts, partners and leads whose `search_text` contains the
 * normalized term (any part of a Chinese name, a credit code, phone digits), newest first, each
 * group limited and filtered by the same visibility as its list. Groups the actor has no
 * permission for come back empty.
 */
export async function globalSearch(db: Db, actor: Actor, q: string, limit: number): Promise<SearchResult> {
  const out: SearchResult = { customers: [], contacts: [], partners: [], leads: [] };
  const term = searchTerm(q);
  if (!term) return out;
  // phone digits are searchable only for readers who may see full numbers
  const hidePhones = !hasPermission(actor, 'contact.phone');
  const en = actor.locale === 'en';
  const sep = ' · ';

  if (hasPermission(actor, 'customer.read')) {
    const rows = await db
      .select({
        id: customers.id,
        name: customers.name,
        creditCode: customers.creditCode,
        province: customers.province,
        ownerName: users.displayName,
      })
      .from(customers)
      .leftJoin(users, eq(users.id, customers.ownerUserId))
      .where(
        and(
          searchLike(sql`${customers.searchText}`, term, false),
          sql`${customers.archivedAt} IS NULL`,
          await customerVisibility(db, actor),
        ),
      )
      .orderBy(desc(customers.updatedAt))
      .limit(limit);
    out.customers = rows.map((r): SearchHit => ({
      id: r.id,
      title: r.name,
      subtitle: [r.creditCode, optionLabel(PROVINCES, r.province, actor.locale), r.ownerName].filter(Boolean).join(sep) || null,
      link: `/customers/${r.id}`,
    }));
  }

  if (hasPermission(actor, 'customer.read') || hasPermission(actor, 'partner.read')) {
    const rows = await db
      .select({
        id: contacts.id,
        name: contacts.name,
        title: contacts.title,
        phone: contacts.phone,
        customerId: contacts.customerId,
        customerName: customers.name,
        partnerId: contacts.partnerId,
        partnerName: partners.name,
      })
      .from(contacts)
      .leftJoin(customers, eq(customers.id, contacts.customerId))
      .leftJoin(partners, eq(partners.id, contacts.partnerId))
      .where(
        and(
          searchLike(sql`${contacts.searchText}`, term, hidePhones),
          sql`${contacts.archivedAt} IS NULL`,
          await contactVisibility(db, actor, 'read'),
        ),
      )
      .orderBy(desc(contacts.updatedAt))
      .limit(limit);
    out.contacts = rows.map((r): SearchHit => ({
      id: r.id,
      title: r.title ? `${r.name}（${r.title}）` : r.name,
      subtitle: [r.customerName ?? r.partnerName, phoneFor(actor, r.phone).phone].filter(Boolean).join(sep) || null,
      link: r.customerId ? `/customers/${r.customerId}?tab=contacts` : `/partners/${r.partnerId ?? ''}?tab=contacts`,
    }));
  }

  if (hasPermission(actor, 'partner.read')) {
    const rows = await db
      .select({ id: partners.id, name: partners.name, kind: partners.kind, creditCode: partners.creditCode, ownerName: users.displayName })
      .from(partners)
      .leftJoin(users, eq(users.id, partners.ownerUserId))
      .where(
        and(searchLike(sql`${partners.searchText}`, term, false), sql`${partners.archivedAt} IS NULL`, await partnerVisibility(db, actor)),
      )
      .orderBy(desc(partners.updatedAt))
      .limit(limit);
    out.partners = rows.map((r): SearchHit => ({
      id: r.id,
      title: r.name,
      subtitle:
        [r.kind === 'dealer' ? (en ? 'Dealer' : '经销商') : en ? 'Channel partner' : '渠道商', r.creditCode, r.ownerName]
          .filter(Boolean)
          .join(sep) || null,
      link: `/partners/${r.id}`,
    }));
  }

  if (hasPermission(actor, 'lead.read')) {
    const rows = await db
      .select({ id: leads.id, code: leads.code, title: leads.title, customerName: leads.customerName })
      .from(leads)
      .where(and(searchLike(sql`${leads.searchText}`, term, hidePhones), await leadVisibility(db, actor)))
      .orderBy(desc(leads.registeredAt))
      .limit(limit);
    out.leads = rows.map((r): SearchHit => ({
      id: r.id,
      title: r.title,
      subtitle: [r.code, r.customerName].filter(Boolean).join(sep) || null,
      link: `/leads/${r.id}`,
    }));
  }
  return out;
}
