/**
 * The CRM records: customers (with valid unified social credit codes), their contacts, the
 * channel partners and the leads.
 */
import { sql } from 'drizzle-orm';
import { CUSTOMER_SOURCES, PARTNER_LEVELS } from '../../../core/crm/options.ts';
import { CONTACT_TITLES, DECISION_ROLES } from '../names.ts';
import type { SeedContext } from './context.ts';
import { CITY, INDUSTRY_VALUE, PROVINCE, REGION, companyLateral, nameKey, personSql, searchText } from './names-sql.ts';
import { CHUNK, H, U, exec, pick, ranges, raw, textArray } from './sql.ts';

/** customers: 1…projectCustomers carry the projects; the rest are prospects, a tenth of them unowned (公海) */
export async function seedCustomers(ctx: SeedContext): Promise<void> {
  const { db, nowSql: NOW } = ctx;
  const { customers: C, projectCustomers: PC } = ctx.sizes;
  const { amIds: AM_ID, amDepts: AM_DEPT, amCount: AM_N } = ctx.staff;
  for (const [from, to] of ranges(C, CHUNK)) {
    const ownerIdx = `CASE WHEN g <= ${PC} THEN (g - 1) % ${AM_N} ELSE ${H('g', 11)} % ${AM_N} END`;
    const owned = `(g <= ${PC} OR ${H('g', 12)} % 10 <> 0)`;
    await exec(
      db,
      raw(`
      INSERT INTO customers (id, name, name_key, credit_code, industry, region, province, level, source, status, address,
        owner_user_id, department_id, search_text, created_by, version, created_at, updated_at)
      SELECT ${U('cust', 'g')}, co.name, ${nameKey('co.name')}, co.credit_code, ${INDUSTRY_VALUE}[1 + co.ind_i], ${REGION}[1 + co.city_i],
        ${PROVINCE}[1 + co.city_i], ${pick(textArray(['A', 'B', 'C', 'D']), 4, H('g', 13))},
        ${pick(textArray(CUSTOMER_SOURCES.map((x) => x.value)), CUSTOMER_SOURCES.length, H('g', 14))},
        CASE WHEN g <= ${PC} THEN (CASE WHEN g % 3 = 0 THEN 'following' ELSE 'cooperating' END)
          ELSE (CASE WHEN g % 7 = 0 THEN 'dormant' ELSE 'potential' END) END,
        ${CITY}[1 + co.city_i] || '市' || (1 + ${H('g', 15)} % 300)::text || '号',
        CASE WHEN ${owned} THEN (${AM_ID})[1 + ${ownerIdx}] END,
        CASE WHEN ${owned} THEN (${AM_DEPT})[1 + ${ownerIdx}] END,
        ${searchText(['co.name', 'co.credit_code'])}, (${AM_ID})[1 + ${ownerIdx}], 1,
        ${NOW} - (${H('g', 16)} % 1500) * interval '1 day', ${NOW} - (${H('g', 17)} % 200) * interval '1 day'
      FROM generate_series(${from}, ${to}) AS g CROSS JOIN ${companyLateral('g - 1', 'co')}`),
    );
  }
}

/** contacts: two per project customer first, then one for some prospects */
export async function seedContacts(ctx: SeedContext): Promise<void> {
  const { db, nowSql: NOW } = ctx;
  const { customers: C, projectCustomers: PC, contacts: CT } = ctx.sizes;
  const firstRound = Math.min(CT, 2 * PC);
  const others = Math.max(1, C - PC);
  for (const [from, to] of ranges(CT, CHUNK)) {
    const cust = `CASE WHEN g <= ${firstRound} THEN 1 + (g - 1) % ${PC} ELSE ${PC} + 1 + (g - 1) % ${others} END`;
    await exec(
      db,
      raw(`
      INSERT INTO contacts (id, customer_id, name, title, decision_role, phone, email, search_text, created_at, updated_at)
      SELECT ${U('contact', 'g')}, ${U('cust', cust)}, x.name, ${pick(textArray(CONTACT_TITLES), CONTACT_TITLES.length, H('g', 21))},
        ${pick(textArray(DECISION_ROLES), DECISION_ROLES.length, H('g', 22))}, x.phone, 'c' || g || '@example.cn',
        ${searchText(['x.name', `'c' || g || '@example.cn'`], ['x.phone'])}, ${NOW} - (${H('g', 23)} % 900) * interval '1 day', ${NOW}
      FROM generate_series(${from}, ${to}) AS g
      CROSS JOIN LATERAL (SELECT ${personSql('g', 100)} AS name,
        '1' || (3 + ${H('g', 24)} % 7)::text || lpad(((g::bigint * 7919 + 424242) % 1000000000)::text, 9, '0') AS phone) x`),
    );
  }
}

