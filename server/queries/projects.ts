import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { OUTCOMES, shareBelowFloor, type Outcome } from '../../core/projects/rules.ts';
import {
  CLOSED_STAGE, INITIAL_STAGE, findStage, nextRequiredStep, orderedStages, outcomeStage, stageGate, type StageConfig, type StageDef,
} from '../../core/projects/stages.ts';
import type {
  KanbanCard, KanbanView, MemberView, ProjectDeadlineView, ProjectDetail, ProjectFilter, ProjectListItem, ProjectListQuery, StageHistoryView, SummaryView,
  TeamView, TimelineEntryView,
} from '../../core/schemas/projects.schema.ts';
import { rowsOf, type Db } from '../db/client.ts';
import {
  approvalRequests, customers, departments, partners, projectMembers, projects, projectStageHistory, projectSummaries, users,
} from '../db/schema.ts';
import { getApprovalProcess } from '../approvals/processes.ts';
import type { Actor } from '../policies/actor.ts';
import { hasPermission } from '../policies/policy.ts';
import { projectVisibility } from '../policies/visibility.ts';
import { readTimeline } from '../timeline/timeline.ts';
import { gateProjectOf, isOnTeam, loadProject, loadStageConfig, nextDeadlineSql, numberOf, type ProjectRow } from '../projects/support.ts';

/**
 * Read models of presales projects: the table (filters, allow-listed sort, offset paging with a
 * total), the kanban (per stage: count, sum, first cards), the project page (header with the
 * stage path, the gate of each possible move and the next required step; team; approvals),
 * the timeline and the stage history. Every read goes through `projectVisibility`.
 */

