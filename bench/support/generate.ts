/**
 * Benchmark data set for the presales-project and customer endpoints (issues 4 and 5): a
 * company of ~200 users in 13 departments with the default roles, customers with valid unified
 * social credit codes, contacts, partners, leads, projects spread over the stages with their
 * teams and stage history, activities, timeline entries, open deadlines and pending approvals.
 *
 * Everything is set-based SQL (`INSERT … SELECT … FROM generate_series`) written straight into
 * the application's tables, chunked so one statement never holds more than ~100,000 rows, on
 * PGlite and PostgreSQL alike. Values are deterministic functions of the row number (hashint8),
 * and ids are deterministic UUIDs (`uid(kind, n)` = md5 with version-4 bits), so rows reference
 * each other by number without joins and two runs produce the same data.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../../server/db/client.ts';
import { rowsOf } from '../../server/db/client.ts';
import { approvalChains, departments, roles, userRoles, users } from '../../server/db/schema.ts';
import { bootstrap } from '../../server/commands/bootstrap.ts';
import { generateTrackingRows } from '../../server/modules/project-tracking/commands/generate-tracking-rows.ts';
import { mondayOf } from '../../core/projects/rules.ts';
import { shanghaiDate } from '../../core/calendar/working-calendar.ts';
import { CUSTOMER_SOURCES, PARTNER_LEVELS } from '../../core/crm/options.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { ensureDeadlinePolicy } from '../../server/deadlines/deadlines.ts';
import { listApprovalProcesses } from '../../server/approvals/processes.ts';
import { ensureChain } from '../../server/approvals/engine.ts';
import {
  CONTACT_TITLES, DECISION_ROLES, GIVEN, INDUSTRIES, ORG_WEIGHTS, PLACES, PROJECT_KINDS, SURNAMES, TRADE_CHARS, USCC_CHARSET,
  USCC_WEIGHTS, INDUSTRY_VALUES, NAME_SPACE, personName, provinceOf, uid,
} from './names.ts';
import { stageModel, type StageModel } from './stages.ts';

export const BENCH_PASSWORD = 'Bench#2026';

export interface Sizes {
  customers: number;
  /** customers 1…projectCustomers carry the projects, activities and most contacts */
  projectCustomers: number;
  contacts: number;
  partners: number;
  leads: number;
  projects: number;
  activities: number;
}

export const DEFAULT_SIZES: Sizes = {
  customers: 100_000,
  projectCustomers: 20_000,
  contacts: 60_000,
  partners: 500,
  leads: 20_000,
  projects: 100_000,
  activities: 1_000_000,
};

export function scaleSizes(base: Sizes, scale: number): Sizes {
  const s = (n: number) => Math.max(1, Math.round(n * scale));
  const out: Sizes = {
    customers: s(base.customers),
    projectCustomers: s(base.projectCustomers),
    contacts: s(base.contacts),
    partners: s(base.partners),
    leads: s(base.leads),
    projects: s(base.projects),
    activities: s(base.activities),
  };
  out.projectCustomers = Math.min(out.projectCustomers, out.customers);
  return out;
}

/** One seeded user: number, id, username, department number and role code. */
export interface BenchUser {
  n: number;
  id: string;
  username: string;
  displayName: string;
  dept: number;
  deptId: string;
  role: string;
}

export interface SeedTiming {
  table: string;
  rows: number;
  seconds: number;
}

export interface Dataset {
  sizes: Sizes;
  users: BenchUser[];
  stages: StageModel;
  timings: SeedTiming[];
  totalSeconds: number;
}

// ---------------------------------------------------------------- organization

interface DeptDef {
  n: number;
  name: string;
  parent: number | null;
}

const DEPTS: DeptDef[] = [
  { n: 1, name: '总经办', parent: null },
  { n: 2, name: '市场部', parent: null },
  { n: 3, name: '华北区', parent: 2 },
  { n: 4, name: '华东区', parent: 2 },
  { n: 5, name: '华南区', parent: 2 },
  { n: 6, name: '西南区', parent: 2 },
  { n: 7, name: '华中区', parent: 2 },
  { n: 8, name: '售前部', parent: null },
  { n: 9, name: '应标小组', parent: 8 },
  { n: 10, name: '技术中心', parent: null },
  { n: 11, name: '财务部', parent: null },
  { n: 12, name: '法务部', parent: null },
  { n: 13, name: '采购部', parent: null },
];

