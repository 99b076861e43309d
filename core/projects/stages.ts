/**
 * The stage machine of a presales project (PRODUCT.md §2). Stages, their order, the moves
 * allowed between them and what each stage requires on entry are configuration (settings key
 * `project.stages`) with the defaults below — not constants scattered through handlers.
 * `validateStageConfig` says why a configuration cannot be saved; the gate that applies it to a
 * project is in stage-gate.ts.
 */
import type { Label } from '../kernel/label.ts';
import { OUTCOME_LABELS, OUTCOMES, DEFAULT_SHARE_FLOOR_PCT, type Outcome } from './rules.ts';

/** Project fields a stage may require to be filled. */
export const GATE_FIELDS = [
  'name',
  'customerId',
  'amountFen',
  'budgetFen',
  'expectedSignDate',
  'winProbability',
  'decisionProcess',
  'funding',
  'credit',
  'competitors',
  'strengths',
  'risks',
  'projectLevel',
  'deliveryMode',
  'personMonths',
  'partnerId',
  'companySharePct',
  'managerUserId',
  'presalesLeadId',
  'monitorUserId',
  'outcomeReason',
  'winningCompetitor',
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
    code: 'opportunity',
    nameZh: '商机',
    nameEn: 'Opportunity',
    order: 10,
    kind: 'pipeline',
    outcome: null,
    terminal: false,
    next: ['registered', 'abandoned'],
    requires: req(['name', 'customerId']),
  },
  {
    code: 'registered',
    nameZh: '立项',
    nameEn: 'Registered',
    order: 20,
    kind: 'pipeline',
    outcome: null,
    terminal: false,
    next: ['requirement_research', 'lost', 'abandoned'],
    requires: req([], ['go_no_go']),
  },
  {
    code: 'requirement_research',
    nameZh: '需求调研',
    nameEn: 'Requirement research',
    order: 30,
    kind: 'pipeline',
    outcome: null,
    terminal: false,
    next: ['solution', 'quotation', 'tender', 'won', 'lost', 'abandoned'],
    requires: req(
      ['expectedSignDate', 'projectLevel', 'deliveryMode', 'managerUserId', 'presalesLeadId'],
      ['registration', 'share_exception'],
    ),
  },
  {
    code: 'solution',
    nameZh: '方案',
    nameEn: 'Solution',
    order: 40,
    kind: 'pipeline',
    outcome: null,
    terminal: false,
    next: ['requirement_research', 'quotation', 'tender', 'won', 'lost', 'abandoned'],
    requires: req(),
  },
  {
    code: 'quotation',
    nameZh: '报价',
    nameEn: 'Quotation',
    order: 50,
    kind: 'pipeline',
    outcome: null,
    terminal: false,
    next: ['solution', 'tender', 'won', 'lost', 'abandoned'],
    requires: req(['amountFen']),
  },
  {
    code: 'tender',
    nameZh: '招投标 / 谈判',
    nameEn: 'Tender / negotiation',
    order: 60,
    kind: 'pipeline',
    outcome: null,
    terminal: false,
    next: ['quotation', 'won', 'lost', 'abandoned', 'failed_tender'],
    requires: req(),
  },
  {
    code: 'won',
    nameZh: '中标 / 签约',
    nameEn: 'Won',
    order: 70,
    kind: 'outcome',
    outcome: 'won',
    terminal: false,
    next: ['handoff', 'closed'],
    requires: req(['amountFen']),
  },
  {
    code: 'lost',
    nameZh: '丢单',
    nameEn: 'Lost',
    order: 71,
    kind: 'outcome',
    outcome: 'lost',
    terminal: false,
    next: ['closed'],
    requires: req(['outcomeReason']),
  },
  {
    code: 'abandoned',
    nameZh: '放弃',
    nameEn: 'Abandoned',
    order: 72,
    kind: 'outcome',
    outcome: 'abandoned',
    terminal: false,
    next: ['closed'],
    requires: req(['outcomeReason']),
  },
  {
    code: 'failed_tender',
    nameZh: '流标',
    nameEn: 'Failed tender',
    order: 73,
    kind: 'outcome',
    outcome: 'failed_tender',
    terminal: false,
    next: ['closed'],
    requires: req(['outcomeReason']),
  },
  {
    code: 'handoff',
    nameZh: '实施交接',
    nameEn: 'Handoff',
    order: 80,
    kind: 'post',
    outcome: null,
    terminal: false,
    next: ['closed'],
    requires: req(),
  },
  {
    code: 'closed',
    nameZh: '关闭',
    nameEn: 'Closed',
    order: 90,
    kind: 'closed',
    outcome: null,
    terminal: true,
    next: [],
    requires: req([], [], true),
  },
];