/** partners (channel partners / dealers): company numbers far above the customers' */
export async function seedPartners(ctx: SeedContext): Promise<void> {
  const { db, nowSql: NOW } = ctx;
  const { partners: PT } = ctx.sizes;
  const { amIds: AM_ID, amDepts: AM_DEPT, amCount: AM_N } = ctx.staff;
  const base = 2_000_000;
  await exec(
    db,
    raw(`
    INSERT INTO partners (id, name, name_key, kind, credit_code, region, province, level, status, owner_user_id, department_id,
      search_text, created_at, updated_at)
    SELECT ${U('partner', 'g')}, co.name, ${nameKey('co.name')}, CASE WHEN g % 3 = 0 THEN 'dealer' ELSE 'channel' END, co.credit_code,
      ${REGION}[1 + co.city_i], ${PROVINCE}[1 + co.city_i], ${pick(textArray(PARTNER_LEVELS.map((x) => x.value)), PARTNER_LEVELS.length, H('g', 31))}, 'active',
      (${AM_ID})[1 + (g - 1) % ${AM_N}], (${AM_DEPT})[1 + (g - 1) % ${AM_N}], ${searchText(['co.name', 'co.credit_code'])},
      ${NOW} - (${H('g', 32)} % 1500) * interval '1 day', ${NOW}
    FROM generate_series(1, ${PT}) AS g CROSS JOIN ${companyLateral(`g - 1 + ${base}`, 'co')}`),
  );
}

/** leads (信息 / 线索), search text as leadSearchText: code, title, customer, its name key, contact + phone */
export async function seedLeads(ctx: SeedContext): Promise<void> {
  const { db, nowSql: NOW } = ctx;
  const { customers: C, leads: LD } = ctx.sizes;
  const { amIds: AM_ID, amDepts: AM_DEPT, amCount: AM_N } = ctx.staff;
  const states = textArray(['registered', 'closed', 'assigned', 'evaluating', 'evaluated', 'converted', 'forwarded']);
  const channels = textArray([
    'web',
    'partner',
    'phone',
    'fax',
    'email',
    'prospecting',
    'exhibition',
    'customer_referral',
    'partner_referral',
    'tender_site',
  ]);
  for (const [from, to] of ranges(LD, CHUNK)) {
    const cust = `1 + ${H('g', 41)} % ${C}`;
    const owner = `(${AM_ID})[1 + ${H('g', 47)} % ${AM_N}]`;
    await exec(
      db,
      raw(`
      INSERT INTO leads (id, code, title, channel, customer_id, customer_name, contact_name, contact_phone, description,
        estimated_amount_fen, state, registered_by, registered_at, assignee_id, owner_user_id, department_id, search_text, created_at, updated_at)
      SELECT ${U('lead', 'g')}, x.code, x.title, ${pick(channels, 10, H('g', 43))}, CASE WHEN g % 2 = 0 THEN ${U('cust', cust)} END, co.name,
        x.contact, x.phone, '客户来电咨询，需进一步了解需求。', (50000 + ${H('g', 45)} % 5000000)::bigint * 100, ${pick(states, 7, H('g', 46))},
        ${owner}, x.at, ${owner}, ${owner}, (${AM_DEPT})[1 + ${H('g', 47)} % ${AM_N}],
        ${searchText(['x.code', 'x.title', 'co.name', nameKey('co.name'), 'x.contact'], ['x.phone'])}, x.at, ${NOW}
      FROM generate_series(${from}, ${to}) AS g
      CROSS JOIN ${companyLateral(`(${cust}) - 1`, 'co')}
      CROSS JOIN LATERAL (SELECT 'XS-2025-' || lpad(g::text, 5, '0') AS code,
        co.name || ${pick(textArray(['采购信息', '项目需求', '招标预告', '合作意向']), 4, H('g', 42))} AS title, ${personSql('g', 200)} AS contact,
        '1' || (3 + ${H('g', 44)} % 7)::text || lpad(((g::bigint * 7919 + 777) % 1000000000)::text, 9, '0') AS phone,
        ${NOW} - (${H('g', 48)} % 700) * interval '1 day' AS at) x`),
    );
  }
  await exec(
    db,
    sql`INSERT INTO counters (key, value) VALUES ('XS-2025', ${LD}) ON CONFLICT (key) DO UPDATE SET value = GREATEST(counters.value, EXCLUDED.value)`,
  );
}