/** 200 users: who sits where with which default role. */
function orgUsers(): Array<{ dept: number; role: string }> {
  const out: Array<{ dept: number; role: string }> = [];
  const add = (dept: number, role: string, count: number) => {
    for (let i = 0; i < count; i++) out.push({ dept, role });
  };
  add(1, 'general_manager', 1);
  add(1, 'advisor', 1);
  add(2, 'sales_director', 3);
  for (let region = 3; region <= 7; region++) {
    add(region, 'marketing_manager', 1);
    add(region, 'sales_supervisor', 2);
    add(region, 'account_manager', 16);
    add(region, 'marketing_assistant', 1);
  }
  add(8, 'presales_manager', 2);
  add(8, 'presales_engineer', 30);
  add(8, 'solution_architect', 10);
  add(9, 'bid_team_leader', 2);
  add(9, 'commercial_specialist', 8);
  add(10, 'technical_group', 25);
  add(11, 'finance', 6);
  add(12, 'legal', 2);
  add(13, 'procurement', 4);
  add(1, 'project_monitor', 6);
  return out;
}

// ---------------------------------------------------------------- SQL helpers

const raw = (s: string) => sql.raw(s);
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (xs: readonly string[]) => `(ARRAY[${xs.map(lit).join(',')}]::text[])`;
const uuidArray = (xs: readonly string[]) => `(ARRAY[${xs.map(lit).join(',')}]::uuid[])`;
/** `uid(kind, n)` in SQL */
const U = (kind: string, expr: string) => `overlay(overlay(md5('${kind}:' || (${expr})::text) placing '4' from 13) placing '8' from 17)::uuid`;
/** a non-negative pseudo-random int from a row number and a salt */
const H = (expr: string, salt: number) => `(hashint8((${expr})::bigint * 1000003 + ${salt}) & 2147483647)`;
/** an element of an SQL array by a non-negative index expression */
const pick = (arr: string, len: number, idx: string) => `(${arr})[1 + ((${idx}) % ${len})]`;

const CITY = textArray(PLACES.map((p) => p[0]));
const PROVINCE = textArray(PLACES.map((p) => provinceOf(p).province));
const REGION = textArray(PLACES.map((p) => provinceOf(p).region));
const DIVISION = textArray(PLACES.map((p) => p[3]));
const INDUSTRY = textArray(INDUSTRIES);
const INDUSTRY_VALUE = textArray(INDUSTRY_VALUES);

/**
 * A LATERAL sub-select naming company number `idx` (0-based, distinct numbers give distinct
 * names and credit codes): columns name, city_i, ind_i, credit_code.
 */
function companyLateral(idx: string, alias: string): string {
  const h = `((${idx})::bigint * 7919 + 12345) % ${NAME_SPACE}`;
  const org8 = `lpad((((${idx})::bigint * 7919 + 1234567) % 100000000)::text, 8, '0')`;
  const orgSum = ORG_WEIGHTS.map((w, i) => `substr(o.org8, ${i + 1}, 1)::int * ${w}`).join(' + ');
  const usccSum = USCC_WEIGHTS.map((w, i) => `(strpos('${USCC_CHARSET}', substr(b.base17, ${i + 1}, 1)) - 1) * ${w}`).join(' + ');
  return `LATERAL (
    SELECT o.name, o.city_i, o.ind_i, b.base17 || substr('${USCC_CHARSET}', 1 + (31 - ((${usccSum}) % 31)) % 31, 1) AS credit_code
    FROM (
      SELECT k.h % ${PLACES.length} AS city_i, (k.h / ${PLACES.length * 3600}) % ${INDUSTRIES.length} AS ind_i, k.org8,
        ${CITY}[1 + k.h % ${PLACES.length}] || substr('${TRADE_CHARS}', 1 + (k.h / ${PLACES.length}) % 60, 1)
          || substr('${TRADE_CHARS}', 1 + (k.h / ${PLACES.length * 60}) % 60, 1) || ${INDUSTRY}[1 + (k.h / ${PLACES.length * 3600}) % ${INDUSTRIES.length}]
          || CASE WHEN (${idx}) % 10 = 0 THEN '股份有限公司' ELSE '有限公司' END AS name
      FROM (SELECT (${h})::int AS h, ${org8} AS org8) k
    ) o
    CROSS JOIN LATERAL (
      SELECT '91' || ${DIVISION}[1 + o.city_i] || o.org8
        || CASE 11 - ((${orgSum}) % 11) WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE (11 - ((${orgSum}) % 11))::text END AS base17
    ) b
  ) ${alias}`;
}

/** name without the company-form suffix, as the duplicate check compares names */
const nameKey = (col: string) => `regexp_replace(${col}, '(股份)?有限(责任)?公司$', '')`;

/**
 * `buildSearchText` (core/crm/search-text.ts) in SQL for our generated values: fields lower-cased
 * without spaces and ASCII punctuation, joined with '|'; phones as digits after the '#' mark.
 */
