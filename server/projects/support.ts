import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Permission } from '../../core/permissions.ts';
import { StageConfigSchema } from '../../core/schemas/projects.schema.ts';
import {
  DEFAULT_STAGE_CONFIG, findStage, stageGate, statusForStage, validateStageConfig, type GateProject, type StageConfig, type StageDef,
} from '../../core/projects/stages.ts';
import { appendAudit, type Changes } from '../audit/audit-log.ts';
import { rowsOf, type Db } from '../db/client.ts';
import { projectMembers, projects, projectStageHistory, projectSummaries, settings } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { notify } from '../notifications/notify.ts';
import type { Actor } from '../policies/actor.ts';
import { projectVisibility } from '../policies/visibility.ts';
import { appendTimeline } from '../timeline/timeline.ts';

/**
 * What the project use cases share: the stage configuration, loading a project inside the
 * reader's visibility (404 outside it), the version check, the one stage-move routine (gate,
 * history, timeline, audit, monitor notice) and the kanban's next-deadline column.
 */

export type ProjectRow = typeof projects.$inferSelect;

export const STAGES_SETTING_KEY = 'project.stages';

export const PROJECT_EVENTS = {
  keyEvent: 'project.key_event',
  assigned: 'project.assigned',
  summaryShared: 'project.summary_shared',
  taskAssigned: 'task.assigned',
} as const;

export interface LoadedStageConfig {
  config: StageConfig;
  version: number;
  isDefault: boolean;
}

/** The stage machine in force: the stored configuration, or the defaults while none is stored (or it became invalid). */
export async function loadStageConfig(db: Db): Promise<LoadedStageConfig> {
  const [row] = await db.select().from(settings).where(eq(settings.key, STAGES_SETTING_KEY)).limit(1);
  if (!row) return { config: DEFAULT_STAGE_CONFIG, version: 0, isDefault: true };
  const parsed = StageConfigSchema.safeParse(row.value);
  if (!parsed.success || validateStageConfig(parsed.data).length) return { config: DEFAULT_STAGE_CONFIG, version: row.version, isDefault: true };
  return { config: parsed.data, version: row.version, isDefault: false };
}

function num(v: string | number | null): number | null {
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A stored project as the pure stage gate sees it. */
export function gateProjectOf(p: ProjectRow): GateProject {
  return {
    stage: p.stage, status: p.status, goDecision: p.goDecision, registrationState: p.registrationState, shareException: p.shareException,
    name: p.name, customerId: p.customerId, amountFen: p.amountFen, budgetFen: p.budgetFen, expectedSignDate: p.expectedSignDate,
    winProbability: p.winProbability, decisionProcess: p.decisionProcess, funding: p.funding, credit: p.credit, competitors: p.competitors,
    strengths: p.strengths, risks: p.risks, projectLevel: p.projectLevel, deliveryMode: p.deliveryMode, personMonths: num(p.personMonths),
    partnerId: p.partnerId, companySharePct: num(p.companySharePct), managerUserId: p.managerUserId, presalesLeadId: p.presalesLeadId,
    monitorUserId: p.monitorUserId, outcomeReason: p.outcomeReason, winningCompetitor: p.winningCompetitor,
  };
}

export const numberOf = num;

export async function hasSummary(db: Db, projectId: string): Promise<boolean> {
  const rows = await db.select({ id: projectSummaries.projectId }).from(projectSummaries).where(eq(projectSummaries.projectId, projectId)).limit(1);
  return rows.length > 0;
}

/**
 * The project if the actor may see it under `permission` (403 without the permission, 404
 * outside the scope); locked for the transaction when `lock` is set.
 */
export async function loadProject(tx: Db, actor: Actor, id: string, permission: Permission = 'project.read', lock = false): Promise<ProjectRow> {
  const vis = await projectVisibility(tx, actor, permission);
  const q = tx.select().from(projects).where(and(eq(projects.id, id), vis)).limit(1);
  const rows = lock ? await q.for('update') : await q;
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return row;
}

/** 409 with the current version when the caller edited an older one. */
export function assertVersion(p: { version: number }, version: number): void {
  if (p.version !== version) throw new AppError('conflict_stale', { currentVersion: p.version }, { currentVersion: p.version });
}

/** A 409 explaining why the project's state does not allow the action. */
export function stateError(ctx: Ctx, zh: string, en: string): AppError {
  return new AppError('conflict_state', { reason: ctx.actor.locale === 'en' ? en : zh });
}

/** A 400 on one field with a message in the actor's language. */
export function fieldError(ctx: Ctx, fields: Record<string, { zh: string; en: string }>): AppError {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) out[`body.${k}`] = ctx.actor.locale === 'en' ? v.en : v.zh;
  return new AppError('validation_failed', {}, { fields: out });
}

