/**
 * Activities (visits, communications, negotiations, reception plans) on the project customers,
 * six in ten on a project, with one timeline entry each as the activity commands append them.
 */
import type { SeedContext } from './context.ts';
import { CHUNK, H, U, exec, pick, ranges, raw, textArray } from './sql.ts';

export async function seedActivities(ctx: SeedContext): Promise<void> {
  const { db, nowSql: NOW } = ctx;
  const { projectCustomers: PC, projects: P, activities: A } = ctx.sizes;
  const { amIds: AM_ID, amDepts: AM_DEPT, amCount: AM_N } = ctx.staff;
  const types = [
    'visit',
    'visit',
    'visit',
    'visit',
    'visit',
    'communication',
    'communication',
    'communication',
    'negotiation',
    'reception_plan',
  ];
  const subjects = textArray(['客户巡访', '需求沟通', '方案交流', '商务洽谈', '技术交流', '回款沟通', '招标答疑', '现场勘查']);
  for (const [from, to] of ranges(A, CHUNK)) {
    await exec(
      db,
      raw(`
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
      SELECT occurred_at, customer_id, project_id, 'activity.' || type, 'activity', id::text, owner_user_id, subject FROM ins`),
    );
  }
}
