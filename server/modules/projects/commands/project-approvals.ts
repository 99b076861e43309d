import { DEFAULT_SHARE_FLOOR_PCT, shareBelowFloor } from '../../../../core/projects/rules.ts';
import { CLOSED_STAGE, GATE_FIELD_LABELS, findStage, type GateField } from '../../../../core/projects/stages.ts';
import { submitForApproval } from '../../../approvals/engine.ts';
import type { Label } from '../../../../core/kernel/label.ts';
import { projects } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { goNoGoProcess, registrationProcess, shareExceptionProcess, specialHandlingProcess } from '../project-approval-processes.ts';
import { auditProject, projectTimeline, writeProject } from '../project-changes.ts';
import { projectsMessages } from '../projects.messages.ts';
import { refreshNextDeadline } from '../project-deadlines.ts';
import { gateProjectOf, numberOf, type ProjectRow } from '../project-row.ts';
import { loadStageConfig } from '../project-stage-config.ts';
import { recordNoGo } from '../stage-move.ts';

/**
 * The project's reviews on the approval engine: go/no-go after the preliminary analysis (GM and
 * advisor), registration 立项 (marketing manager, then presales manager), the GM's exception
 * for a revenue split below the floor, and special commercial handling (特殊项目处理). The
 * decisions come back through the subject's onDecision (../project-approval-subject.ts).
 */

function requireFilled(ctx: Ctx, p: ProjectRow, fields: GateField[], what: Label): void {
  const g = gateProjectOf(p) as unknown as Record<string, unknown>;
  const missing: Record<string, Label> = {};
  for (const f of fields) {
    const v = g[f];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
      missing[f] = { zh: `${what.zh}前请填写「${GATE_FIELD_LABELS[f].zh}」`, en: `Fill in "${GATE_FIELD_LABELS[f].en}" before ${what.en}` };
    }
  }
  if (Object.keys(missing).length) throw fieldErrors(ctx.actor.locale, missing);
}

function assertOpen(ctx: Ctx, p: ProjectRow): void {
  if (p.status !== 'open' || p.stage === CLOSED_STAGE)
    throw stateConflict(ctx.actor.locale, { zh: '项目已有结果或已关闭', en: 'the project has an outcome or is closed' });
}

/** Seed 000 step 2: the team's preliminary analysis goes to the GM and the advisor for the go/no-go decision. */
export async function submitGoNoGo(ctx: Ctx, id: string, version: number): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, version);
    assertOpen(ctx, p);
    if (p.goDecision === 'go') throw stateConflict(ctx.actor.locale, { zh: '已决定跟进（Go）', en: 'the go decision was already made' });
    if (p.goDecision === 'pending')
      throw stateConflict(ctx.actor.locale, { zh: '跟进决策审批进行中', en: 'the go/no-go approval is already under way' });
    requireFilled(ctx, p, ['budgetFen', 'decisionProcess', 'funding', 'credit', 'competitors', 'strengths', 'risks'], {
      zh: '提交 跟进决策',
      en: 'submitting for go/no-go',
    });
    const row = await writeProject(tx, ctx, p, { goDecision: 'pending' });
    const requestId = await submitForApproval(tx, ctx, {
      process: goNoGoProcess,
      subjectId: p.id,
      title: `跟进决策：${p.code} ${p.name}`,
    });
    await auditProject(tx, ctx, p.id, 'project.go_no_go_submit', { goDecision: { before: p.goDecision, after: 'pending' } });
    await projectTimeline(tx, ctx, row, 'project.go_no_go', projectsMessages.message('timeline.go_no_go_submitted'), {
      data: { requestId },
    });
    await refreshNextDeadline(tx, [p.id]);
    return requestId;
  });
}

/** The team decides not to pursue the opportunity: the reason is recorded and the opportunity closed. */
export async function recordNoGoDecision(ctx: Ctx, id: string, version: number, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, version);
    assertOpen(ctx, p);
    if (p.goDecision === 'go')
      throw stateConflict(ctx.actor.locale, {
        zh: '已决定跟进（Go），请改为记录结果（放弃）',
        en: 'the go decision was made; record the outcome "abandoned" instead',
      });
    if (p.goDecision === 'pending')
      throw stateConflict(ctx.actor.locale, {
        zh: '跟进决策审批进行中，请先撤回审批',
        en: 'the go/no-go approval is under way; withdraw it first',
      });
    const row = await writeProject(tx, ctx, p, {
      goDecision: 'no_go',
      noGoReason: reason,
      status: 'no_go',
      stage: CLOSED_STAGE,
      stageEnteredAt: ctx.now,
      closedAt: ctx.now,
    });
    await recordNoGo(tx, ctx, p, row, reason);
  });
}