/** Updates the project row (bumping its version) and returns it. */
export async function writeProject(tx: Db, ctx: Ctx, p: ProjectRow, set: Partial<typeof projects.$inferInsert>): Promise<ProjectRow> {
  const [row] = await tx
    .update(projects)
    .set({ ...set, version: p.version + 1, updatedAt: ctx.now })
    .where(and(eq(projects.id, p.id), eq(projects.version, p.version)))
    .returning();
  if (!row) throw new AppError('conflict_stale', { currentVersion: p.version + 1 }, { currentVersion: p.version + 1 });
  return row;
}

/** A timeline entry of the project (and its customer). */
export async function projectTimeline(
  tx: Db, ctx: Ctx, p: { id: string; customerId: string; leadId?: string | null }, kind: string, title: string,
  extra: { summary?: string | null; data?: Record<string, unknown> | null; entityType?: string; entityId?: string } = {},
): Promise<void> {
  await appendTimeline(tx, {
    at: ctx.now, kind, entityType: extra.entityType ?? 'project', entityId: extra.entityId ?? p.id, actorId: ctx.actor.userId,
    title, summary: extra.summary ?? null, data: extra.data ?? null, customerId: p.customerId, projectId: p.id,
  });
}

/** An audit row about the project. */
export async function auditProject(tx: Db, ctx: Ctx, projectId: string, action: string, changes: Changes | null, detail?: string | null): Promise<void> {
  await appendAudit(tx, ctx.actor, ctx.now, { action, entityType: 'project', entityId: projectId, changes, detail: detail ?? null });
}

/**
 * Tells the project monitor (监控人, seed 004: watches the key points) — and the owner, when
 * someone else acted — about a key event. `major` events are also copied per the CC rule (GM).
 */
export async function notifyKeyEvent(
  tx: Db, ctx: Ctx, p: ProjectRow, event: { zh: string; en: string }, opts: { major?: boolean; alsoOwner?: boolean } = {},
): Promise<void> {
  const ids = new Set<string>();
  if (p.monitorUserId) ids.add(p.monitorUserId);
  if (opts.alsoOwner !== false && p.ownerUserId !== ctx.actor.userId) ids.add(p.ownerUserId);
  if (ctx.actor.userId) ids.delete(ctx.actor.userId);
  if (ids.size === 0 && !opts.major) return;
  await notify(tx, ctx.now, {
    eventType: PROJECT_EVENTS.keyEvent,
    recipientUserIds: [...ids],
    params: { code: p.code, name: p.name, event: event.zh, eventEn: event.en, actor: ctx.actor.displayName ?? '' },
    subject: { type: 'project', id: p.id },
    link: `/projects/${p.id}`,
    ...(opts.major ? { major: true } : {}),
  });
}

/** A stage's name in both languages (the code when the stage is unknown). */
export function stageName(config: StageConfig, code: string): { zh: string; en: string } {
  const s = findStage(config, code);
  return s ? { zh: s.nameZh, en: s.nameEn } : { zh: code, en: code };
}

/** Refuses with every gate reason, in the actor's language. */
export function gateError(ctx: Ctx, target: StageDef | undefined, code: string, reasons: Array<{ zh: string; en: string; code: string }>): AppError {
  const en = ctx.actor.locale === 'en';
  return new AppError(
    'project_gate',
    { stage: target ? (en ? target.nameEn : target.nameZh) : code, reasons: reasons.map((r) => (en ? r.en : r.zh)).join(en ? '; ' : '；') },
    { stage: code, reasons },
  );
}

/**
 * The one way a project changes stage: the gate is checked (unless the system itself moves it
 * on an approval), the status follows the stage, and the move is recorded in the stage history,
 * the timeline and the audit log, and reported to the monitor.
 */
