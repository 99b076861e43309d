/**
 * Customer inquiries and complaints (咨询与投诉, seeds 004 and 002): received, assigned, answered
 * within a deadline (escalated when late), then closed; the marketing manager supervises their
 * handling (负责监督检查顾客投诉的处理情况).
 *
 * ```
 * open ──assign──▶ assigned ──answer──▶ answered ──close──▶ closed
 *   └──────────────────┴──close (with a note: duplicate, withdrawn…)──▶ closed
 * ```
 */
import type { Label } from '../intake/labels.ts';

export const CASE_KINDS = ['inquiry', 'complaint'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, Label> = {
  inquiry: { zh: '咨询', en: 'Inquiry' },
  complaint: { zh: '投诉', en: 'Complaint' },
};

export const CASE_CHANNELS = ['phone', 'email', 'wechat', 'visit', 'web', 'letter', 'other'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_CHANNEL_LABELS: Record<CaseChannel, Label> = {
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮件', en: 'E-mail' },
  wechat: { zh: '微信', en: 'WeChat' },
  visit: { zh: '来访', en: 'Visit' },
  web: { zh: '网站', en: 'Website' },
  letter: { zh: '信函', en: 'Letter' },
  other: { zh: '其他', en: 'Other' },
};

export const CASE_STATES = ['open', 'assigned', 'answered', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, Label> = {
  open: { zh: '待分派', en: 'Open' },
  assigned: { zh: '处理中', en: 'Assigned' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export type CaseEvent = 'assign' | 'answer' | 'close' | 'edit';

/** The next state for an event, or null when the event does not apply. */
export function nextCaseState(state: CaseState, event: CaseEvent): CaseState | null {
  switch (event) {
    case 'assign':
      return state === 'open' || state === 'assigned' ? 'assigned' : null;
    case 'answer':
      return state === 'open' || state === 'assigned' ? 'answered' : null;
    case 'close':
      return state === 'closed' ? null : 'closed';
    case 'edit':
      return state === 'closed' ? null : state;
  }
}

/** Closing before an answer needs a note saying why (duplicate, withdrawn by the customer…). */
export function closeNeedsNote(state: CaseState): boolean {
  return state === 'open' || state === 'assigned';
}
