/**
 * Customer activities (PRODUCT.md §3.2; seeds 002 and 001): typed records linked to a customer
 * and/or a project. Each type is one of the paper forms of the seeds, with the fields the form
 * asks for:
 *
 * - visit — 客户巡访登记表 (daily, before the end of each working day): customer, contact,
 *   purpose, result, next step;
 * - negotiation — 重要商务谈判记录 (immediately): purpose, participants, what was said, next steps;
 * - communication — 沟通记录 (seed 001): time, channel, content, participants, result;
 * - reception_plan — 客户接待日程安排表 with the cost budget, approved by the marketing manager
 *   before the visit;
 * - reception_summary — 接待工作总结, due after the reception.
 */
import type { Label } from '../intake/labels.ts';

export const ACTIVITY_TYPES = ['visit', 'negotiation', 'communication', 'reception_plan', 'reception_summary'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, Label> = {
  visit: { zh: '客户巡访', en: 'Customer visit' },
  negotiation: { zh: '重要商务谈判', en: 'Business negotiation' },
  communication: { zh: '沟通记录', en: 'Communication' },
  reception_plan: { zh: '客户接待日程', en: 'Reception plan' },
  reception_summary: { zh: '接待工作总结', en: 'Reception summary' },
};

/** How a communication took place (seed 001: 电话、邮件、面对面会议等). */
export const COMMUNICATION_CHANNELS = ['phone', 'email', 'meeting', 'wechat', 'video', 'visit', 'other'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export const COMMUNICATION_CHANNEL_LABELS: Record<CommunicationChannel, Label> = {
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮件', en: 'E-mail' },
  meeting: { zh: '面对面会议', en: 'Meeting' },
  wechat: { zh: '微信', en: 'WeChat' },
  video: { zh: '视频会议', en: 'Video call' },
  visit: { zh: '上门拜访', en: 'Visit' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * States of an activity: every type but the reception plan is simply `recorded`; a plan goes
 * draft → pending (approval) → approved | rejected | returned, and done once summarised.
 */
export const ACTIVITY_STATES = ['recorded', 'draft', 'pending', 'approved', 'rejected', 'returned', 'done'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const ACTIVITY_STATE_LABELS: Record<ActivityState, Label> = {
  recorded: { zh: '已记录', en: 'Recorded' },
  draft: { zh: '草稿', en: 'Draft' },
  pending: { zh: '审批中', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  returned: { zh: '退回修改', en: 'Returned' },
  done: { zh: '已总结', en: 'Summarised' },
};

/** A reception plan may be edited (and submitted) only in these states. */
export const EDITABLE_PLAN_STATES: readonly ActivityState[] = ['draft', 'returned', 'rejected'];

/** The fields each form requires (the schemas enforce them; the forms mark them). */
export const ACTIVITY_REQUIRED_FIELDS: Record<ActivityType, readonly string[]> = {
  visit: ['customerId', 'subject', 'result'],
  negotiation: ['customerId', 'subject', 'participants', 'content', 'nextSteps'],
  communication: ['channel', 'content', 'participants', 'result'],
  reception_plan: ['customerId', 'subject', 'visitors', 'startDate', 'endDate', 'schedule', 'budgetFen'],
  reception_summary: ['planId', 'content', 'result'],
};

/** The fields of each type shown in lists and exports, in form order. */
export const ACTIVITY_FIELD_LABELS: Record<string, Label> = {
  customerId: { zh: '客户', en: 'Customer' },
  projectId: { zh: '项目', en: 'Project' },
  subject: { zh: '目的 / 主题', en: 'Purpose / subject' },
  content: { zh: '内容', en: 'Content' },
  occurredAt: { zh: '时间', en: 'Time' },
  logDate: { zh: '巡访日期', en: 'Visit date' },
  channel: { zh: '沟通方式', en: 'Channel' },
  location: { zh: '地点', en: 'Place' },
  participants: { zh: '参与人员', en: 'Participants' },
  contactName: { zh: '客户联系人', en: 'Customer contact' },
  result: { zh: '结果', en: 'Result' },
  nextSteps: { zh: '下一步计划', en: 'Next steps' },
  visitors: { zh: '来访人员', en: 'Visitors' },
  startDate: { zh: '接待开始日期', en: 'From' },
  endDate: { zh: '接待结束日期', en: 'To' },
  schedule: { zh: '日程安排', en: 'Schedule' },
  budgetFen: { zh: '费用预算', en: 'Cost budget' },
  budgetItems: { zh: '预算明细', en: 'Budget items' },
  planId: { zh: '接待日程', en: 'Reception plan' },
  actualCostFen: { zh: '实际费用', en: 'Actual cost' },
};

/** One line of a reception schedule (客户接待日程安排表). */
export interface ScheduleItem {
  date: string;
  time?: string | null | undefined;
  item: string;
  place?: string | null | undefined;
  hosts?: string | null | undefined;
}

/** The cross-field facts the rules check (field values after parsing). */
export interface ActivityRuleInput {
  type: ActivityType;
  customerId?: string | null | undefined;
  projectId?: string | null | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  schedule?: readonly ScheduleItem[] | null | undefined;
  budgetFen?: number | null | undefined;
  budgetItems?: ReadonlyArray<{ item: string; amountFen: number }> | null | undefined;
}

export interface ActivityProblem {
  field: string;
  message: Label;
}

/**
 * Rules across fields that a per-field schema cannot express: a communication names a customer
 * or a project; a reception ends on or after its first day and every schedule line falls
 * inside it; budget items add up to the budget.
 */
export function activityRuleProblems(a: ActivityRuleInput): ActivityProblem[] {
  const out: ActivityProblem[] = [];
  if (a.type === 'communication' && !a.customerId && !a.projectId) {
    out.push({ field: 'customerId', message: { zh: '请选择客户或项目', en: 'Choose a customer or a project' } });
  }
  if (a.type === 'reception_plan') {
    if (a.startDate && a.endDate && a.endDate < a.startDate) {
      out.push({ field: 'endDate', message: { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' } });
    }
    (a.schedule ?? []).forEach((s, i) => {
      if ((a.startDate && s.date < a.startDate) || (a.endDate && s.date > a.endDate)) {
        out.push({
          field: `schedule.${i}.date`,
          message: { zh: '日程日期须在接待期间内', en: 'The date must fall within the reception period' },
        });
      }
    });
    const items = a.budgetItems ?? [];
    if (items.length > 0 && typeof a.budgetFen === 'number') {
      const sum = items.reduce((s, x) => s + x.amountFen, 0);
      if (sum !== a.budgetFen) {
        out.push({
          field: 'budgetItems',
          message: { zh: '预算明细合计与费用预算不一致', en: 'The budget items do not add up to the budget' },
        });
      }
    }
  }
  return out;
}