export async function moveStage(
  tx: Db, ctx: Ctx, p: ProjectRow, config: StageConfig, targetCode: string,
  opts: { note?: string | null; set?: Partial<typeof projects.$inferInsert>; checkGate?: boolean; candidate?: ProjectRow } = {},
): Promise<ProjectRow> {
  const target = findStage(config, targetCode);
  if (opts.checkGate !== false) {
    const candidate = opts.candidate ?? p;
    const gate = stageGate(gateProjectOf(candidate), config, targetCode, { hasSummary: await hasSummary(tx, p.id) });
    if (!gate.allowed) throw gateError(ctx, target, targetCode, gate.reasons);
  }
  if (!target) throw new AppError('not_found');
  const status = opts.set?.status ?? statusForStage(target, p.status);
  const row = await writeProject(tx, ctx, p, {
    ...opts.set, stage: target.code, stageEnteredAt: ctx.now, status,
    ...(target.kind === 'closed' ? { closedAt: ctx.now } : {}),
  });
  await tx.insert(projectStageHistory).values({
    projectId: p.id, fromStage: p.stage, toStage: target.code, at: ctx.now, actorId: ctx.actor.userId, note: opts.note?.trim() || null,
  });
  const from = stageName(config, p.stage);
  await projectTimeline(tx, ctx, p, 'project.stage', `阶段：${from.zh} → ${target.nameZh}`, {
    summary: opts.note?.trim() || null, data: { from: p.stage, to: target.code, fromEn: from.en, toEn: target.nameEn },
  });
  await auditProject(tx, ctx, p.id, 'project.stage', {
    stage: { before: p.stage, after: target.code },
    ...(status !== p.status ? { status: { before: p.status, after: status } } : {}),
  }, opts.note ?? null);
  await notifyKeyEvent(tx, ctx, row, { zh: `阶段变更为「${target.nameZh}」`, en: `moved to "${target.nameEn}"` }, {
    major: target.kind === 'outcome' || target.kind === 'closed',
  });
  return row;
}

/**
 * Recomputes `projects.next_deadline_at`: the earliest open deadline of the project itself, of
 * its open tasks and of the approval tasks of its requests. Derived data: the version stays.
 */
export async function refreshNextDeadline(tx: Db, projectIds: readonly string[]): Promise<void> {
  if (projectIds.length === 0) return;
  const ids = sql.join([...new Set(projectIds)].map((id) => sql`${id}::uuid`), sql`, `);
  await tx.execute(sql`
    UPDATE projects p SET next_deadline_at = (${nextDeadlineSql(sql`p.id`)})
    WHERE p.id IN (${ids})`);
}

/** SQL for the earliest open deadline of the project whose id is `idCol`. */
export function nextDeadlineSql(idCol: ReturnType<typeof sql>): ReturnType<typeof sql> {
  return sql`SELECT min(d.due_at) FROM deadlines d
    WHERE d.state IN ('running', 'paused', 'breached') AND (
      (d.subject_type = 'project' AND d.subject_id = (${idCol})::text)
      OR (d.subject_type = 'task' AND d.subject_id IN (SELECT t.id::text FROM tasks t WHERE t.project_id = ${idCol} AND t.state = 'open'))
      OR (d.subject_type = 'approval_task' AND d.subject_id IN (
        SELECT at.id::text FROM approval_tasks at JOIN approval_requests ar ON ar.id = at.request_id
        WHERE ar.subject_type = 'project' AND ar.subject_id = (${idCol})::text AND at.status = 'pending')))`;
}

/** Whether the user is on the project team (owner, manager, presales lead, monitor, member). */
export async function isOnTeam(db: Db, p: ProjectRow, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  if ([p.ownerUserId, p.managerUserId, p.presalesLeadId, p.monitorUserId].includes(userId)) return true;
  const rows = await db.select({ u: projectMembers.userId }).from(projectMembers)
    .where(and(eq(projectMembers.projectId, p.id), eq(projectMembers.userId, userId))).limit(1);
  return rows.length > 0;
}

/** Everyone on the team (for notices), without duplicates. */
export async function teamUserIds(db: Db, p: ProjectRow): Promise<string[]> {
  const members = await db.select({ u: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, p.id));
  const ids = [p.ownerUserId, p.managerUserId, p.presalesLeadId, p.monitorUserId, ...members.map((m) => m.u)];
  return [...new Set(ids.filter((x): x is string => !!x))];
}

/** Active users among the given ids. */
export async function activeUsers(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await db.execute(sql`SELECT id FROM users WHERE active AND id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
  return new Set(rowsOf<{ id: string }>(res).map((r) => r.id));
}

/** The lower-cased text the list's search box matches (code, name, customer). */
export function searchTextOf(parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(' ').toLowerCase();
}