function searchText(fields: string[], phones: string[] = []): string {
  const text = fields.map((f) => `regexp_replace(lower(${f}), '[[:space:][:punct:]]', '', 'g')`).join(` || '|' || `);
  if (phones.length === 0) return text;
  // phone digits behind PHONE_MARK, as buildSearchText writes them (our generated phones are never empty)
  return `${text} || '#' || ${phones.map((p) => `regexp_replace(${p}, '[^0-9]', '', 'g')`).join(` || '|' || `)}`;
}

/** a Chinese person's name from a row number */
function personSql(expr: string, salt: number): string {
  return `substr('${SURNAMES}', 1 + ${H(expr, salt)} % ${[...SURNAMES].length}, 1) || substr('${GIVEN}', 1 + ${H(expr, salt + 1)} % ${[...GIVEN].length}, 1)
    || CASE WHEN ${H(expr, salt + 2)} % 3 = 0 THEN '' ELSE substr('${GIVEN}', 1 + ${H(expr, salt + 3)} % ${[...GIVEN].length}, 1) END`;
}

async function exec(db: Db, q: SQL): Promise<void> {
  await db.execute(q);
}

async function count(db: Db, q: SQL): Promise<number> {
  return rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0;
}

function ranges(total: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let from = 1; from <= total; from += size) out.push([from, Math.min(total, from + size - 1)]);
  return out;
}

const CHUNK = 100_000;

// ---------------------------------------------------------------- the generator

export interface GenerateOptions {
  now: Date;
  log: (line: string) => void;
  /** the administrator's password for bootstrap */
  adminPassword?: string;
}

