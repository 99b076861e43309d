import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { AppError } from '../../../../core/errors.ts';
import { CLOSED_STAGE, findStage, orderedStages, type StageConfig, type StageDef } from '../../../../core/projects/stages.ts';
import type {
  KanbanCard,
  KanbanView,
  ProjectFilter,
  ProjectListItem,
  ProjectListQuery,
} from '../../../../core/projects/project-list.schema.ts';
import { rowsOf, type Db } from '../../../db/client.ts';
import { customers, departments, projects, users } from '../../../db/schema.ts';
import { searchCondition } from '../../../kernel/text-search.ts';
import type { Actor } from '../../../policies/actor.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { nextDeadlineSql } from '../project-deadlines.ts';
import { loadStageConfig } from '../project-stage-config.ts';

/**
 * Read models of the project lists: the table (filters, allow-listed sort, offset paging with a
 * total) and the kanban (per stage: count, sum, first cards). Every read goes through
 * `projectVisibility`; the search box matches `search_text` as customer search does.
 */

type ListItem = z.infer<typeof ProjectListItem>;
type Card = z.infer<typeof KanbanCard>;

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The WHERE conditions of the list and the kanban: visibility plus the filters. */
export async function projectConditions(db: Db, actor: Actor, f: ProjectFilter): Promise<SQL[]> {
  const conds: SQL[] = [await projectVisibility(db, actor, 'project.read')];
  const search = searchCondition(sql`${projects.searchText}`, f.q);
  if (search) conds.push(search);
  if (f.stage) conds.push(eq(projects.stage, f.stage));
  if (f.status === 'closed') conds.push(eq(projects.stage, CLOSED_STAGE));
  else if (f.status) conds.push(eq(projects.status, f.status));
  if (f.ownerUserId) conds.push(eq(projects.ownerUserId, f.ownerUserId));
  if (f.departmentId) conds.push(eq(projects.departmentId, f.departmentId));
  if (f.customerId) conds.push(eq(projects.customerId, f.customerId));
  if (f.amountMin !== undefined) conds.push(gte(projects.amountFen, f.amountMin));
  if (f.amountMax !== undefined) conds.push(lte(projects.amountFen, f.amountMax));
  if (f.signFrom) conds.push(gte(projects.expectedSignDate, f.signFrom));
  if (f.signTo) conds.push(lte(projects.expectedSignDate, f.signTo));
  if (f.mine === 'true') {
    const me = actor.userId ? sql`${actor.userId}::uuid` : sql`NULL::uuid`;
    conds.push(sql`(${projects.ownerUserId} = ${me} OR ${projects.managerUserId} = ${me} OR ${projects.presalesLeadId} = ${me}
      OR ${projects.monitorUserId} = ${me} OR ${projects.id} IN (SELECT pm.project_id FROM project_members pm WHERE pm.user_id = ${me}))`);
  }
  return conds;
}

const SORTS: Record<string, SQL> = {
  updatedAt: sql`${projects.updatedAt}`,
  amount: sql`${projects.amountFen}`,
  expectedSignDate: sql`${projects.expectedSignDate}`,
  name: sql`${projects.name}`,
  stageEnteredAt: sql`${projects.stageEnteredAt}`,
};

/** The earliest open deadline of each project (live: its own, its tasks', its approval tasks'). */
export async function nextDeadlines(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const res = await db.execute(sql`
    SELECT p.id, (${nextDeadlineSql(sql`p.id`)}) AS next_at FROM projects p
    WHERE p.id IN (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`);
  return new Map(rowsOf<{ id: string; next_at: unknown }>(res).map((r) => [r.id, isoOrNull(r.next_at)]));
}

const manager = alias(users, 'manager');
const presales = alias(users, 'presales');