/** Seed 002: the registration form (项目登记表) goes to the marketing manager, then the presales manager. */
export async function submitRegistration(ctx: Ctx, id: string, version: number): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.create'), { lock: true });
    checkVersion(p, version);
    assertOpen(ctx, p);
    if (p.goDecision !== 'go')
      throw stateConflict(ctx.actor.locale, { zh: '须先通过跟进决策审批', en: 'the go/no-go approval must pass first' });
    if (p.registrationState === 'approved')
      throw stateConflict(ctx.actor.locale, { zh: '项目已立项', en: 'the project is already registered' });
    if (p.registrationState === 'pending')
      throw stateConflict(ctx.actor.locale, { zh: '立项审批进行中', en: 'the registration approval is already under way' });
    const { config } = await loadStageConfig(tx);
    const stage = findStage(config, p.stage);
    if (stage?.kind !== 'pipeline')
      throw stateConflict(ctx.actor.locale, { zh: '当前阶段不能提交立项', en: 'the registration cannot be submitted in this stage' });
    const fields: GateField[] = [
      'budgetFen',
      'expectedSignDate',
      'decisionProcess',
      'funding',
      'credit',
      'competitors',
      'projectLevel',
      'deliveryMode',
      'personMonths',
    ];
    if (p.deliveryMode === 'cooperative') fields.push('partnerId', 'companySharePct');
    requireFilled(ctx, p, fields, { zh: '提交立项', en: 'submitting the registration' });
    if (shareBelowFloor(p.deliveryMode, numberOf(p.companySharePct), config.shareFloorPct) && p.shareException !== 'approved') {
      throw stateConflict(ctx.actor.locale, {
        zh: `我方分成 ${numberOf(p.companySharePct) ?? 0}% 低于下限 ${config.shareFloorPct}%，须先经总经理批准分成例外`,
        en: `the company share ${numberOf(p.companySharePct) ?? 0}% is below the ${config.shareFloorPct}% floor; the GM must approve an exception first`,
      });
    }
    const row = await writeProject(tx, ctx, p, { registrationState: 'pending' });
    const requestId = await submitForApproval(tx, ctx, {
      process: registrationProcess,
      subjectId: p.id,
      title: `项目登记（立项）：${p.code} ${p.name}`,
    });
    await auditProject(tx, ctx, p.id, 'project.registration_submit', {
      registrationState: { before: p.registrationState, after: 'pending' },
    });
    await projectTimeline(tx, ctx, row, 'project.registration', projectsMessages.message('timeline.registration_submitted'), {
      data: { requestId },
    });
    await refreshNextDeadline(tx, [p.id]);
    return requestId;
  });
}

/** A cooperative split below the floor (default 30 %, seed 000's 3:7) needs the GM's exception. */
export async function requestShareException(ctx: Ctx, id: string, version: number, reason: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, version);
    assertOpen(ctx, p);
    const { config } = await loadStageConfig(tx);
    const share = numberOf(p.companySharePct);
    if (!shareBelowFloor(p.deliveryMode, share, config.shareFloorPct ?? DEFAULT_SHARE_FLOOR_PCT)) {
      throw stateConflict(ctx.actor.locale, {
        zh: `只有合作项目且我方分成低于 ${config.shareFloorPct}% 时才需要例外审批`,
        en: `an exception is needed only for a cooperative split below ${config.shareFloorPct}%`,
      });
    }
    if (p.shareException === 'approved' || p.shareException === 'pending')
      throw stateConflict(ctx.actor.locale, { zh: '分成例外已批准或审批中', en: 'the exception is approved or under way' });
    const row = await writeProject(tx, ctx, p, { shareException: 'pending' });
    const requestId = await submitForApproval(tx, ctx, {
      process: shareExceptionProcess,
      subjectId: p.id,
      title: `合作分成例外：${p.code} ${p.name}（我方 ${share ?? 0}%）`,
    });
    await auditProject(
      tx,
      ctx,
      p.id,
      'project.share_exception_submit',
      { shareException: { before: p.shareException, after: 'pending' } },
      reason,
    );
    await projectTimeline(tx, ctx, row, 'project.share_exception', projectsMessages.message('timeline.share_exception_submitted'), {
      summary: reason,
      data: { requestId },
    });
    return requestId;
  });
}

/** Seed 000 step 3: a project that needs special commercial handling goes to the GM (特殊项目处理). */
export async function requestSpecialHandling(ctx: Ctx, id: string, version: number, reason: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, version);
    assertOpen(ctx, p);
    const row = await writeProject(tx, ctx, p, { specialHandling: reason });
    const requestId = await submitForApproval(tx, ctx, {
      process: specialHandlingProcess,
      subjectId: p.id,
      title: `特殊项目处理：${p.code} ${p.name}`,
    });
    await auditProject(tx, ctx, p.id, 'project.special_handling_submit', { specialHandling: { before: p.specialHandling, after: reason } });
    await projectTimeline(tx, ctx, row, 'project.special_handling', projectsMessages.message('timeline.special_handling_submitted'), {
      summary: reason,
      data: { requestId },
    });
    return requestId;
  });
}
