/**
 * The presales projects spread over the stages, their teams, and the stage history each one took
 * to its stage with the matching project/customer timeline entries.
 */
import { sql } from 'drizzle-orm';
import { PROJECT_KINDS } from '../names.ts';
import type { SeedContext } from './context.ts';
import { CITY, companyLateral, searchText } from './names-sql.ts';
import { CHUNK, H, U, count, exec, lit, pick, ranges, raw, textArray } from './sql.ts';

/** projects: project g belongs to customer 1 + (g-1) % PC and is owned by that customer's owner */
export async function seedProjects(ctx: SeedContext): Promise<void> {
  const { db, nowSql: NOW, stages } = ctx;
  const { projectCustomers: PC, projects: P } = ctx.sizes;
  const {
    amIds: AM_ID,
    amDepts: AM_DEPT,
    amCount: AM_N,
    presalesIds: PE_ID,
    presalesCount: PE_N,
    monitorIds: MON_ID,
    monitorCount: MON_N,
  } = ctx.staff;
  const S = stages.codes;
  const stageArr = textArray(S);
  // cumulative weights → stage index by a hash
  const cum: number[] = [];
  let acc = 0;
  for (const w of stages.weights) cum.push((acc += w));
  const stageIdx = (hExpr: string) =>
    `CASE ${cum.map((c, i) => `WHEN ${hExpr} % ${acc} < ${c} THEN ${i}`).join(' ')} ELSE ${S.length - 1} END`;
  const closedIdx = S.indexOf('closed');
  const statusArr = textArray(stages.statuses);
  const years = [2024, 2025, 2026];
  const reasons = textArray(['price', 'technical_score', 'qualification', 'relationship', 'budget_cut', 'competitor_chosen', 'other']);
  for (const [from, to] of ranges(P, CHUNK)) {
    const c = `1 + (g - 1) % ${PC}`;
    const owner = `(g - 1) % ${PC} % ${AM_N}`;
    const approved = `x.si >= ${stages.approvedIndex}`;
    await exec(
      db,
      raw(`
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
      ) x`),
    );
  }
  for (let i = 0; i < years.length; i++) {
    const key = `XM-${years[i]}`;
    const value = Math.ceil(Math.max(0, P - i) / years.length);
    await exec(
      db,
      sql`INSERT INTO counters (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = GREATEST(counters.value, EXCLUDED.value)`,
    );
  }
}

/** the account manager is on every team; presales staff join only once the registration is approved (seed 002) */
export async function seedProjectMembers(ctx: SeedContext): Promise<number> {
  const { db, stages } = ctx;
  const { projects: P } = ctx.sizes;
  const { commercialIds: CS_ID, commercialCount: CS_N } = ctx.staff;
  const [am, pm, pre, com] = stages.memberRoles;
  for (const [from, to] of ranges(P, CHUNK)) {
    await exec(
      db,
      raw(`
      INSERT INTO project_members (project_id, user_id, project_role, added_by, created_at)
      SELECT p.id, m.user_id, m.role, p.owner_user_id, p.created_at
      FROM projects p
      CROSS JOIN LATERAL (VALUES (p.owner_user_id, ${lit(am)}), (p.manager_user_id, ${lit(pm)}), (p.presales_lead_id, ${lit(pre)}),
        (CASE WHEN p.registration_state = 'approved' THEN (${CS_ID})[1 + ${H('p.amount_fen', 63)} % ${CS_N}] END, ${lit(com)})) AS m(user_id, role)
      WHERE p.id IN (SELECT ${U('proj', 'g')} FROM generate_series(${from}, ${to}) AS g) AND m.user_id IS NOT NULL
      ON CONFLICT DO NOTHING`),
    );
  }
  return count(db, sql`SELECT count(*)::int AS n FROM project_members`);
}

/** stage history (the path each project took to its stage) and the matching project/customer timeline entries */
export async function seedStageHistory(ctx: SeedContext): Promise<number> {
  const { db, stages } = ctx;
  const { projects: P } = ctx.sizes;
  const pathRows = Object.entries(stages.paths).flatMap(([key, path]) =>
    path.map((to, i) => `(${lit(key)}, ${i + 1}, ${path.length}, ${i > 0 ? lit(path[i - 1] ?? '') : 'NULL'}, ${lit(to)})`),
  );
  for (const [from, to] of ranges(P, CHUNK / 2)) {
    await exec(
      db,
      raw(`
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
      FROM src`),
    );
  }
  return 2 * (await count(db, sql`SELECT count(*)::int AS n FROM project_stage_history`));
}