type ListItem = z.infer<typeof ProjectListItem>;
type Card = z.infer<typeof KanbanCard>;

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** `%term%` for LIKE with the wildcards of the term escaped. */
function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE conditions of the list and the kanban: visibility plus the filters. */
export async function projectConditions(db: Db, actor: Actor, f: ProjectFilter): Promise<SQL[]> {
  const conds: SQL[] = [await projectVisibility(db, actor, 'project.read')];
  if (f.q) conds.push(sql`${projects.searchText} LIKE ${likePattern(f.q)}`);
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
    WHERE p.id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
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
  const pageIds = (await db
    .select({ id: projects.id })
    .from(projects)
    .where(where)
    .orderBy(sql`${col} ${dir}`, desc(projects.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)).map((r) => r.id);
  const joined = pageIds.length === 0 ? [] : await db
    .select({
      p: {
        id: projects.id, code: projects.code, name: projects.name, customerId: projects.customerId, stage: projects.stage,
        stageEnteredAt: projects.stageEnteredAt, status: projects.status, amountFen: projects.amountFen, expectedSignDate: projects.expectedSignDate,
        winProbability: projects.winProbability, ownerUserId: projects.ownerUserId, departmentId: projects.departmentId,
        projectLevel: projects.projectLevel, deliveryMode: projects.deliveryMode, bigProject: projects.bigProject, goDecision: projects.goDecision,
        registrationState: projects.registrationState, updatedAt: projects.updatedAt, version: projects.version,
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
  const [totalRow] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where);
  const next = await nextDeadlines(db, rows.map((r) => r.p.id));
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
    id: r.id, code: r.code, name: r.name, customerName: r.customer_name, amountFen: numOrNull(r.amount_fen), ownerName: r.owner_name,
    status: r.status, expectedSignDate: r.expected_sign_date, nextDeadlineAt: next.get(r.id) ?? null, updatedAt: iso(r.updated_at),
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
  const codeList = sql.join(codes.map((c) => sql`${c}`), sql`, `);
  const aggregates = rowsOf<{ stage: string; n: number; sum_fen: unknown }>(await db.execute(sql`
    SELECT ${projects.stage} AS stage, count(*)::int AS n, coalesce(sum(${projects.amountFen}), 0)::bigint AS sum_fen
    FROM projects WHERE ${where} AND ${projects.stage} IN (${codeList})
    GROUP BY ${projects.stage}`));
  // Cards only for the columns that have projects: a column without any would scan its whole index range for nothing.
  const withRows = codes.filter((c) => aggregates.some((a) => a.stage === c && Number(a.n) > 0));
  const cardRows = withRows.length === 0 ? [] : rowsOf<CardRow>(await db.execute(sql`
    SELECT c.* FROM unnest(ARRAY[${sql.join(withRows.map((c) => sql`${c}`), sql`, `)}]::text[]) AS s(code)
    CROSS JOIN LATERAL (
      SELECT ${CARD_COLUMNS}
      FROM projects JOIN customers ON ${customers.id} = ${projects.customerId} JOIN users ON ${users.id} = ${projects.ownerUserId}
      WHERE ${projects.stage} = s.code AND ${where}
      ORDER BY ${projects.updatedAt} DESC, ${projects.id} DESC
      LIMIT ${f.cards}
    ) c`));
  const next = await nextDeadlines(db, cardRows.map((r) => r.id));
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
  const rows = rowsOf<CardRow>(await db.execute(sql`
    SELECT ${CARD_COLUMNS}
    FROM projects JOIN customers ON ${customers.id} = ${projects.customerId} JOIN users ON ${users.id} = ${projects.ownerUserId}
    WHERE ${where}
    ORDER BY ${projects.updatedAt} DESC, ${projects.id} DESC
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`));
  const [totalRow] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where);
  const next = await nextDeadlines(db, rows.map((r) => r.id));
  return { items: rows.map((r) => cardOf(r, next)), total: Number(totalRow?.n ?? 0), page: f.page, pageSize: f.pageSize };
}

/** Owner, manager, presales lead, monitor and members with their roles. */
export async function projectTeam(db: Db, p: ProjectRow): Promise<z.infer<typeof TeamView>> {
  const ids = [p.ownerUserId, p.managerUserId, p.presalesLeadId, p.monitorUserId].filter((x): x is string => !!x);
  const people = ids.length ? await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, ids)) : [];
  const name = (id: string | null) => (id ? people.find((u) => u.id === id)?.n ?? null : null);
  const members = await db
    .select({ userId: projectMembers.userId, displayName: users.displayName, departmentName: departments.name, projectRole: projectMembers.projectRole, addedAt: projectMembers.addedAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(projectMembers.projectId, p.id))
    .orderBy(asc(projectMembers.addedAt));
  return {
    ownerUserId: p.ownerUserId, ownerName: name(p.ownerUserId) ?? '',
    managerUserId: p.managerUserId, managerName: name(p.managerUserId),
    presalesLeadId: p.presalesLeadId, presalesLeadName: name(p.presalesLeadId),
    monitorUserId: p.monitorUserId, monitorName: name(p.monitorUserId),
    members: members.map((m): z.infer<typeof MemberView> => ({ ...m, addedAt: m.addedAt.toISOString() })),
  };
}

/** The stages shown on the project's path: the pipeline, then the outcome (reached or expected), the post stages, closed. */
function stagePath(config: StageConfig, p: ProjectRow, entered: Map<string, Date>) {
  const ordered = orderedStages(config);
  let path: StageDef[];
  if (p.status === 'no_go') {
    path = ordered.filter((s) => s.code === INITIAL_STAGE || s.terminal);
  } else {
    path = ordered.filter((s) => s.kind === 'pipeline');
    const outcome: Outcome = (OUTCOMES as readonly string[]).includes(p.status) ? (p.status as Outcome) : 'won';
    const o = outcomeStage(config, outcome);
    if (o) path.push(o);
    if (outcome === 'won') path.push(...ordered.filter((s) => s.kind === 'post'));
    path.push(...ordered.filter((s) => s.terminal));
  }
  const ci = path.findIndex((s) => s.code === p.stage);
  return path.map((s, i) => ({
    stage: s.code, nameZh: s.nameZh, nameEn: s.nameEn,
    state: (i === ci ? 'current' : i > ci ? 'upcoming' : entered.has(s.code) ? 'done' : 'skipped') as 'done' | 'current' | 'upcoming' | 'skipped',
    enteredAt: entered.get(s.code)?.toISOString() ?? null,
  }));
}

async function visibleUnder(db: Db, actor: Actor, id: string, permission: 'project.update' | 'project.assign' | 'project.create'): Promise<boolean> {
  if (!hasPermission(actor, permission)) return false;
  const vis = await projectVisibility(db, actor, permission);
  return (await db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, id), vis)).limit(1)).length > 0;
}

