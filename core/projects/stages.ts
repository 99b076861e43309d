/**
 * The stage machine of a presales project (PRODUCT.md §2). Stages, their order, the moves
 * allowed between them and what each stage requires on entry are configuration (settings key
 * `project.stages`) with the defaults below — not constants scattered through handlers.
 *
 * `stageGate` is the one answer to "may this project enter that stage, and if not why": the
 * server calls it to enforce a move, the browser to explain a disabled Advance button.
 */
import { OUTCOME_LABELS, OUTCOMES, shareBelowFloor, DEFAULT_SHARE_FLOOR_PCT, type Label, type Outcome } from './rules.ts';

/** Project fields a stage may require to be filled. */
export const GATE_FIELDS = [
  'name', 'customerId', 'amountFen', 'budgetFen', 'expectedSignDate', 'winProbability',
  'decisionProcess', 'funding', 'credit', 'competitors', 'strengths', 'risks',
  'projectLevel', 'deliveryMode', 'personMonths', 'partnerId', 'companySharePct',
  'managerUserId', 'presalesLeadId', 'monitorUserId', 'outcomeReason', 'winningCompetitor',
] as const;
export type GateField = (typeof GATE_FIELDS)[number];

export const GATE_FIELD_LABELS: Record<GateField, Label> = {
  name: { zh: '项目名称', en: 'Project name' },
  customerId: { zh: '客户', en: 'Customer' },
  amountFen: { zh: '预计金额', en: 'Expected amount' },
  budgetFen: { zh: '客户预算', en: 'Customer budget' },
  expectedSignDate: { zh: '预计签约日期', en: 'Expected sign date' },
  winProbability: { zh: '赢单概率', en: 'Win probability' },
  decisionProcess: { zh: '决策程序', en: 'Decision process' },
  funding: { zh: '资金情况', en: 'Funding' },
  credit: { zh: '客户信用', en: 'Credit' },
  competitors: { zh: '竞争对手', en: 'Competitors' },
  strengths: { zh: '我方优势', en: 'Our strengths' },
  risks: { zh: '风险', en: 'Risks' },
  projectLevel: { zh: '项目级别（公司级 / 渠道）', en: 'Project level (company / channel)' },
  deliveryMode: { zh: '开发模式（自主 / 合作）', en: 'Delivery mode (self / cooperative)' },
  personMonths: { zh: '预计工作量（人月）', en: 'Estimated effort (person-months)' },
  partnerId: { zh: '合作单位', en: 'Partner' },
  companySharePct: { zh: '我方分成比例', en: 'Company share' },
  managerUserId: { zh: '项目经理', en: 'Project manager' },
  presalesLeadId: { zh: '售前负责人', en: 'Presales lead' },
  monitorUserId: { zh: '项目监控人', en: 'Project monitor' },
  outcomeReason: { zh: '结果原因', en: 'Outcome reason' },
  winningCompetitor: { zh: '中标单位', en: 'Winning competitor' },
};

/** Approvals a stage may require: go/no-go, registration (立项), and the GM's split exception when the split needs one. */
export const GATE_APPROVALS = ['go_no_go', 'registration', 'share_exception'] as const;
export type GateApproval = (typeof GATE_APPROVALS)[number];

export const GATE_APPROVAL_LABELS: Record<GateApproval, Label> = {
  go_no_go: { zh: '跟进决策审批', en: 'go/no-go approval' },
  registration: { zh: '项目登记（立项）审批', en: 'project registration (立项) approval' },
  share_exception: { zh: '合作分成例外审批（总经理）', en: 'revenue-split exception approval (GM)' },
};

/**
 * pipeline: the project is being worked (requirements of earlier pipeline stages still apply);
 * outcome: won / lost / abandoned / failed tender; post: after a win (handoff); closed: final.
 */
