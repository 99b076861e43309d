/**
 * Presales project rules that are not about stages (PRODUCT.md §1, §3.3; seeds 000, 002, 004):
 * outcomes and their reason taxonomy, project roles, the registration rule for presales staff,
 * the cooperative revenue-split floor, the big-project threshold and the tracking week.
 * Pure functions: the server enforces them, the browser explains them.
 */

import type { Label } from '../kernel/label.ts';

/** How a project ended (结果). */
export const OUTCOMES = ['won', 'lost', 'abandoned', 'failed_tender'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, Label> = {
  won: { zh: '中标 / 签约', en: 'Won' },
  lost: { zh: '丢单 / 未中标', en: 'Lost' },
  abandoned: { zh: '放弃', en: 'Abandoned' },
  failed_tender: { zh: '流标', en: 'Failed tender' },
};

/**
 * Outcomes that need a reason (原因): a lost, abandoned or failed tender (流标). The server
 * refuses the outcome without one and the outcome dialog marks the field required — both ask
 * `outcomeNeedsReason`.
 */
export const OUTCOMES_NEEDING_REASON: readonly Outcome[] = ['lost', 'abandoned', 'failed_tender'];

/** Whether recording `outcome` needs a reason (a win may still give one: why we won). */
export function outcomeNeedsReason(outcome: Outcome): boolean {
  return OUTCOMES_NEEDING_REASON.includes(outcome);
}

/** The message when a reason is missing. */
export const OUTCOME_REASON_REQUIRED: Label = {
  zh: '请选择原因（价格、技术评分、资质…）',
  en: 'Choose a reason (price, technical score, qualification…)',
};

/** Why a project was lost, abandoned or the tender failed (also allowed on a win: why we won). */
export const OUTCOME_REASONS = [
  'price',
  'technical_score',
  'qualification',
  'relationship',
  'budget_cut',
  'competitor_chosen',
  'other',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

export const OUTCOME_REASON_LABELS: Record<OutcomeReason, Label> = {
  price: { zh: '价格', en: 'Price' },
  technical_score: { zh: '技术评分', en: 'Technical score' },
  qualification: { zh: '资质', en: 'Qualification' },
  relationship: { zh: '客户关系', en: 'Relationship' },
  budget_cut: { zh: '预算取消 / 削减', en: 'Budget cut' },
  competitor_chosen: { zh: '客户选择竞争对手', en: 'Competitor chosen' },
  other: { zh: '其他', en: 'Other' },
};

/** Every project status: open while in the pipeline, the outcome afterwards, no_go when not pursued. */
export const PROJECT_STATUSES = ['open', 'won', 'lost', 'abandoned', 'failed_tender', 'no_go'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, Label> = {
  open: { zh: '进行中', en: 'Open' },
  won: OUTCOME_LABELS.won,
  lost: OUTCOME_LABELS.lost,
  abandoned: OUTCOME_LABELS.abandoned,
  failed_tender: OUTCOME_LABELS.failed_tender,
  no_go: { zh: '不跟进（No-go）', en: 'No-go' },
};

/** Project roles (项目角色) a team member holds (PRODUCT.md §1); one person may hold several. */
export const PROJECT_ROLES = [
  'project_manager',
  'presales_engineer',
  'solution_architect',
  'commercial_specialist',
  'account_manager',
  'bid_team_leader',
  'marketing_assistant',
  'technical_group',
  'procurement',
  'finance',
  'legal',
  'advisor',
] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const PROJECT_ROLE_LABELS: Record<ProjectRole, Label> = {
  project_manager: { zh: '项目经理', en: 'Project manager' },
  presales_engineer: { zh: '售前工程师', en: 'Presales engineer' },
  solution_architect: { zh: '解决方案架构师 / 专家', en: 'Solution architect / expert' },
  commercial_specialist: { zh: '商务专员', en: 'Commercial specialist' },
  account_manager: { zh: '客户经理', en: 'Account manager' },
  bid_team_leader: { zh: '应标小组组长', en: 'Bid team leader' },
  marketing_assistant: { zh: '市场部助理 / 后勤', en: 'Marketing assistant / logistics' },
  technical_group: { zh: '技术中心项目组', en: 'Technical project group' },
  procurement: { zh: '采购', en: 'Procurement' },
  finance: { zh: '财务', en: 'Finance' },
  legal: { zh: '法务', en: 'Legal' },
  advisor: { zh: '顾问', en: 'Advisor' },
};

/**
 * Roles that may join a project only after its registration (立项) is approved — seed 002: no
 * salesperson may pull presales staff onto a project without an approved registration form.
 */
export const REGISTRATION_GATED_ROLES: readonly ProjectRole[] = ['presales_engineer', 'solution_architect'];

/** Whether adding `role` needs an approved registration first. */
export function roleNeedsRegistration(role: string): boolean {
  return (REGISTRATION_GATED_ROLES as readonly string[]).includes(role);
}

/** The message shown when a gated role is put on an unregistered project. */
export const NOT_REGISTERED_MESSAGE: Label = {
  zh: '项目登记（立项）审批通过后才能调用售前工程师、方案人员；请先提交项目登记表',
  en: 'Presales engineers and solution staff can join only after the project registration (立项) is approved; submit the registration form first',
};

/** Seed 000: a cooperative project's split is at least 3:7 — the company keeps 30 % unless the GM approves an exception. */
export const DEFAULT_SHARE_FLOOR_PCT = 30;

/** Whether a cooperative project's company share is below the floor (needs a GM-approved exception). */
export function shareBelowFloor(
  deliveryMode: string | null | undefined,
  companySharePct: number | null | undefined,
  floorPct: number,
): boolean {
  return deliveryMode === 'cooperative' && companySharePct !== null && companySharePct !== undefined && companySharePct < floorPct;
}

/** Seed 004: a big project (大项目) is large, long and complex — more than 50 person-months. */
export const BIG_PROJECT_PERSON_MONTHS = 50;

/** Whether an estimate in person-months makes a big project. */
export function isBigProject(personMonths: number | null | undefined): boolean {
  return personMonths !== null && personMonths !== undefined && personMonths > BIG_PROJECT_PERSON_MONTHS;
}

export const PROJECT_LEVELS = ['company', 'channel'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
export const PROJECT_LEVEL_LABELS: Record<ProjectLevel, Label> = {
  company: { zh: '公司级项目', en: 'Company-level project' },
  channel: { zh: '渠道项目', en: 'Channel project' },
};

export const DELIVERY_MODES = ['self', 'cooperative'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const DELIVERY_MODE_LABELS: Record<DeliveryMode, Label> = {
  self: { zh: '自主开发', en: 'Self-developed' },
  cooperative: { zh: '合作开发', en: 'Cooperative' },
};

/** The Monday (YYYY-MM-DD) of the ISO week containing a calendar date. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${date}`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(d.getTime() - dow * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD string is a Monday. */
export function isMonday(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && mondayOf(date) === date;
}