/** The project page: everything the header, the tabs and the Advance button need. 404 outside the reader's scope. */
export async function getProjectDetail(db: Db, actor: Actor, id: string): Promise<ProjectDetail> {
  const p = await loadProject(db, actor, id, 'project.read');
  const { config } = await loadStageConfig(db);
  const [names] = await db
    .select({ customerName: customers.name, partnerName: partners.name, departmentName: departments.name })
    .from(projects)
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .leftJoin(partners, eq(partners.id, projects.partnerId))
    .leftJoin(departments, eq(departments.id, projects.departmentId))
    .where(eq(projects.id, id))
    .limit(1);
  const summary = (await db.select({ id: projectSummaries.projectId }).from(projectSummaries).where(eq(projectSummaries.projectId, id)).limit(1)).length > 0;
  const facts = { hasSummary: summary };
  const gp = gateProjectOf(p);
  const current = findStage(config, p.stage);
  const transitions = (current?.next ?? []).map((code) => {
    const g = stageGate(gp, config, code, facts);
    return { stage: code, allowed: g.allowed, reasons: g.reasons };
  });
  const history = await db.select({ toStage: projectStageHistory.toStage, at: projectStageHistory.at }).from(projectStageHistory)
    .where(eq(projectStageHistory.projectId, id)).orderBy(asc(projectStageHistory.at), asc(projectStageHistory.id));
  const entered = new Map(history.map((h) => [h.toStage, h.at]));
  const requester = alias(users, 'requester');
  const approvals = await db
    .select({ r: approvalRequests, requesterName: requester.displayName })
    .from(approvalRequests)
    .innerJoin(requester, eq(requester.id, approvalRequests.requesterId))
    .where(and(eq(approvalRequests.subjectType, 'project'), eq(approvalRequests.subjectId, id)))
    .orderBy(desc(approvalRequests.submittedAt));
  const [next] = [...(await nextDeadlines(db, [id])).values()];
  const [canUpdate, canAssign, canRegister, onTeam] = [
    await visibleUnder(db, actor, id, 'project.update'),
    await visibleUnder(db, actor, id, 'project.assign'),
    await visibleUnder(db, actor, id, 'project.create'),
    await isOnTeam(db, p, actor.userId),
  ];
  const personMonths = numberOf(p.personMonths);
  const companySharePct = numberOf(p.companySharePct);
  return {
    id: p.id, code: p.code, name: p.name, customerId: p.customerId, customerName: names?.customerName ?? '', leadId: p.leadId,
    stage: p.stage, stageEnteredAt: p.stageEnteredAt.toISOString(), status: p.status, amountFen: p.amountFen, budgetFen: p.budgetFen,
    expectedSignDate: p.expectedSignDate, winProbability: p.winProbability, decisionProcess: p.decisionProcess, funding: p.funding,
    credit: p.credit, competitors: p.competitors, strengths: p.strengths, risks: p.risks, analysisNotes: p.analysisNotes,
    goDecision: p.goDecision, noGoReason: p.noGoReason, projectLevel: p.projectLevel, deliveryMode: p.deliveryMode, personMonths,
    bigProject: p.bigProject, partnerId: p.partnerId, partnerName: names?.partnerName ?? null, companySharePct, shareException: p.shareException,
    registrationState: p.registrationState, registeredAt: p.registeredAt?.toISOString() ?? null, specialHandling: p.specialHandling,
    departmentId: p.departmentId, departmentName: names?.departmentName ?? null, outcomeReason: p.outcomeReason, outcomeNote: p.outcomeNote,
    winningCompetitor: p.winningCompetitor, winningPriceFen: p.winningPriceFen, outcomeAt: p.outcomeAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null, nextDeadlineAt: next ?? null, createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(), version: p.version,
    team: await projectTeam(db, p),
    stagePath: stagePath(config, p, entered),
    transitions,
    nextStep: nextRequiredStep(gp, config, facts),
    hasSummary: summary,
    shareFloorPct: config.shareFloorPct,
    flags: {
      bigProject: p.bigProject,
      cooperative: p.deliveryMode === 'cooperative',
      shareBelowFloor: shareBelowFloor(p.deliveryMode, companySharePct, config.shareFloorPct),
      registered: p.registrationState === 'approved',
      closed: current?.terminal ?? false,
    },
    approvals: approvals.map(({ r, requesterName }) => {
      const proc = getApprovalProcess(r.processCode);
      return {
        requestId: r.id, processCode: r.processCode, processLabel: proc ? (actor.locale === 'en' ? proc.labelEn : proc.labelZh) : r.processCode,
        state: r.state, submittedAt: r.submittedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null, requesterName,
      };
    }),
    can: { update: canUpdate, assign: canAssign, register: canRegister, writeSummary: onTeam || canUpdate },
  };
}

/** The team of a visible project. */
export async function getProjectTeam(db: Db, actor: Actor, id: string) {
  return projectTeam(db, await loadProject(db, actor, id, 'project.read'));
}

