import { OUTCOME_REASON_LABELS, OUTCOME_REASON_REQUIRED, outcomeNeedsReason } from '../../../../core/projects/rules.ts';
import { CLOSED_STAGE, outcomeStage } from '../../../../core/projects/stages.ts';
import type { OutcomeBody } from '../../../../core/projects/projects.schema.ts';
import { projects } from '../../../db/schema.ts';
import { cancelDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { assignPresalesKey, refreshNextDeadline } from '../project-deadlines.ts';
import { loadStageConfig } from '../project-stage-config.ts';
import { moveStage } from '../stage-move.ts';

/**
 * Stage moves (PRODUCT.md §2). Every move goes through `stageGate` (core/projects/stages.ts):
 * refused moves answer 409 `project_gate` with the reasons the UI also shows.
 */

/** Moves the project to another stage of the configured machine. */
export async function moveProjectStage(
  ctx: Ctx,
  id: string,
  input: { stage: string; version: number; note?: string | null | undefined },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, input.version);
    const { config } = await loadStageConfig(tx);
    await moveStage(tx, ctx, p, config, input.stage, { note: input.note ?? null });
    if (input.stage === CLOSED_STAGE) await cancelDeadline(tx, ctx.now, assignPresalesKey(p.id));
  });
}

/**
 * Records the outcome — won, lost, abandoned or failed tender (流标) — with its reason, the
 * winning competitor and price when known, and moves the project to the outcome's stage.
 */
export async function recordProjectOutcome(ctx: Ctx, id: string, input: OutcomeBody): Promise<void> {
  if (outcomeNeedsReason(input.outcome) && !input.reason) throw fieldErrors(ctx.actor.locale, { reason: OUTCOME_REASON_REQUIRED });
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, input.version);
    if (p.status !== 'open') throw stateConflict(ctx.actor.locale, { zh: '项目结果已记录', en: 'the outcome was already recorded' });
    const { config } = await loadStageConfig(tx);
    const target = outcomeStage(config, input.outcome);
    if (!target)
      throw stateConflict(ctx.actor.locale, {
        zh: '阶段配置中没有该结果阶段',
        en: 'the stage configuration has no stage for this outcome',
      });
    const set = {
      status: input.outcome,
      outcomeReason: input.reason ?? null,
      outcomeNote: input.note ?? null,
      winningCompetitor: input.winningCompetitor ?? null,
      winningPriceFen: input.winningPriceFen ?? null,
      outcomeAt: ctx.now,
    };
    const reasonText = input.reason ? OUTCOME_REASON_LABELS[input.reason].zh : null;
    const note =
      [reasonText, input.winningCompetitor ? `中标单位：${input.winningCompetitor}` : null, input.note].filter(Boolean).join('；') || null;
    await moveStage(tx, ctx, p, config, target.code, { set, candidate: { ...p, ...set }, note });
    await cancelDeadline(tx, ctx.now, assignPresalesKey(p.id));
    await refreshNextDeadline(tx, [p.id]);
  });
}

/** Closes the project — whatever the outcome, only once the team's summary (项目总结) exists. */
export async function closeProject(ctx: Ctx, id: string, version: number, note: string | null | undefined): Promise<void> {
  await moveProjectStage(ctx, id, { stage: CLOSED_STAGE, version, note: note ?? null });
}