export const DEFAULT_STAGE_CONFIG: StageConfig = { stages: DEFAULT_STAGES, shareFloorPct: DEFAULT_SHARE_FLOOR_PCT };

/** A stage by code. */
export function findStage(config: StageConfig, code: string): StageDef | undefined {
  return config.stages.find((s) => s.code === code);
}

/** The stages in display order. */
export function orderedStages(config: StageConfig): StageDef[] {
  return [...config.stages].sort((a, b) => a.order - b.order);
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
    if (n !== 1)
      errors.push({
        zh: `结果「${OUTCOME_LABELS[outcome].zh}」必须恰好对应一个结果阶段`,
        en: `Outcome "${outcome}" needs exactly one outcome stage`,
      });
  }
  for (const s of config.stages) {
    for (const n of s.next) {
      if (!codes.has(n))
        errors.push({ zh: `阶段「${s.nameZh}」的后续阶段「${n}」不存在`, en: `Stage "${s.nameEn}" moves to unknown stage "${n}"` });
      if (n === s.code) errors.push({ zh: `阶段「${s.nameZh}」不能转到自身`, en: `Stage "${s.nameEn}" cannot move to itself` });
    }
    if (s.kind === 'outcome' && !s.outcome)
      errors.push({ zh: `结果阶段「${s.nameZh}」缺少结果类型`, en: `Outcome stage "${s.nameEn}" has no outcome` });
    if (s.kind !== 'outcome' && s.outcome)
      errors.push({ zh: `只有结果阶段可以设置结果类型（${s.nameZh}）`, en: `Only outcome stages carry an outcome (${s.nameEn})` });
    if (s.terminal !== (s.kind === 'closed'))
      errors.push({ zh: `只有“关闭”阶段是终止阶段（${s.nameZh}）`, en: `Only the closed stage is terminal (${s.nameEn})` });
    if (s.kind === 'closed' && s.next.length) errors.push({ zh: '“关闭”阶段不能有后续阶段', en: 'The closed stage cannot move anywhere' });
    if (s.kind === 'outcome' && OUTCOME_STAGES.includes(s.code) && s.outcome !== s.code) {
      errors.push({
        zh: `结果阶段「${s.code}」的结果类型必须是 ${s.code}`,
        en: `Outcome stage "${s.code}" must record outcome "${s.code}"`,
      });
    }
  }
  const closed = config.stages.find((s) => s.code === CLOSED_STAGE);
  if (closed && closed.kind !== 'closed')
    errors.push({ zh: '阶段 closed 的类型必须是“关闭”', en: 'Stage "closed" must be of kind closed' });
  const first = config.stages.find((s) => s.code === INITIAL_STAGE);
  if (first && first.kind !== 'pipeline')
    errors.push({ zh: '阶段 opportunity 必须是进行中阶段', en: 'Stage "opportunity" must be a pipeline stage' });
  const reg = config.stages.find((s) => s.code === REGISTERED_STAGE);
  if (reg && reg.kind !== 'pipeline')
    errors.push({ zh: '阶段 registered 必须是进行中阶段', en: 'Stage "registered" must be a pipeline stage' });
  if (!(config.shareFloorPct >= 0 && config.shareFloorPct <= 100))
    errors.push({ zh: '分成下限必须在 0–100 之间', en: 'The share floor must be between 0 and 100' });
  return errors;
}
