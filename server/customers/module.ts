import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { buildSearchText, PHONE_MARK } from '../../core/crm/search-text.ts';
import { contacts } from '../db/schema.ts';
import { registerModuleSetup } from '../modules.ts';
import { registerEventType } from '../notifications/notify.ts';

/**
 * Customers, contacts and channel partners (PRODUCT.md §3.2): notification event types. The
 * records themselves live in server/db/schema-crm.ts; use cases in server/commands/*-customer.ts,
 * *-partner.ts, *-contact.ts; the import/export framework in server/imports/.
 */
export const EVENT_CUSTOMER_TRANSFERRED = 'customer.transferred';
export const EVENT_PARTNER_TRANSFERRED = 'partner.transferred';
export const EVENT_RECORD_SHARED = 'crm.shared';

// Parameters: name (the record), from (previous owner), by (who transferred), note.
registerEventType({
  type: EVENT_CUSTOMER_TRANSFERRED,
  labelZh: '客户转交给我',
  labelEn: 'A customer was transferred to me',
  templates: {
    'zh-CN': { title: '客户转交：{name}', body: '{by} 将客户「{name}」（原负责人：{from}）转交给您负责。{note}' },
    en: { title: 'Customer transferred: {name}', body: '{by} transferred the customer "{name}" (previous owner: {from}) to you. {note}' },
  },
  defaultChannels: ['inapp', 'email'],
});

registerEventType({
  type: EVENT_PARTNER_TRANSFERRED,
  labelZh: '渠道商转交给我',
  labelEn: 'A channel partner was transferred to me',
  templates: {
    'zh-CN': { title: '渠道商转交：{name}', body: '{by} 将渠道商 / 经销商「{name}」（原负责人：{from}）转交给您负责。{note}' },
    en: { title: 'Partner transferred: {name}', body: '{by} transferred the partner "{name}" (previous owner: {from}) to you. {note}' },
  },
  defaultChannels: ['inapp', 'email'],
});

// Parameters: name, kind / kindEn (客户 / customer), by.
registerEventType({
  type: EVENT_RECORD_SHARED,
  labelZh: '客户或渠道商共享给我',
  labelEn: 'A customer or partner was shared with me',
  templates: {
    'zh-CN': { title: '{kind}共享：{name}', body: '{by} 将{kind}「{name}」共享给您查看。' },
    en: { title: 'Shared {kindEn}: {name}', body: '{by} shared the {kindEn} "{name}" with you.' },
  },
  defaultChannels: ['inapp'],
});

/**
 * Contacts saved before phone digits moved behind `PHONE_MARK` in `search_text` (so that readers
 * without `contact.phone` cannot find a contact by its number) get their search text rewritten
 * once; afterwards the query finds nothing to do.
 */
registerModuleSetup('customers', async (db) => {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, wechat: contacts.wechat, phone: contacts.phone })
      .from(contacts)
      .where(and(isNotNull(contacts.phone), sql`strpos(${contacts.searchText}, ${PHONE_MARK}) = 0`, gt(contacts.id, after)))
      .orderBy(asc(contacts.id))
      .limit(500);
    for (const r of rows) {
      await db.update(contacts).set({ searchText: buildSearchText([r.name, r.email, r.wechat], [r.phone]) }).where(eq(contacts.id, r.id));
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < 500) break;
    after = last.id;
  }
});
