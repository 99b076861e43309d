/**
 * The vocabulary of information intake (信息登记, seed 003): channels, screening outcomes, reply
 * methods, categories, participation levels and importance, each with its Chinese and English
 * label. The server validates against these lists; the browser shows the labels.
 */

import type { Label } from '../kernel/label.ts';

export type { Label } from '../kernel/label.ts';
export { labelOf } from '../kernel/label.ts';

/** Where a piece of information came from (seed 003: 网络、经销商、电话、传真、E-MAIL、主动寻找…). */
export const LEAD_CHANNELS = [
  'web',
  'partner',
  'phone',
  'fax',
  'email',
  'prospecting',
  'exhibition',
  'customer_referral',
  'partner_referral',
  'tender_site',
] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

export const LEAD_CHANNEL_LABELS: Record<LeadChannel, Label> = {
  web: { zh: '网络', en: 'Web' },
  partner: { zh: '经销商 / 代理商', en: 'Dealer / channel partner' },
  phone: { zh: '电话', en: 'Phone' },
  fax: { zh: '传真', en: 'Fax' },
  email: { zh: '电子邮件', en: 'E-mail' },
  prospecting: { zh: '主动寻找', en: 'Active prospecting' },
  exhibition: { zh: '展会', en: 'Exhibition' },
  customer_referral: { zh: '老客户介绍', en: 'Customer referral' },
  partner_referral: { zh: '合作伙伴推荐', en: 'Partner referral' },
  tender_site: { zh: '招标网站巡查', en: 'Tender website patrol' },
};

/** The three outcomes of screening (筛选) by the sales supervisor. */
export const SCREENING_OUTCOMES = ['reject', 'forward', 'keep'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const SCREENING_OUTCOME_LABELS: Record<ScreeningOutcome, Label> = {
  reject: { zh: '不能做 / 无用，答复客户并关闭', en: 'Cannot do / of no use: reply and close' },
  forward: { zh: '属其他事业部，转交', en: 'Belongs to another business unit: forward' },
  keep: { zh: '保留，分类并分派客户经理', en: 'Keep: classify and assign to an account manager' },
};

/** How the customer was answered when the information is closed (seed 003: 以电话或传真的形式回复). */
export const REPLY_METHODS = ['phone', 'fax', 'email', 'wechat', 'letter', 'in_person', 'other'] as const;
export type ReplyMethod = (typeof REPLY_METHODS)[number];

export const REPLY_METHOD_LABELS: Record<ReplyMethod, Label> = {
  phone: { zh: '电话', en: 'Phone' },
  fax: { zh: '传真', en: 'Fax' },
  email: { zh: '电子邮件', en: 'E-mail' },
  wechat: { zh: '微信', en: 'WeChat' },
  letter: { zh: '书面函件', en: 'Letter' },
  in_person: { zh: '当面答复', en: 'In person' },
  other: { zh: '其他', en: 'Other' },
};

/** Classification of kept information (分类存储). */
export const LEAD_CATEGORIES = [
  'equipment',
  'production_line',
  'automation',
  'system_integration',
  'engineering',
  'software',
  'service',
  'tender',
  'other',
] as const;
export type LeadCategory = (typeof LEAD_CATEGORIES)[number];

export const LEAD_CATEGORY_LABELS: Record<LeadCategory, Label> = {
  equipment: { zh: '单机设备', en: 'Single equipment' },
  production_line: { zh: '成套产线', en: 'Production line' },
  automation: { zh: '机器人 / 自动化', en: 'Robots / automation' },
  system_integration: { zh: '系统集成', en: 'System integration' },
  engineering: { zh: '工程项目', en: 'Engineering project' },
  software: { zh: '软件与平台', en: 'Software and platforms' },
  service: { zh: '运维与服务', en: 'Maintenance and services' },
  tender: { zh: '招标项目', en: 'Tender' },
  other: { zh: '其他', en: 'Other' },
};

/** How far the company takes part (项目参与程度), set by the sales director on escalation. */
export const PARTICIPATION_LEVELS = ['lead', 'participate', 'support', 'track', 'none'] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

export const PARTICIPATION_LEVEL_LABELS: Record<ParticipationLevel, Label> = {
  lead: { zh: '主导参与', en: 'Lead' },
  participate: { zh: '积极参与', en: 'Participate' },
  support: { zh: '配合参与', en: 'Support' },
  track: { zh: '跟踪观察', en: 'Track only' },
  none: { zh: '不参与', en: 'Do not participate' },
};

/** How important the information is (重要程度). */
export const IMPORTANCE_LEVELS = ['key', 'high', 'normal', 'low'] as const;
export type ImportanceLevel = (typeof IMPORTANCE_LEVELS)[number];

export const IMPORTANCE_LABELS: Record<ImportanceLevel, Label> = {
  key: { zh: '重点', en: 'Key' },
  high: { zh: '重要', en: 'High' },
  normal: { zh: '一般', en: 'Normal' },
  low: { zh: '次要', en: 'Low' },
};

/** A channel-partner registration's conflict check (代理商报备冲突). */
export const CONFLICT_STATES = ['pending', 'accepted', 'rejected'] as const;
export type ConflictState = (typeof CONFLICT_STATES)[number];

export const CONFLICT_STATE_LABELS: Record<ConflictState, Label> = {
  pending: { zh: '冲突待裁定', en: 'Conflict awaiting decision' },
  accepted: { zh: '冲突已裁定：受理', en: 'Conflict resolved: accepted' },
  rejected: { zh: '冲突已裁定：不予受理', en: 'Conflict resolved: rejected' },
};