/** The project table: filters, allow-listed sort, page + total. */
export async function listProjects(db: Db, actor: Actor, query: z.infer<typeof ProjectListQuery>) {
  const where = and(...(await projectConditions(db, actor, query)));
  const key = query.sort.replace(/^-/, '');
  const col = SORTS[key] ?? sql`${projects.updatedAt}`;
  // NOT NULL columns keep the plain direction so the (updated_at) index serves the default order.
  const nullable = key === 'amount' || key === 'expectedSignDate';
  const desc_ = query.sort.startsWith('-');
  const dir = desc_ ? (nullable ? sql`DESC NULLS LAST` : sql`DESC`) : sql`ASC`;
  // Deferred join: find the page's ids on the projects table alone (the filters, the order and a
  // deep offset walk narrow index entries, not joined rows), then join the names for those 20.
  // Customer and owner are NOT NULL foreign keys, so the inner joins never drop a row.
  const pageIds = (
    await db
      .select({ id: projects.id })
      .from(projects)
      .where(where)
      .orderBy(sql`${col} ${dir}`, desc(projects.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
  ).map((r) => r.id);
  const joined =
    pageIds.length === 0
      ? []
      : await db
          .select({
            p: {
              id: projects.id,
              code: projects.code,
              name: projects.name,
              customerId: projects.customerId,
              stage: projects.stage,
              stageEnteredAt: projects.stageEnteredAt,
              status: projects.status,
              amountFen: projects.amountFen,
              expectedSignDate: projects.expectedSignDate,
              winProbability: projects.winProbability,
              ownerUserId: projects.ownerUserId,
              departmentId: projects.departmentId,
              projectLevel: projects.projectLevel,
              deliveryMode: projects.deliveryMode,
              bigProject: projects.bigProject,
              goDecision: projects.goDecision,
              registrationState: projects.registrationState,
              updatedAt: projects.updatedAt,
              version: projects.version,
            },
            customerName: customers.name,
            ownerName: users.displayName,
            departmentName: departments.name,
            managerName: manager.displayName,
            presalesLeadName: presales.displayName,
          })
          .from(projects)
          .innerJoin(customers, eq(customers.id, projects.customerId))
          .innerJoin(users, eq(users.id, projects.ownerUserId))
          .leftJoin(departments, eq(departments.id, projects.departmentId))
          .leftJoin(manager, eq(manager.id, projects.managerUserId))
          .leftJoin(presales, eq(presales.id, projects.presalesLeadId))
          .where(inArray(projects.id, pageIds));
  const byId = new Map(joined.map((r) => [r.p.id, r]));
  const rows = pageIds.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
  const [totalRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(where);
  const next = await nextDeadlines(
    db,
    rows.map((r) => r.p.id),
  );
  const items: ListItem[] = rows.map(({ p, ...r }) => ({
    ...p,
    customerName: r.customerName,
    ownerName: r.ownerName,
    departmentName: r.departmentName,
    managerName: r.managerName,
    presalesLeadName: r.presalesLeadName,
    stageEnteredAt: p.stageEnteredAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    nextDeadlineAt: next.get(p.id) ?? null,
  }));
  return { items, total: Number(totalRow?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

interface CardRow {
  id: string;
  stage: string;
  code: string;
  name: string;
  customer_name: string;
  amount_fen: unknown;
  owner_name: string;
  status: string;
  expected_sign_date: string | null;
  updated_at: unknown;
}

function cardOf(r: CardRow, next: Map<string, string | null>): Card {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    customerName: r.customer_name,
    amountFen: numOrNull(r.amount_fen),
    ownerName: r.owner_name,
    status: r.status,
    expectedSignDate: r.expected_sign_date,
    nextDeadlineAt: next.get(r.id) ?? null,
    updatedAt: iso(r.updated_at),
  };
}

const CARD_COLUMNS = sql`${projects.id} AS id, ${projects.stage} AS stage, ${projects.code} AS code, ${projects.name} AS name,
  ${customers.name} AS customer_name, ${projects.amountFen} AS amount_fen, ${users.displayName} AS owner_name, ${projects.status} AS status,
  ${projects.expectedSignDate}::text AS expected_sign_date, ${projects.updatedAt} AS updated_at`;

/** The kanban columns shown: every stage but the closed one (unless that is the filter). */
function kanbanStages(config: StageConfig, f: ProjectFilter): StageDef[] {
  const all = orderedStages(config);
  if (f.stage) return all.filter((s) => s.code === f.stage);
  if (f.status === 'closed') return all.filter((s) => s.terminal);
  return all.filter((s) => !s.terminal);
}

/**
 * The kanban: per stage the number of projects, the sum of their amounts and the most recently
 * updated `cards` projects (one index range scan per stage, via LATERAL).
 */
export async function projectKanban(db: Db, actor: Actor, f: ProjectFilter & { cards: number }): Promise<z.infer<typeof KanbanView>> {
  const { config } = await loadStageConfig(db);
  const stages = kanbanStages(config, f);
  const conds = await projectConditions(db, actor, f);
  const where = and(...conds) ?? sql`TRUE`;
  const codes = stages.map((s) => s.code);
  if (codes.length === 0) return { columns: [] };
  const codeList = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  const aggregates = rowsOf<{ stage: string; n: number; sum_fen: unknown }>(
    await db.execute(sql`
    SELECT ${projects.stage} AS stage, count(*)::int AS n, coalesce(sum(${projects.amountFen}), 0)::bigint AS sum_fen
    FROM projects WHERE ${where} AND ${projects.stage} IN (${codeList})
    GROUP BY ${projects.stage}`),
  );
  // Cards only for the columns that have projects: a column without any would scan its whole index range for nothing.
  const withRows = codes.filter((c) => aggregates.some((a) => a.stage === c && Number(a.n) > 0));
  const cardRows =
    withRows.length === 0
      ? []
      : rowsOf<CardRow>(
          await db.execute(sql`
    SELECT c.* FROM unnest(ARRAY[${sql.join(
      withRows.map((c) => sql`${c}`),
      sql`, `,
    )}]::text[]) AS s(code)
    CROSS JOIN LATERAL (
      SELECT ${CARD_COLUMNS}
      FROM projects JOIN customers ON ${customers.id} = ${projects.customerId} JOIN users ON ${users.id} = ${projects.ownerUserId}
      WHERE ${projects.stage} = s.code AND ${where}
      ORDER BY ${projects.updatedAt} DESC, ${projects.id} DESC
      LIMIT ${f.cards}
    ) c`),
        );
  const next = await nextDeadlines(
    db,
    cardRows.map((r) => r.id),
  );
  const agg = new Map(aggregates.map((a) => [a.stage, a]));
  return {
    columns: stages.map((s) => ({
      stage: s.code,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      count: Number(agg.get(s.code)?.n ?? 0),
      sumFen: Number(agg.get(s.code)?.sum_fen ?? 0),
      cards: cardRows.filter((r) => r.stage === s.code).map((r) => cardOf(r, next)),
    })),
  };
}

/** More cards of one kanban column. */
export async function projectKanbanStage(db: Db, actor: Actor, stage: string, f: ProjectFilter & { page: number; pageSize: number }) {
  const { config } = await loadStageConfig(db);
  if (!findStage(config, stage)) throw new AppError('not_found');
  const where = and(...(await projectConditions(db, actor, { ...f, stage }))) ?? sql`TRUE`;
  const rows = rowsOf<CardRow>(
    await db.execute(sql`
    SELECT ${CARD_COLUMNS}
    FROM projects JOIN customers ON ${customers.id} = ${projects.customerId} JOIN users ON ${users.id} = ${projects.ownerUserId}
    WHERE ${where}
    ORDER BY ${projects.updatedAt} DESC, ${projects.id} DESC
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`),
  );
  const [totalRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(where);
  const next = await nextDeadlines(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => cardOf(r, next)), total: Number(totalRow?.n ?? 0), page: f.page, pageSize: f.pageSize };
}
