import { defineEventType } from '../../notifications/notify.ts';

/** Names the intake module shares between its commands, queries and module definition. */
export const LEAD_SUBJECT = 'lead';
export const LEAD_FORWARD_PROCESS = 'lead.forward';
export const POLICY_LEAD_SCREEN = 'lead.screen';
export const POLICY_LEAD_EVALUATE = 'lead.evaluate';
/** deadline steps of a lead (subject type `lead`) */
export const STEP_SCREEN = 'screen';
export const STEP_EVALUATE = 'evaluate';

export const EVENT_LEAD_TO_SCREEN = 'lead.to_screen';
export const EVENT_LEAD_ASSIGNED = 'lead.assigned';
export const EVENT_LEAD_ESCALATED = 'lead.escalated';
export const EVENT_LEAD_DECIDED = 'lead.decided';
export const EVENT_LEAD_CONFLICT = 'lead.partner_conflict';

export const leadToScreenEvent = defineEventType({
  type: EVENT_LEAD_TO_SCREEN,
  params: ['code', 'title', 'customer', 'by', 'due'],
  labelZh: '新登记信息待筛选',
  labelEn: 'New information to screen',
  templates: {
    'zh-CN': { title: '待筛选：{code} {title}', body: '{by} 登记了信息「{title}」（{customer}），请于 {due} 前完成筛选。' },
    en: { title: 'To screen: {code} {title}', body: '{by} registered "{title}" ({customer}); please screen it by {due}.' },
  },
  defaultChannels: ['inapp'],
});

export const leadAssignedEvent = defineEventType({
  type: EVENT_LEAD_ASSIGNED,
  params: ['code', 'title', 'customer', 'by', 'due'],
  labelZh: '线索分派给我评估',
  labelEn: 'A lead was assigned to me',
  templates: {
    'zh-CN': {
      title: '待评估：{code} {title}',
      body: '{by} 将信息「{title}」（{customer}）分派给您，请与用户进一步接洽并于 {due} 前完成初步评估。',
    },
    en: {
      title: 'To evaluate: {code} {title}',
      body: '{by} assigned "{title}" ({customer}) to you; contact the customer and finish the preliminary evaluation by {due}.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const leadEscalatedEvent = defineEventType({
  type: EVENT_LEAD_ESCALATED,
  params: ['code', 'title', 'customer', 'by', 'reason'],
  labelZh: '线索上报待裁定',
  labelEn: 'A lead was escalated to me',
  templates: {
    'zh-CN': {
      title: '线索上报：{code} {title}',
      body: '{by} 上报了不能明确判断的信息「{title}」（{customer}），请确定参与程度和重要程度。原因：{reason}',
    },
    en: {
      title: 'Escalated: {code} {title}',
      body: '{by} escalated "{title}" ({customer}); please set the participation level and importance. Reason: {reason}',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const leadDecidedEvent = defineEventType({
  type: EVENT_LEAD_DECIDED,
  params: ['code', 'title', 'by', 'level', 'importance', 'note'],
  labelZh: '上报线索已裁定',
  labelEn: 'An escalated lead was decided',
  templates: {
    'zh-CN': {
      title: '已裁定：{code} {title}',
      body: '{by} 确定了「{title}」的参与程度：{level}，重要程度：{importance}。请继续完成评估。{note}',
    },
    en: {
      title: 'Decided: {code} {title}',
      body: '{by} set participation "{level}" and importance "{importance}" for "{title}". Please finish the evaluation. {note}',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const leadConflictEvent = defineEventType({
  type: EVENT_LEAD_CONFLICT,
  params: ['code', 'title', 'customer', 'partner', 'conflicts'],
  labelZh: '代理商报备冲突待裁定',
  labelEn: 'Partner registration conflict to resolve',
  templates: {
    'zh-CN': {
      title: '报备冲突：{code} {title}',
      body: '代理商「{partner}」报备的「{title}」（{customer}）与已有记录冲突：{conflicts}。请裁定是否受理。',
    },
    en: {
      title: 'Registration conflict: {code} {title}',
      body: 'The registration "{title}" ({customer}) by partner "{partner}" conflicts with: {conflicts}. Please decide.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const leadEventTypes = [leadToScreenEvent, leadAssignedEvent, leadEscalatedEvent, leadDecidedEvent, leadConflictEvent] as const;