export async function generateDataset(database: Database, sizes: Sizes, opts: GenerateOptions): Promise<Dataset> {
  const db = database.db;
  const { now, log } = opts;
  const timings: SeedTiming[] = [];
  const started = performance.now();
  /** runs one seeding step; a step that cannot know its row count up front returns it */
  const timed = async (table: string, planned: number, fn: () => Promise<number | void>) => {
    const t0 = performance.now();
    const counted = await fn();
    const seconds = (performance.now() - t0) / 1000;
    const rows = typeof counted === 'number' ? counted : planned;
    timings.push({ table, rows, seconds });
    log(`  ${table.padEnd(34)} ${rows.toLocaleString('en').padStart(11)} rows  ${seconds.toFixed(1).padStart(6)} s`);
  };
  const nowIso = now.toISOString();
  const NOW = `'${nowIso}'::timestamptz`;

  await timed('bootstrap (roles, admin, calendar)', 1, async () => {
    await bootstrap(db, now, opts.adminPassword ?? BENCH_PASSWORD);
  });

  // ---- departments and users
  const org = orgUsers();
  const benchUsers: BenchUser[] = org.map((u, i) => {
    const n = i + 1;
    return {
      n,
      id: uid('user', n),
      username: `bench${String(n).padStart(3, '0')}`,
      displayName: personName(n + 1000),
      dept: u.dept,
      deptId: uid('dept', u.dept),
      role: u.role,
    };
  });
  const byRole = (role: string) => benchUsers.filter((u) => u.role === role);
  await timed('departments, users, user_roles', DEPTS.length + benchUsers.length, async () => {
    for (const d of DEPTS) {
      await db.insert(departments).values({
        id: uid('dept', d.n), name: d.name, parentId: d.parent ? uid('dept', d.parent) : null, sortOrder: d.n, createdAt: now, updatedAt: now,
      });
    }
    const hash = await hashPassword(BENCH_PASSWORD);
    // each department's head is its first user; a user's manager is the head (or, for a head, the parent's head)
    const head = new Map<number, BenchUser>();
    for (const u of benchUsers) if (!head.has(u.dept)) head.set(u.dept, u);
    const managerOf = (u: BenchUser): string | null => {
      const h = head.get(u.dept);
      if (h && h.n !== u.n) return h.id;
      const parent = DEPTS.find((d) => d.n === u.dept)?.parent;
      const ph = parent ? head.get(parent) : head.get(1);
      return ph && ph.n !== u.n ? ph.id : null;
    };
    await db.insert(users).values(benchUsers.map((u) => ({
      id: u.id, username: u.username, displayName: u.displayName, passwordHash: hash, passwordChangedAt: now,
      departmentId: u.deptId, managerId: managerOf(u), phone: `139${String(10_000_000 + u.n).padStart(8, '0')}`,
      email: `${u.username}@bench.bidflow.cn`, createdAt: now, updatedAt: now,
    })));
    for (const [dept, u] of head) {
      await db.execute(sql`UPDATE departments SET head_user_id = ${u.id}::uuid WHERE id = ${uid('dept', dept)}::uuid`);
    }
    const roleRows = await db.select({ id: roles.id, code: roles.code }).from(roles);
    const roleId = new Map(roleRows.map((r) => [r.code, r.id]));
    await db.insert(userRoles).values(benchUsers.map((u) => {
      const id = roleId.get(u.role);
      if (!id) throw new Error(`default role ${u.role} missing`);
      return { userId: u.id, roleId: id };
    }));
  });

  const ams = byRole('account_manager');
  const AM_ID = uuidArray(ams.map((u) => u.id));
  const AM_DEPT = uuidArray(ams.map((u) => u.deptId));
  const PE_ID = uuidArray(byRole('presales_engineer').concat(byRole('solution_architect')).map((u) => u.id));
  const PE_N = byRole('presales_engineer').length + byRole('solution_architect').length;
  const CS_ID = uuidArray(byRole('commercial_specialist').map((u) => u.id));
  const CS_N = byRole('commercial_specialist').length;
  const MON_ID = uuidArray(byRole('project_monitor').map((u) => u.id));
  const MON_N = byRole('project_monitor').length;
  const AM_N = ams.length;

  const { customers: C, projectCustomers: PC, contacts: CT, partners: PT, leads: LD, projects: P, activities: A } = sizes;
  const stages = await stageModel();

  // ---- customers: 1…PC carry the projects; the rest are prospects, a tenth of them unowned (公海)
  await timed('customers', C, async () => {
    for (const [from, to] of ranges(C, CHUNK)) {
      const ownerIdx = `CASE WHEN g <= ${PC} THEN (g - 1) % ${AM_N} ELSE ${H('g', 11)} % ${AM_N} END`;
      const owned = `(g <= ${PC} OR ${H('g', 12)} % 10 <> 0)`;
      await exec(db, raw(`
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
        FROM generate_series(${from}, ${to}) AS g CROSS JOIN ${companyLateral('g - 1', 'co')}`));
    }
  });

  // ---- contacts: two per project customer first, then one for some prospects
  await timed('contacts', CT, async () => {
    const firstRound = Math.min(CT, 2 * PC);
    const others = Math.max(1, C - PC);
    for (const [from, to] of ranges(CT, CHUNK)) {
      const cust = `CASE WHEN g <= ${firstRound} THEN 1 + (g - 1) % ${PC} ELSE ${PC} + 1 + (g - 1) % ${others} END`;
      await exec(db, raw(`
        INSERT INTO contacts (id, customer_id, name, title, decision_role, phone, email, search_text, created_at, updated_at)
        SELECT ${U('contact', 'g')}, ${U('cust', cust)}, x.name, ${pick(textArray(CONTACT_TITLES), CONTACT_TITLES.length, H('g', 21))},
          ${pick(textArray(DECISION_ROLES), DECISION_ROLES.length, H('g', 22))}, x.phone, 'c' || g || '@example.cn',
          ${searchText(['x.name', `'c' || g || '@example.cn'`], ['x.phone'])}, ${NOW} - (${H('g', 23)} % 900) * interval '1 day', ${NOW}
        FROM generate_series(${from}, ${to}) AS g
        CROSS JOIN LATERAL (SELECT ${personSql('g', 100)} AS name,
          '1' || (3 + ${H('g', 24)} % 7)::text || lpad(((g::bigint * 7919 + 424242) % 1000000000)::text, 9, '0') AS phone) x`));
    }
  });

  // ---- partners (channel partners / dealers): company numbers far above the customers'
  await timed('partners', PT, async () => {
    const base = 2_000_000;
    await exec(db, raw(`
      INSERT INTO partners (id, name, name_key, kind, credit_code, region, province, level, status, owner_user_id, department_id,
        search_text, created_at, updated_at)
      SELECT ${U('partner', 'g')}, co.name, ${nameKey('co.name')}, CASE WHEN g % 3 = 0 THEN 'dealer' ELSE 'channel' END, co.credit_code,
        ${REGION}[1 + co.city_i], ${PROVINCE}[1 + co.city_i], ${pick(textArray(PARTNER_LEVELS.map((x) => x.value)), PARTNER_LEVELS.length, H('g', 31))}, 'active',
        (${AM_ID})[1 + (g - 1) % ${AM_N}], (${AM_DEPT})[1 + (g - 1) % ${AM_N}], ${searchText(['co.name', 'co.credit_code'])},
        ${NOW} - (${H('g', 32)} % 1500) * interval '1 day', ${NOW}
      FROM generate_series(1, ${PT}) AS g CROSS JOIN ${companyLateral(`g - 1 + ${base}`, 'co')}`));
  });

  // ---- leads (信息 / 线索), search text as leadSearchText: code, title, customer, its name key, contact + phone
  await timed('leads', LD, async () => {
    const states = textArray(['registered', 'closed', 'assigned', 'evaluating', 'evaluated', 'converted', 'forwarded']);
    const channels = textArray(['web', 'partner', 'phone', 'fax', 'email', 'prospecting', 'exhibition', 'customer_referral', 'partner_referral', 'tender_site']);
    for (const [from, to] of ranges(LD, CHUNK)) {
      const cust = `1 + ${H('g', 41)} % ${C}`;
      const owner = `(${AM_ID})[1 + ${H('g', 47)} % ${AM_N}]`;
      await exec(db, raw(`
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
          ${NOW} - (${H('g', 48)} % 700) * interval '1 day' AS at) x`));
    }
    await exec(db, sql`INSERT INTO counters (key, value) VALUES ('XS-2025', ${LD}) ON CONFLICT (key) DO UPDATE SET value = GREATEST(counters.value, EXCLUDED.value)`);
  });

  // ---- projects: project g belongs to customer 1 + (g-1) % PC and is owned by that customer's owner
  const S = stages.codes;
  const stageArr = textArray(S);
  // cumulative weights → stage index by a hash
  const cum: number[] = [];
  let acc = 0;
  for (const w of stages.weights) cum.push((acc += w));
  const stageIdx = (hExpr: string) => `CASE ${cum.map((c, i) => `WHEN ${hExpr} % ${acc} < ${c} THEN ${i}`).join(' ')} ELSE ${S.length - 1} END`;
  const closedIdx = S.indexOf('closed');
  const statusArr = textArray(stages.statuses);
  const years = [2024, 2025, 2026];
  const reasons = textArray(['price', 'technical_score', 'qualification', 'relationship', 'budget_cut', 'competitor_chosen', 'other']);
  await timed('projects', P, async () => {
    for (const [from, to] of ranges(P, CHUNK)) {
      const c = `1 + (g - 1) % ${PC}`;
      const owner = `(g - 1) % ${PC} % ${AM_N}`;
      const approved = `x.si >= ${stages.approvedIndex}`;
      await exec(db, raw(`
        INSERT INTO projects (id, code, name, customer_id, stage, stage_entered_at, status, amount_fen, budget_fen, expected_sign_date,
          win_probability, decision_process, funding, competitors, go_decision, project_level, delivery_mode, big_project,
          registration_state, registered_at, owner_user_id, department_id, manager_user_id, presales_lead_id, monitor_user_id,
          outcome_reason, outcome_at, closed_at, search_text, version, created_by, created_at, updated_at)
        SELECT ${U('proj', 'g')}, x.code, x.name, ${U('cust', c)}, ${stageArr}[1 + x.si],
          x.created + (x.si + 1) * (${NOW} - x.created) / (${S.length + 1}), x.status,
          x.amount, x.amount + x.amount / 10, (${NOW} + ((${H('g', 52)} % 420) - 60) * interval '1 day')::date,
          10 * (1 + ${H('g', 53)} % 9), '信息中心提出需求，分管副总审批，采购部组织招标', '财政预算资金已落实', '华为、浪潮、东软',
          CASE WHEN x.si >= ${stages.registeredIndex} AND x.status <> 'no_go' THEN 'go' WHEN x.status = 'no_go' THEN 'no_go'
            WHEN ${H('g', 64)} % 5 = 0 THEN 'pending' END,
          CASE WHEN g % 4 = 0 THEN 'channel' ELSE 'company' END, CASE WHEN g % 5 = 0 THEN 'cooperative' ELSE 'self' END, x.amount > 500000000,
          CASE WHEN ${approved} AND x.status <> 'no_go' THEN 'approved' ELSE 'none' END,
          CASE WHEN ${approved} AND x.status <> 'no_go' THEN x.created + interval '10 days' END,
          (${AM_ID})[1 + ${owner}], (${AM_DEPT})[1 + ${owner}],
          CASE WHEN ${approved} THEN (${PE_ID})[1 + ${H('g', 54)} % ${PE_N}] END,
          CASE WHEN ${approved} THEN (${PE_ID})[1 + ${H('g', 55)} % ${PE_N}] END,
          CASE WHEN ${approved} THEN (${MON_ID})[1 + ${H('g', 56)} % ${MON_N}] END,
          CASE WHEN x.status IN ('lost', 'abandoned', 'failed_tender') THEN ${pick(reasons, 7, H('g', 65))} END,
          CASE WHEN x.status <> 'open' THEN ${NOW} - (${H('g', 57)} % 60 + 30) * interval '1 day' END,
          CASE WHEN x.si = ${closedIdx} THEN ${NOW} - (${H('g', 57)} % 60) * interval '1 day' END,
          ${searchText(['x.code', 'x.name', 'co.name'])}, 1, (${AM_ID})[1 + ${owner}], x.created,
          ${NOW} - (${H('g', 58)} % 90) * interval '1 day' - (${H('g', 59)} % 86400) * interval '1 second'
        FROM generate_series(${from}, ${to}) AS g
        CROSS JOIN ${companyLateral(`(${c}) - 1`, 'co')}
        CROSS JOIN LATERAL (SELECT ${stageIdx(H('g', 50))} AS si) s
        CROSS JOIN LATERAL (
          SELECT s.si,
            CASE WHEN s.si = ${closedIdx} THEN ${pick(textArray(stages.closedStatuses), stages.closedStatuses.length, H('g', 51))}
              ELSE ${statusArr}[1 + s.si] END AS status,
            'XM-' || (${textArray(years.map(String))})[1 + (g - 1) % 3] || '-' || lpad((1 + (g - 1) / 3)::text, 5, '0') AS code,
            ${CITY}[1 + co.city_i] || substr(co.name, char_length(${CITY}[1 + co.city_i]) + 1, 2)
              || ${pick(textArray(PROJECT_KINDS), PROJECT_KINDS.length, H('g', 60))} AS name,
            (floor(exp(ln(50000) + (${H('g', 61)} % 1000) / 1000.0 * ln(1000))))::bigint * 100 AS amount,
            ${NOW} - (120 + ${H('g', 62)} % 900) * interval '1 day' AS created
        ) x`));
    }
    for (let i = 0; i < years.length; i++) {
      const key = `XM-${years[i]}`;
      const value = Math.ceil(Math.max(0, P - i) / years.length);
      await exec(db, sql`INSERT INTO counters (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = GREATEST(counters.value, EXCLUDED.value)`);
    }
  });

  // the account manager is on every team; presales staff join only once the registration is approved (seed 002)
  await timed('project_members', 0, async () => {
    const [am, pm, pre, com] = stages.memberRoles;
    for (const [from, to] of ranges(P, CHUNK)) {
      await exec(db, raw(`
        INSERT INTO project_members (project_id, user_id, project_role, added_by, created_at)
        SELECT p.id, m.user_id, m.role, p.owner_user_id, p.created_at
        FROM projects p
        CROSS JOIN LATERAL (VALUES (p.owner_user_id, ${lit(am)}), (p.manager_user_id, ${lit(pm)}), (p.presales_lead_id, ${lit(pre)}),
          (CASE WHEN p.registration_state = 'approved' THEN (${CS_ID})[1 + ${H('p.amount_fen', 63)} % ${CS_N}] END, ${lit(com)})) AS m(user_id, role)
        WHERE p.id IN (SELECT ${U('proj', 'g')} FROM generate_series(${from}, ${to}) AS g) AND m.user_id IS NOT NULL
        ON CONFLICT DO NOTHING`));
    }
    return count(db, sql`SELECT count(*)::int AS n FROM project_members`);
  });

  // ---- stage history (the path each project took to its stage) and the matching project/customer timeline entries
  await timed('project_stage_history + timeline', 0, async () => {
    const pathRows = Object.entries(stages.paths).flatMap(([key, path]) =>
      path.map((to, i) => `(${lit(key)}, ${i + 1}, ${path.length}, ${i > 0 ? lit(path[i - 1] ?? '') : 'NULL'}, ${lit(to)})`));
    for (const [from, to] of ranges(P, CHUNK / 2)) {
      await exec(db, raw(`
        WITH src AS (
          SELECT p.id, p.customer_id, p.owner_user_id, p.name, path.k, path.from_stage, path.to_stage,
            p.created_at + (path.k - 1) * (p.stage_entered_at - p.created_at) / greatest(1, path.n - 1) AS at
          FROM projects p
          JOIN (VALUES ${pathRows.join(', ')}) AS path(key, k, n, from_stage, to_stage)
            ON path.key = CASE WHEN p.stage = 'closed' THEN 'closed:' || p.status ELSE p.stage END
          WHERE p.id IN (SELECT ${U('proj', 'g')} FROM generate_series(${from}, ${to}) AS g)
        ), hist AS (
          INSERT INTO project_stage_history (project_id, from_stage, to_stage, at, actor_id, note)
          SELECT id, from_stage, to_stage, at, owner_user_id, NULL FROM src
          RETURNING id
        )
        INSERT INTO timeline_entries (at, customer_id, project_id, kind, entity_type, entity_id, actor_id, title, data)
        SELECT at, customer_id, id, CASE WHEN k = 1 THEN 'project.created' ELSE 'project.stage' END, 'project', id::text, owner_user_id,
          CASE WHEN k = 1 THEN '创建项目：' || name ELSE '阶段变更：' || coalesce(from_stage, '') || ' → ' || to_stage END,
          jsonb_build_object('from', from_stage, 'to', to_stage)
        FROM src`));
    }
    return 2 * await count(db, sql`SELECT count(*)::int AS n FROM project_stage_history`);
  });

  // ---- activities (and one timeline entry each, as the activity commands append them)
  await timed('activities + timeline', A * 2, async () => {
    const types = ['visit', 'visit', 'visit', 'visit', 'visit', 'communication', 'communication', 'communication', 'negotiation', 'reception_plan'];
    const subjects = textArray(['客户巡访', '需求沟通', '方案交流', '商务洽谈', '技术交流', '回款沟通', '招标答疑', '现场勘查']);
    for (const [from, to] of ranges(A, CHUNK)) {
      await exec(db, raw(`
        WITH src AS (
          SELECT g, x.p, x.cust, x.typ, x.at,
            (${AM_ID})[1 + (x.cust - 1) % ${PC} % ${AM_N}] AS owner, (${AM_DEPT})[1 + (x.cust - 1) % ${PC} % ${AM_N}] AS dept
          FROM generate_series(${from}, ${to}) AS g
          CROSS JOIN LATERAL (
            SELECT CASE WHEN ${H('g', 70)} % 10 < 6 THEN 1 + ${H('g', 71)} % ${P} END AS p,
              CASE WHEN ${H('g', 70)} % 10 < 6 THEN 1 + (${H('g', 71)} % ${P}) % ${PC} ELSE 1 + ${H('g', 72)} % ${PC} END AS cust,
              ${pick(textArray(types), types.length, H('g', 73))} AS typ,
              ${NOW} - (${H('g', 74)} % 730) * interval '1 day' - (${H('g', 75)} % 36000) * interval '1 second' AS at
          ) x
        ), ins AS (
          INSERT INTO activities (id, type, customer_id, project_id, subject, content, occurred_at, log_date, channel, location,
            participants, result, next_steps, budget_fen, state, owner_user_id, department_id, created_at, updated_at)
          SELECT ${U('act', 'g')}, typ, ${U('cust', 'cust')}, CASE WHEN p IS NOT NULL THEN ${U('proj', 'p')} END,
            ${pick(subjects, 8, H('g', 76))}, '与客户就项目进展进行了沟通，客户对方案总体认可，需补充报价明细。', at,
            CASE WHEN typ = 'visit' THEN (at AT TIME ZONE 'Asia/Shanghai')::date END,
            CASE WHEN typ = 'communication' THEN ${pick(textArray(['phone', 'wechat', 'email', 'meeting']), 4, H('g', 77))} END,
            CASE WHEN typ IN ('visit', 'negotiation') THEN '客户办公室' END, '客户信息中心主任、我方客户经理', '达成初步共识', '提交技术方案',
            CASE WHEN typ = 'reception_plan' THEN (2000 + ${H('g', 78)} % 20000)::bigint * 100 END,
            CASE WHEN typ = 'reception_plan' THEN 'approved' ELSE 'recorded' END, owner, dept, at, at
          FROM src
          RETURNING id, type, customer_id, project_id, subject, occurred_at, owner_user_id
        )
        INSERT INTO timeline_entries (at, customer_id, project_id, kind, entity_type, entity_id, actor_id, title)
        SELECT occurred_at, customer_id, project_id, 'activity.' || type, 'activity', id::text, owner_user_id, subject FROM ins`));
    }
  });

  // ---- open deadlines on a tenth of the open projects (none due during the run: the sweep stays idle)
  await timed('deadlines (open)', 0, async () => {
    const code = 'bench.project_step';
    {
      await ensureDeadlinePolicy(db, { code, nameZh: '项目阶段工作', nameEn: 'Project stage work', kind: 'working_days', amount: 10, toleranceWorkingDays: 2 });
    }
    await exec(db, raw(`
      INSERT INTO deadlines (policy_id, policy_code, subject_type, subject_id, step, title, link, owner_user_id, department_id, kind, amount,
        tolerance_working_days, remind_before, escalate, escalation_interval_working_days, started_at, due_at, breach_at, reminder_ats,
        next_event_at, state, breached_at, created_at, updated_at)
      SELECT dp.id, dp.code, 'project', p.id::text, p.stage, '项目阶段工作：' || p.name, '/projects/' || p.id, p.owner_user_id, p.department_id,
        dp.kind, dp.amount, dp.tolerance_working_days, dp.remind_before, dp.escalate, dp.escalation_interval_working_days,
        ${NOW} - interval '10 days', x.due, x.due + interval '2 days', '[]'::jsonb,
        CASE WHEN x.breached THEN NULL ELSE x.due END, CASE WHEN x.breached THEN 'breached' ELSE 'running' END,
        CASE WHEN x.breached THEN ${NOW} - interval '1 day' END, ${NOW} - interval '10 days', ${NOW}
      FROM projects p
      CROSS JOIN (SELECT id, code, kind, amount, tolerance_working_days, remind_before, escalate, escalation_interval_working_days
        FROM deadline_policies WHERE code = ${lit(code)}) dp
      CROSS JOIN LATERAL (SELECT (p.amount_fen % 10 = 0 AND (p.amount_fen / 100) % 10 = 0) AS breached,
        ${NOW} + (2 + (p.amount_fen / 100) % 20) * interval '1 day' AS due) x
      WHERE p.status = 'open' AND (p.amount_fen / 100) % 10 = 3`));
    await exec(db, raw(`
      UPDATE projects p SET next_deadline_at = d.due_at
      FROM deadlines d WHERE d.subject_type = 'project' AND d.subject_id = p.id::text AND d.state IN ('running', 'breached')`));
    return count(db, sql`SELECT count(*)::int AS n FROM deadlines WHERE subject_type = 'project'`);
  });

  // ---- pending registration approvals (立项审批) on 1 % of the projects, waiting for the marketing managers
  await timed('approvals (pending)', 0, async () => {
    const process = listApprovalProcesses().find((p) => p.subjectType === 'project' && /regist/.test(p.code))
      ?? listApprovalProcesses().find((p) => p.subjectType === 'project');
    let chainId: string;
    let chainVersion: number;
    let processCode: string;
    if (process) {
      const chain = await ensureChain(db, process, now);
      chainId = chain.id;
      chainVersion = chain.version;
      processCode = process.code;
    } else {
      processCode = 'bench.project_registration';
      const [row] = await db.insert(approvalChains).values({
        processCode, version: 1, createdAt: now, note: 'benchmark',
        definition: { resubmitFrom: 'first', steps: [{ name: '市场部经理审批', approver: { type: 'role', roleCode: 'marketing_manager' }, mode: 'any', condition: null, deadlinePolicy: null }] },
      }).returning({ id: approvalChains.id });
      if (!row) throw new Error('approval chain');
      chainId = row.id;
      chainVersion = 1;
    }
    const MM_ID = uuidArray(byRole('marketing_manager').map((u) => u.id));
    const sel = `FROM projects p WHERE p.status = 'open' AND p.stage = ${lit(S[stages.registeredIndex] ?? 'registered')} AND (p.amount_fen / 100) % 10 = 7`;
    await exec(db, raw(`UPDATE projects p SET registration_state = 'pending' WHERE p.id IN (SELECT p.id ${sel})`));
    await exec(db, raw(`
      INSERT INTO approval_requests (id, process_code, chain_id, chain_version, subject_type, subject_id, subject_version, snapshot, title,
        requester_id, requester_department_id, state, round, current_step_id, version, submitted_at, updated_at)
      SELECT ${U('apr', 'p.id')}, ${lit(processCode)}, ${lit(chainId)}::uuid, ${chainVersion}, 'project', p.id::text, p.version,
        jsonb_build_object('name', p.name, 'amountFen', p.amount_fen), '项目立项审批：' || p.name, p.owner_user_id, p.department_id,
        'pending', 1, ${U('aps', 'p.id')}, 1, ${NOW} - interval '1 day', ${NOW} - interval '1 day'
      ${sel}`));
    await exec(db, raw(`
      INSERT INTO approval_rounds (request_id, round, subject_version, snapshot, submitted_at)
      SELECT id, 1, subject_version, snapshot, submitted_at FROM approval_requests WHERE process_code = ${lit(processCode)}`));
    await exec(db, raw(`
      INSERT INTO approval_steps (id, request_id, round, seq, chain_index, name, mode, approver, status, activated_at)
      SELECT current_step_id, id, 1, 1, 0, '市场部经理审批', 'any', '{"type":"role","roleCode":"marketing_manager"}'::jsonb, 'active', submitted_at
      FROM approval_requests WHERE process_code = ${lit(processCode)}`));
    await exec(db, raw(`
      INSERT INTO approval_tasks (request_id, step_id, assignee_id, status, created_at)
      SELECT r.id, r.current_step_id, m.id, 'pending', r.submitted_at
      FROM approval_requests r CROSS JOIN unnest(${MM_ID}) AS m(id) WHERE r.process_code = ${lit(processCode)}`));
    return count(db, sql`SELECT count(*)::int AS n FROM approval_requests WHERE state = 'pending'`);
  });

  // this week's tracking table (项目跟踪表), as the Monday schedule makes it — else the server's first run of it lands in the load
  await timed('project_weekly_updates (this week)', 0, async () => generateTrackingRows(db, mondayOf(shanghaiDate(now)), now, null));

  await timed('ANALYZE', 0, async () => {
    await exec(db, sql`ANALYZE`);
  });
  const totalSeconds = (performance.now() - started) / 1000;
  log(`  total ${totalSeconds.toFixed(1)} s`);
  return { sizes, users: benchUsers, stages, timings, totalSeconds };
}
