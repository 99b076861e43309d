/**
 * The gate of the project stage machine (core/projects/stages.ts). `stageGate` is the one answer
 * to "may this project enter that stage, and if not why": the server calls it to enforce a
 * move, the browser to explain a disabled Advance button. `nextRequiredStep` says what has to
 * happen next, for the project header, the workspace and the kanban.
 */
import { OUTCOME_LABELS, shareBelowFloor } from './rules.ts';
import {
  CLOSED_STAGE,
  GATE_APPROVAL_LABELS,
  GATE_FIELD_LABELS,
  findStage,
  orderedStages,
  type GateApproval,
  type GateField,
  type StageConfig,
  type StageDef,
  type StageRequires,
} from './stages.ts';

/** A project as the gate sees it (the fields stages may require plus its states). */
export interface GateProject {
  stage: string;
  /** open | won | lost | abandoned | failed_tender | no_go */
  status: string;
  /** null | pending | returned | go | no_go */
  goDecision: string | null;
  /** none | pending | approved | rejected | returned */
  registrationState: string;
  /** none | pending | approved | rejected */
  shareException: string;
  name?: string | null;
  customerId?: string | null;
  amountFen?: number | null;
  budgetFen?: number | null;
  expectedSignDate?: string | null;
  winProbability?: number | null;
  decisionProcess?: string | null;
  funding?: string | null;
  credit?: string | null;
  competitors?: string | null;
  strengths?: string | null;
  risks?: string | null;
  projectLevel?: string | null;
  deliveryMode?: string | null;
  personMonths?: number | null;
  partnerId?: string | null;
  companySharePct?: number | null;
  managerUserId?: string | null;
  presalesLeadId?: string | null;
  monitorUserId?: string | null;
  outcomeReason?: string | null;
  winningCompetitor?: string | null;
}

/** What the gate needs beyond the project row. */
export interface GateFacts {
  hasSummary: boolean;
}

export type GateReasonCode =
  | 'unknown_stage'
  | 'project_closed'
  | 'same_stage'
  | 'transition_not_allowed'
  | 'field_missing'
  | 'approval_missing'
  | 'summary_missing'
  | 'outcome_missing'
  | 'approval_pending';

export interface GateReason {
  code: GateReasonCode;
  zh: string;
  en: string;
  /** the missing field or approval, when the reason is about one */
  field?: GateField;
  approval?: GateApproval;
}

export interface GateResult {
  allowed: boolean;
  reasons: GateReason[];
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  return true;
}

/** Whether one approval requirement holds for the project. */
export function approvalSatisfied(project: GateProject, approval: GateApproval, config: StageConfig): boolean {
  switch (approval) {
    case 'go_no_go':
      return project.goDecision === 'go';
    case 'registration':
      return project.registrationState === 'approved';
    case 'share_exception':
      return !shareBelowFloor(project.deliveryMode, project.companySharePct, config.shareFloorPct) || project.shareException === 'approved';
  }
}

/**
 * What entering `target` requires: for a pipeline stage, its own requirements plus those of
 * every earlier pipeline stage (skipping a stage never skips its requirements); for the other
 * kinds, their own.
 */
export function requirementsFor(config: StageConfig, target: StageDef): StageRequires {
  const sources = target.kind === 'pipeline' ? config.stages.filter((s) => s.kind === 'pipeline' && s.order <= target.order) : [target];
  const fields = new Set<GateField>();
  const approvals = new Set<GateApproval>();
  let summary = false;
  for (const s of orderedStages({ ...config, stages: sources })) {
    s.requires.fields.forEach((f) => fields.add(f));
    s.requires.approvals.forEach((a) => approvals.add(a));
    summary ||= s.requires.summary;
  }
  return { fields: [...fields], approvals: [...approvals], summary };
}

/**
 * May `project` move to `targetStage` under `config`? Lists every reason it may not, each in
 * Chinese and English (the server refuses with them, the UI shows them next to Advance).
 */
export function stageGate(project: GateProject, config: StageConfig, targetStage: string, facts: GateFacts): GateResult {
  const reasons: GateReason[] = [];
  const target = findStage(config, targetStage);
  if (!target) {
    reasons.push({ code: 'unknown_stage', zh: `阶段「${targetStage}」不存在`, en: `There is no stage "${targetStage}"` });
    return { allowed: false, reasons };
  }
  const current = findStage(config, project.stage);
  const currentName = current ? { zh: current.nameZh, en: current.nameEn } : { zh: project.stage, en: project.stage };
  if (current?.terminal || project.status === 'no_go') {
    reasons.push({ code: 'project_closed', zh: '项目已关闭，不能再变更阶段', en: 'The project is closed; its stage cannot change' });
    return { allowed: false, reasons };
  }
  if (project.stage === target.code) {
    reasons.push({ code: 'same_stage', zh: `项目已处于「${target.nameZh}」阶段`, en: `The project is already in "${target.nameEn}"` });
    return { allowed: false, reasons };
  }
  if (!current || !current.next.includes(target.code)) {
    reasons.push({
      code: 'transition_not_allowed',
      zh: `不能从「${currentName.zh}」直接进入「${target.nameZh}」`,
      en: `"${target.nameEn}" cannot be entered directly from "${currentName.en}"`,
    });
  }
  const needs = requirementsFor(config, target);
  const record = project as unknown as Record<string, unknown>;
  for (const field of needs.fields) {
    if (filled(record[field])) continue;
    const label = GATE_FIELD_LABELS[field];
    reasons.push({ code: 'field_missing', field, zh: `请填写「${label.zh}」`, en: `Fill in "${label.en}"` });
  }
  for (const approval of needs.approvals) {
    if (approvalSatisfied(project, approval, config)) continue;
    const label = GATE_APPROVAL_LABELS[approval];
    reasons.push({ code: 'approval_missing', approval, zh: `需先通过${label.zh}`, en: `The ${label.en} is required first` });
  }
  if (needs.summary && !facts.hasSummary) {
    reasons.push({
      code: 'summary_missing',
      zh: '关闭前须由项目组填写项目总结',
      en: 'The team must write the project summary before closing',
    });
  }
  if ((target.kind === 'outcome' || target.kind === 'closed') && pendingApproval(project)) {
    reasons.push({
      code: 'approval_pending',
      zh: '项目仍有进行中的审批（跟进决策、立项或分成例外），请先撤回或等待审批完成',
      en: 'An approval of the project (go/no-go, registration or split exception) is still under way; withdraw it or wait for the decision first',
    });
  }
  if (target.kind === 'outcome' && target.outcome && project.status !== target.outcome) {
    const label = OUTCOME_LABELS[target.outcome];
    reasons.push({
      code: 'outcome_missing',
      zh: `请通过“记录结果”登记「${label.zh}」及原因`,
      en: `Record the outcome "${label.en}" with its reason first`,
    });
  }
  return { allowed: reasons.length === 0, reasons };
}

