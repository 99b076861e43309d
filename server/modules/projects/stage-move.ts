import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { Label } from '../../../core/kernel/label.ts';
import { stageGate } from '../../../core/projects/stage-gate.ts';
import { CLOSED_STAGE, findStage, statusForStage, type StageConfig, type StageDef } from '../../../core/projects/stages.ts';
import type { Db } from '../../db/client.ts';
import { projects, projectStageHistory, projectSummaries } from '../../db/schema.ts';
import { cancelDeadline } from '../../deadlines/deadlines.ts';
import type { Ctx } from '../../kernel/context.ts';
import { auditProject, notifyKeyEvent, projectTimeline, writeProject } from './project-changes.ts';
import { projectsMessages } from './projects.messages.ts';
import { assignPresalesKey } from './project-deadlines.ts';
import { gateProjectOf, type ProjectRow } from './project-row.ts';
import { stageName } from './project-stage-config.ts';

/**
 * The one way a project changes stage (PRODUCT.md §2) — a move through the gate, or a no-go
 * that closes the opportunity — shared by the stage, outcome and approval use cases and by the
 * approval subject's decisions.
 */

export async function hasSummary(db: Db, projectId: string): Promise<boolean> {
  const rows = await db
    .select({ id: projectSummaries.projectId })
    .from(projectSummaries)
    .where(eq(projectSummaries.projectId, projectId))
    .limit(1);
  return rows.length > 0;
}

/** Refuses with every gate reason, in the actor's language. */
export function gateError(ctx: Ctx, target: StageDef | undefined, code: string, reasons: Array<Label & { code: string }>): AppError {
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
  tx: Db,
  ctx: Ctx,
  p: ProjectRow,
  config: StageConfig,
  targetCode: string,
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
    ...opts.set,
    stage: target.code,
    stageEnteredAt: ctx.now,
    status,
    ...(target.kind === 'closed' ? { closedAt: ctx.now } : {}),
  });
  await tx.insert(projectStageHistory).values({
    projectId: p.id,
    fromStage: p.stage,
    toStage: target.code,
    at: ctx.now,
    actorId: ctx.actor.userId,
    note: opts.note?.trim() || null,
  });
  const from = stageName(config, p.stage);
  await projectTimeline(
    tx,
    ctx,
    p,
    'project.stage',
    projectsMessages.message('timeline.stage', { from, to: { zh: target.nameZh, en: target.nameEn } }),
    {
      summary: opts.note?.trim() || null,
      data: { from: p.stage, to: target.code, fromEn: from.en, toEn: target.nameEn },
    },
  );
  await auditProject(
    tx,
    ctx,
    p.id,
    'project.stage',
    {
      stage: { before: p.stage, after: target.code },
      ...(status !== p.status ? { status: { before: p.status, after: status } } : {}),
    },
    opts.note ?? null,
  );
  await notifyKeyEvent(
    tx,
    ctx,
    row,
    { zh: `阶段变更为「${target.nameZh}」`, en: `moved to "${target.nameEn}"` },
    {
      major: target.kind === 'outcome' || target.kind === 'closed',
    },
  );
  return row;
}

/** A no-go closes the opportunity with its reason: history, timeline, audit, open deadlines cancelled, monitor told. */
export async function recordNoGo(tx: Db, ctx: Ctx, before: ProjectRow, after: ProjectRow, reason: string): Promise<void> {
  await tx.execute(sql`INSERT INTO project_stage_history (project_id, from_stage, to_stage, at, actor_id, note)
    VALUES (${before.id}, ${before.stage}, ${CLOSED_STAGE}, ${ctx.now}, ${ctx.actor.userId}, ${`No-go：${reason}`})`);
  await cancelDeadline(tx, ctx.now, assignPresalesKey(before.id));
  await auditProject(
    tx,
    ctx,
    before.id,
    'project.no_go',
    {
      goDecision: { before: before.goDecision, after: 'no_go' },
      status: { before: before.status, after: 'no_go' },
      stage: { before: before.stage, after: CLOSED_STAGE },
    },
    reason,
  );
  await projectTimeline(tx, ctx, before, 'project.no_go', projectsMessages.message('timeline.no_go'), { summary: reason });
  await notifyKeyEvent(
    tx,
    ctx,
    after,
    { zh: `决定不跟进（No-go）并关闭：${reason}`, en: `was closed as no-go: ${reason}` },
    { major: true },
  );
}