export const STAGE_KINDS = ['pipeline', 'outcome', 'post', 'closed'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export interface StageRequires {
  fields: GateField[];
  approvals: GateApproval[];
  /** the project summary (项目总结) must be written */
  summary: boolean;
}

export interface StageDef {
  code: string;
  nameZh: string;
  nameEn: string;
  /** position on the stage path and the kanban */
  order: number;
  kind: StageKind;
  /** for outcome stages: the outcome they record */
  outcome: Outcome | null;
  /** no move leaves it (closed) */
  terminal: boolean;
  /** stages this one may move to */
  next: string[];
  /** what must hold to enter it */
  requires: StageRequires;
}

export interface StageConfig {
  stages: StageDef[];
  /** the company's minimum share of a cooperative project, percent (seed 000: 3:7 → 30) */
  shareFloorPct: number;
}

/** Stage codes the system itself moves to: creation, the go decision, closing. */
export const INITIAL_STAGE = 'opportunity';
export const REGISTERED_STAGE = 'registered';
export const CLOSED_STAGE = 'closed';

const OUTCOME_STAGES: readonly string[] = OUTCOMES;
const req = (fields: GateField[] = [], approvals: GateApproval[] = [], summary = false): StageRequires => ({ fields, approvals, summary });

/** PRODUCT.md §2 defaults. */
export const DEFAULT_STAGES: StageDef[] = [
  {
    code: 'opportunity', nameZh: '商机', nameEn: 'Opportunity', order: 10, kind: 'pipeline', outcome: null, terminal: false,
    next: ['registered', 'abandoned'], requires: req(['name', 'customerId']),
  },
  {
    code: 'registered', nameZh: '立项', nameEn: 'Registered', order: 20, kind: 'pipeline', outcome: null, terminal: false,
    next: ['requirement_research', 'lost', 'abandoned'], requires: req([], ['go_no_go']),
  },
  {
    code: 'requirement_research', nameZh: '需求调研', nameEn: 'Requirement research', order: 30, kind: 'pipeline', outcome: null, terminal: false,
    next: ['solution', 'quotation', 'tender', 'won', 'lost', 'abandoned'],
    requires: req(['expectedSignDate', 'projectLevel', 'deliveryMode', 'managerUserId', 'presalesLeadId'], ['registration', 'share_exception']),
  },
  {
    code: 'solution', nameZh: '方案', nameEn: 'Solution', order: 40, kind: 'pipeline', outcome: null, terminal: false,
    next: ['requirement_research', 'quotation', 'tender', 'won', 'lost', 'abandoned'], requires: req(),
  },
  {
    code: 'quotation', nameZh: '报价', nameEn: 'Quotation', order: 50, kind: 'pipeline', outcome: null, terminal: false,
    next: ['solution', 'tender', 'won', 'lost', 'abandoned'], requires: req(['amountFen']),
  },
  {
    code: 'tender', nameZh: '招投标 / 谈判', nameEn: 'Tender / negotiation', order: 60, kind: 'pipeline', outcome: null, terminal: false,
    next: ['quotation', 'won', 'lost', 'abandoned', 'failed_tender'], requires: req(),
  },
  {
    code: 'won', nameZh: '中标 / 签约', nameEn: 'Won', order: 70, kind: 'outcome', outcome: 'won', terminal: false,
    next: ['handoff', 'closed'], requires: req(['amountFen']),
  },
  {
    code: 'lost', nameZh: '丢单', nameEn: 'Lost', order: 71, kind: 'outcome', outcome: 'lost', terminal: false,
    next: ['closed'], requires: req(['outcomeReason']),
  },
  {
    code: 'abandoned', nameZh: '放弃', nameEn: 'Abandoned', order: 72, kind: 'outcome', outcome: 'abandoned', terminal: false,
    next: ['closed'], requires: req(['outcomeReason']),
  },
  {
    code: 'failed_tender', nameZh: '流标', nameEn: 'Failed tender', order: 73, kind: 'outcome', outcome: 'failed_tender', terminal: false,
    next: ['closed'], requires: req(['outcomeReason']),
  },
  {
    code: 'handoff', nameZh: '实施交接', nameEn: 'Handoff', order: 80, kind: 'post', outcome: null, terminal: false,
    next: ['closed'], requires: req(),
  },
  {
    code: 'closed', nameZh: '关闭', nameEn: 'Closed', order: 90, kind: 'closed', outcome: null, terminal: true,
    next: [], requires: req([], [], true),
  },
];

export const DEFAULT_STAGE_CONFIG: StageConfig = { stages: DEFAULT_STAGES, shareFloorPct: DEFAULT_SHARE_FLOOR_PCT };

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

/** A stage by code. */
export function findStage(config: StageConfig, code: string): StageDef | undefined {
  return config.stages.find((s) => s.code === code);
}

/** The stages in display order. */
export function orderedStages(config: StageConfig): StageDef[] {
  return [...config.stages].sort((a, b) => a.order - b.order);
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
  const sources = target.kind === 'pipeline'
    ? config.stages.filter((s) => s.kind === 'pipeline' && s.order <= target.order)
    : [target];
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
    reasons.push({ code: 'summary_missing', zh: '关闭前须由项目组填写项目总结', en: 'The team must write the project summary before closing' });
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

/** The project status a stage implies: the outcome for outcome stages, won after handoff, open in the pipeline. */
export function statusForStage(stage: StageDef, current: string): string {
  if (stage.kind === 'outcome' && stage.outcome) return stage.outcome;
  if (stage.kind === 'post') return 'won';
  if (stage.kind === 'closed') return current;
  return 'open';
}

/** The stage an outcome is recorded into. */
export function outcomeStage(config: StageConfig, outcome: Outcome): StageDef | undefined {
  return config.stages.find((s) => s.kind === 'outcome' && s.outcome === outcome);
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
  const step = (code: NextStepCode, zh: string, en: string, targetStage: string | null = null, blockedBy: GateReason[] = []): NextStep =>
    ({ code, zh, en, targetStage, blockedBy });
  const current = findStage(config, project.stage);
  if (!current || current.terminal || project.status === 'no_go') return step('none', '无（项目已关闭）', 'Nothing (the project is closed)');
  if (current.kind === 'pipeline' && project.goDecision !== 'go') {
    return project.goDecision === 'pending'
      ? step('await_go_no_go', '等待总经理与顾问的跟进决策审批', 'Waiting for the go/no-go approval by the GM and the advisor')
      : step('submit_go_no_go', '完成项目初步分析并提交跟进决策审批', 'Complete the preliminary analysis and submit it for the go/no-go decision');
  }
  if (current.kind === 'pipeline' && project.registrationState !== 'approved') {
    if (shareBelowFloor(project.deliveryMode, project.companySharePct, config.shareFloorPct) && project.shareException !== 'approved') {
      return project.shareException === 'pending'
        ? step('await_share_exception', '等待总经理审批合作分成例外', 'Waiting for the GM to approve the revenue-split exception')
        : step('request_share_exception', `我方分成低于 ${config.shareFloorPct}%：请申请总经理例外审批`, `The company share is below ${config.shareFloorPct}%: request the GM's exception`);
    }
    return project.registrationState === 'pending'
      ? step('await_registration', '等待项目登记（立项）审批：市场部经理 → 售前经理', 'Waiting for the registration approval: marketing manager → presales manager')
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
    if (!facts.hasSummary) return step('write_summary', '项目组撰写项目总结（无论结果）', 'The team writes the project summary (whatever the outcome)');
    return step('close', '关闭项目', 'Close the project', CLOSED_STAGE);
  }
  const next = suggestedNextStage(config, project);
  if (!next) return step('record_outcome', '记录项目结果', 'Record the outcome');
  const gate = stageGate(project, config, next.code, facts);
  return step('advance', `推进到「${next.nameZh}」`, `Advance to "${next.nameEn}"`, next.code, gate.reasons);
}

/** Why a stage config is invalid (empty when it is valid). */
export function validateStageConfig(config: StageConfig): Label[] {
  const errors: Label[] = [];
  const codes = new Set<string>();
  for (const s of config.stages) {
    if (codes.has(s.code)) errors.push({ zh: `阶段代码「${s.code}」重复`, en: `Duplicate stage code "${s.code}"` });
    codes.add(s.code);
  }
  for (const must of [INITIAL_STAGE, REGISTERED_STAGE, CLOSED_STAGE]) {
    if (!codes.has(must)) errors.push({ zh: `必须保留阶段「${must}」`, en: `Stage "${must}" is required` });
  }
  for (const outcome of OUTCOMES) {
    const n = config.stages.filter((s) => s.kind === 'outcome' && s.outcome === outcome).length;
    if (n !== 1) errors.push({ zh: `结果「${OUTCOME_LABELS[outcome].zh}」必须恰好对应一个结果阶段`, en: `Outcome "${outcome}" needs exactly one outcome stage` });
  }
  for (const s of config.stages) {
    for (const n of s.next) {
      if (!codes.has(n)) errors.push({ zh: `阶段「${s.nameZh}」的后续阶段「${n}」不存在`, en: `Stage "${s.nameEn}" moves to unknown stage "${n}"` });
      if (n === s.code) errors.push({ zh: `阶段「${s.nameZh}」不能转到自身`, en: `Stage "${s.nameEn}" cannot move to itself` });
    }
    if (s.kind === 'outcome' && !s.outcome) errors.push({ zh: `结果阶段「${s.nameZh}」缺少结果类型`, en: `Outcome stage "${s.nameEn}" has no outcome` });
    if (s.kind !== 'outcome' && s.outcome) errors.push({ zh: `只有结果阶段可以设置结果类型（${s.nameZh}）`, en: `Only outcome stages carry an outcome (${s.nameEn})` });
    if (s.terminal !== (s.kind === 'closed')) errors.push({ zh: `只有“关闭”阶段是终止阶段（${s.nameZh}）`, en: `Only the closed stage is terminal (${s.nameEn})` });
    if (s.kind === 'closed' && s.next.length) errors.push({ zh: '“关闭”阶段不能有后续阶段', en: 'The closed stage cannot move anywhere' });
    if (s.kind === 'outcome' && OUTCOME_STAGES.includes(s.code) && s.outcome !== s.code) {
      errors.push({ zh: `结果阶段「${s.code}」的结果类型必须是 ${s.code}`, en: `Outcome stage "${s.code}" must record outcome "${s.code}"` });
    }
  }
  const closed = config.stages.find((s) => s.code === CLOSED_STAGE);
  if (closed && closed.kind !== 'closed') errors.push({ zh: '阶段 closed 的类型必须是“关闭”', en: 'Stage "closed" must be of kind closed' });
  const first = config.stages.find((s) => s.code === INITIAL_STAGE);
  if (first && first.kind !== 'pipeline') errors.push({ zh: '阶段 opportunity 必须是进行中阶段', en: 'Stage "opportunity" must be a pipeline stage' });
  const reg = config.stages.find((s) => s.code === REGISTERED_STAGE);
  if (reg && reg.kind !== 'pipeline') errors.push({ zh: '阶段 registered 必须是进行中阶段', en: 'Stage "registered" must be a pipeline stage' });
  if (!(config.shareFloorPct >= 0 && config.shareFloorPct <= 100)) errors.push({ zh: '分成下限必须在 0–100 之间', en: 'The share floor must be between 0 and 100' });
  return errors;
}