/** Whether one of the project's approvals is still under way (an outcome or closing would leave it dangling). */
export function pendingApproval(project: GateProject): boolean {
  return project.goDecision === 'pending' || project.registrationState === 'pending' || project.shareException === 'pending';
}

/** The forward move the UI offers as "Advance": the lowest-ordered later pipeline/post stage among the allowed moves. */
export function suggestedNextStage(config: StageConfig, project: GateProject): StageDef | undefined {
  const current = findStage(config, project.stage);
  if (!current) return undefined;
  const candidates = current.next
    .map((c) => findStage(config, c))
    .filter((s): s is StageDef => !!s && (s.kind === 'pipeline' || s.kind === 'post' || s.kind === 'closed') && s.order > current.order)
    .sort((a, b) => a.order - b.order);
  return candidates[0];
}

export type NextStepCode =
  | 'submit_go_no_go'
  | 'await_go_no_go'
  | 'request_share_exception'
  | 'await_share_exception'
  | 'submit_registration'
  | 'await_registration'
  | 'assign_presales_lead'
  | 'advance'
  | 'record_outcome'
  | 'write_summary'
  | 'close'
  | 'none';

export interface NextStep {
  code: NextStepCode;
  zh: string;
  en: string;
  /** for `advance`/`close`: the stage to move to */
  targetStage: string | null;
  /** why the move is not possible yet (from stageGate) */
  blockedBy: GateReason[];
}

/**
 * "What has to happen next" for the project header, the workspace and the kanban: the pending
 * approval, the missing assignment, or the next stage with what still blocks it.
 */
export function nextRequiredStep(project: GateProject, config: StageConfig, facts: GateFacts): NextStep {
  const step = (code: NextStepCode, zh: string, en: string, targetStage: string | null = null, blockedBy: GateReason[] = []): NextStep => ({
    code,
    zh,
    en,
    targetStage,
    blockedBy,
  });
  const current = findStage(config, project.stage);
  if (!current || current.terminal || project.status === 'no_go')
    return step('none', '无（项目已关闭）', 'Nothing (the project is closed)');
  if (current.kind === 'pipeline' && project.goDecision !== 'go') {
    return project.goDecision === 'pending'
      ? step('await_go_no_go', '等待总经理与顾问的跟进决策审批', 'Waiting for the go/no-go approval by the GM and the advisor')
      : step(
          'submit_go_no_go',
          '完成项目初步分析并提交跟进决策审批',
          'Complete the preliminary analysis and submit it for the go/no-go decision',
        );
  }
  if (current.kind === 'pipeline' && project.registrationState !== 'approved') {
    if (shareBelowFloor(project.deliveryMode, project.companySharePct, config.shareFloorPct) && project.shareException !== 'approved') {
      return project.shareException === 'pending'
        ? step('await_share_exception', '等待总经理审批合作分成例外', 'Waiting for the GM to approve the revenue-split exception')
        : step(
            'request_share_exception',
            `我方分成低于 ${config.shareFloorPct}%：请申请总经理例外审批`,
            `The company share is below ${config.shareFloorPct}%: request the GM's exception`,
          );
    }
    return project.registrationState === 'pending'
      ? step(
          'await_registration',
          '等待项目登记（立项）审批：市场部经理 → 售前经理',
          'Waiting for the registration approval: marketing manager → presales manager',
        )
      : step('submit_registration', '填写项目登记表并提交立项审批', 'Fill in the registration form and submit it for approval');
  }
  if (current.kind === 'pipeline' && !filled(project.presalesLeadId)) {
    return step('assign_presales_lead', '等待售前经理指派售前负责人', 'Waiting for the presales manager to assign the presales lead');
  }
  if (current.kind === 'outcome' || current.kind === 'post') {
    if (current.next.includes('handoff') && current.kind === 'outcome' && current.outcome === 'won') {
      const gate = stageGate(project, config, 'handoff', facts);
      if (gate.allowed) return step('advance', '进入实施交接', 'Move on to the implementation handoff', 'handoff');
    }
    if (!facts.hasSummary)
      return step('write_summary', '项目组撰写项目总结（无论结果）', 'The team writes the project summary (whatever the outcome)');
    return step('close', '关闭项目', 'Close the project', CLOSED_STAGE);
  }
  const next = suggestedNextStage(config, project);
  if (!next) return step('record_outcome', '记录项目结果', 'Record the outcome');
  const gate = stageGate(project, config, next.code, facts);
  return step('advance', `推进到「${next.nameZh}」`, `Advance to "${next.nameEn}"`, next.code, gate.reasons);
}