/** The project's timeline, newest first, keyset-paged. */
export async function projectTimelineView(
  db: Db, actor: Actor, id: string, q: { limit: number; beforeAt?: string | undefined; beforeId?: number | undefined },
): Promise<Array<z.infer<typeof TimelineEntryView>>> {
  await loadProject(db, actor, id, 'project.read');
  const before = q.beforeAt && q.beforeId ? { at: new Date(q.beforeAt), id: q.beforeId } : undefined;
  const rows = await readTimeline(db, { projectId: id }, { limit: q.limit, before });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const names = actorIds.length ? await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, actorIds)) : [];
  return rows.map((r) => ({
    id: r.id, at: r.at.toISOString(), kind: r.kind, entityType: r.entityType, entityId: r.entityId,
    actorName: names.find((u) => u.id === r.actorId)?.n ?? null, title: r.title, summary: r.summary,
  }));
}

/** Every stage move of the project, oldest first, with who moved it. */
export async function projectStageHistoryView(db: Db, actor: Actor, id: string): Promise<Array<z.infer<typeof StageHistoryView>>> {
  await loadProject(db, actor, id, 'project.read');
  const rows = await db
    .select({ h: projectStageHistory, actorName: users.displayName })
    .from(projectStageHistory)
    .leftJoin(users, eq(users.id, projectStageHistory.actorId))
    .where(eq(projectStageHistory.projectId, id))
    .orderBy(asc(projectStageHistory.at), asc(projectStageHistory.id));
  return rows.map(({ h, actorName }) => ({
    id: h.id, fromStage: h.fromStage, toStage: h.toStage, at: h.at.toISOString(), actorName: actorName ?? null, note: h.note,
  }));
}

/** The project summary, or null while none is written. */
export async function projectSummaryView(db: Db, actor: Actor, id: string): Promise<z.infer<typeof SummaryView> | null> {
  await loadProject(db, actor, id, 'project.read');
  const [row] = await db
    .select({ s: projectSummaries, authorName: users.displayName })
    .from(projectSummaries)
    .leftJoin(users, eq(users.id, projectSummaries.authorId))
    .where(eq(projectSummaries.projectId, id))
    .limit(1);
  if (!row) return null;
  const { s } = row;
  return {
    overview: s.overview, whatWorked: s.whatWorked, whatToImprove: s.whatToImprove, lessons: s.lessons, authorName: row.authorName ?? null,
    submittedAt: s.submittedAt?.toISOString() ?? null, updatedAt: s.updatedAt.toISOString(), version: s.version,
  };
}

/** The deadlines of a visible project (its own steps, its tasks, its approval tasks), open ones first. */
export async function projectDeadlinesView(db: Db, actor: Actor, id: string, now: Date): Promise<Array<z.infer<typeof ProjectDeadlineView>>> {
  await loadProject(db, actor, id, 'project.read');
  const rows = rowsOf<{
    id: string; policy_zh: string; policy_en: string; title: string | null; owner_name: string; state: string; due_at: unknown; completed_at: unknown; link: string | null;
  }>(await db.execute(sql`
    SELECT d.id, pol.name_zh AS policy_zh, pol.name_en AS policy_en, d.title, u.display_name AS owner_name, d.state, d.due_at, d.completed_at, d.link
    FROM deadlines d
    JOIN deadline_policies pol ON pol.id = d.policy_id
    JOIN users u ON u.id = d.owner_user_id
    WHERE (d.subject_type = 'project' AND d.subject_id = ${id})
      OR (d.subject_type = 'task' AND d.subject_id IN (SELECT t.id::text FROM tasks t WHERE t.project_id = ${id}::uuid))
      OR (d.subject_type = 'approval_task' AND d.subject_id IN (
        SELECT at.id::text FROM approval_tasks at JOIN approval_requests ar ON ar.id = at.request_id
        WHERE ar.subject_type = 'project' AND ar.subject_id = ${id}))
    ORDER BY (d.state IN ('running', 'paused', 'breached')) DESC, d.due_at
    LIMIT 200`));
  return rows.map((r) => {
    const open = ['running', 'paused', 'breached'].includes(r.state);
    const dueAt = iso(r.due_at);
    return {
      id: r.id, policyName: actor.locale === 'en' ? r.policy_en : r.policy_zh, title: r.title, ownerName: r.owner_name, state: r.state,
      dueAt, completedAt: isoOrNull(r.completed_at), overdue: open && r.state !== 'paused' && new Date(dueAt).getTime() <= now.getTime(), link: r.link,
    };
  });
}
