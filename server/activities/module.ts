import { eq } from 'drizzle-orm';
import type { ChainDefinition } from '../../core/approvals/chain.ts';
import { shanghaiInstant } from '../../core/calendar/working-calendar.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { activities, customers } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { registerApprovalProcess } from '../approvals/processes.ts';
import { registerApprovalSubject, type ApprovalOutcome, type ApprovalRequestInfo } from '../approvals/subjects.ts';
import { ensureDeadlinePolicy, startDeadline } from '../deadlines/deadlines.ts';
import { registerEventType } from '../notifications/notify.ts';
import { registerModuleSetup } from '../modules.ts';
import { defineSchedule } from '../jobs/runner.ts';
import { appendTimeline } from '../timeline/timeline.ts';
import { generateDueVisitRollups, openVisitLogDays } from './visit-log.ts';

/**
 * Customer activities (PRODUCT.md §3.2, seeds 002 and 001): the approval subject `activity`
 * with the process `activity.reception` (the reception plan and its cost budget, approved by the
 * marketing manager), notification event types (negotiation recorded, weekly roll-up ready),
 * the deadline policies of the daily visit log and of the reception summary, and the two
 * schedules: the daily visit-log days and the Monday roll-up.
 */

import {
  ACTIVITY_SUBJECT, EVENT_NEGOTIATION, EVENT_VISIT_ROLLUP, POLICY_RECEPTION_SUMMARY, POLICY_VISIT_LOG, RECEPTION_PROCESS, SCHEDULE_EVERY_MS,
  STEP_SUMMARY, VISIT_LOG_SCHEDULE, VISIT_ROLLUP_SCHEDULE,
} from './constants.ts';

// Parameters: author, customer, subject, at, nextSteps.
registerEventType({
  type: EVENT_NEGOTIATION,
  labelZh: '重要商务谈判记录',
  labelEn: 'Business negotiation recorded',
  templates: {
    'zh-CN': { title: '商务谈判记录：{customer}', body: '{author} 提交了与「{customer}」的重要商务谈判记录（{at}）：{subject}。下一步：{nextSteps}' },
    en: { title: 'Negotiation record: {customer}', body: '{author} recorded a business negotiation with "{customer}" ({at}): {subject}. Next steps: {nextSteps}' },
  },
  defaultChannels: ['inapp', 'email'],
});
// Parameters: weekStart, weekEnd, people, visits, missing.
registerEventType({
  type: EVENT_VISIT_ROLLUP,
  labelZh: '客户巡访周汇总',
  labelEn: 'Weekly visit roll-up',
  templates: {
    'zh-CN': { title: '客户巡访周汇总：{weekStart} ～ {weekEnd}', body: '上周 {people} 人共巡访 {visits} 次，缺报 {missing} 个工作日。' },
    en: { title: 'Visit roll-up: {weekStart} – {weekEnd}', body: 'Last week {people} people logged {visits} visits; {missing} working days are missing.' },
  },
  defaultChannels: ['inapp', 'email'],
});

const RECEPTION_CHAIN: ChainDefinition = {
  resubmitFrom: 'first',
  steps: [{ name: '市场部经理审批', approver: { type: 'role', roleCode: 'marketing_manager' }, mode: 'any', condition: null, deadlinePolicy: null }],
};

interface PlanDetails {
  visitors?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  schedule?: Array<{ date: string; time?: string | null; item: string; place?: string | null; hosts?: string | null }>;
  budgetItems?: Array<{ item: string; amountFen: number }>;
}

async function loadActivitySubject(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = (await db
    .select({ a: activities, customerName: customers.name })
    .from(activities)
    .leftJoin(customers, eq(customers.id, activities.customerId))
    .where(eq(activities.id, id))
    .limit(1))[0];
  if (!row || row.a.type !== 'reception_plan') return null;
  const a = row.a;
  const d = (a.details ?? {}) as PlanDetails;
  return {
    version: a.version,
    title: `客户接待：${row.customerName ?? ''} ${a.subject}`,
    ownerUserId: a.ownerUserId,
    departmentId: a.departmentId,
    data: {
      customerName: row.customerName,
      subject: a.subject,
      visitors: d.visitors ?? null,
      startDate: d.startDate ?? null,
      endDate: d.endDate ?? null,
      budgetFen: a.budgetFen,
      budgetItems: (d.budgetItems ?? []).map((b) => `${b.item}：¥${(b.amountFen / 100).toFixed(2)}`).join('；') || null,
      schedule: (d.schedule ?? []).map((s) => `${s.date}${s.time ? ` ${s.time}` : ''} ${s.item}${s.place ? `（${s.place}）` : ''}${s.hosts ? ` 陪同：${s.hosts}` : ''}`).join('\n'),
      hosts: a.participants,
      notes: a.content,
    },
  };
}

const PLAN_STATE_BY_OUTCOME: Record<ApprovalOutcome, string> = { approved: 'approved', rejected: 'rejected', returned: 'returned', withdrawn: 'draft' };
const OUTCOME_TEXT: Record<ApprovalOutcome, string> = { approved: '已批准', rejected: '被驳回', returned: '被退回修改', withdrawn: '已撤回' };

/** The plan follows its approval; once approved, the reception summary falls due after the last day. */
async function onReceptionDecision(tx: Db, ctx: Ctx, request: ApprovalRequestInfo, outcome: ApprovalOutcome): Promise<void> {
  const plan = (await tx.select().from(activities).where(eq(activities.id, request.subjectId)).limit(1).for('update'))[0];
  if (!plan) return;
  const state = PLAN_STATE_BY_OUTCOME[outcome];
  await tx.update(activities).set({ state, version: plan.version + 1, updatedAt: ctx.now }).where(eq(activities.id, plan.id));
  await appendAudit(tx, ctx.actor, ctx.now, {
    action: `activity.reception_${outcome}`, entityType: 'activity', entityId: plan.id, changes: { state: { before: plan.state, after: state } },
  });
  if (plan.customerId || plan.projectId) {
    await appendTimeline(tx, {
      at: ctx.now, kind: 'activity.reception_approval', entityType: 'activity', entityId: plan.id, actorId: ctx.actor.userId,
      title: `客户接待日程${OUTCOME_TEXT[outcome]}：${plan.subject}`, data: { link: `/activities/${plan.id}`, outcome, approvalRequestId: request.id },
      customerId: plan.customerId, projectId: plan.projectId,
    });
  }
  if (outcome === 'approved') {
    const endDate = ((plan.details ?? {}) as PlanDetails).endDate;
    const startedAt = endDate ? shanghaiInstant(endDate, 18 * 60) : ctx.now;
    await startDeadline(tx, ctx.now, {
      subjectType: ACTIVITY_SUBJECT, subjectId: plan.id, step: STEP_SUMMARY, policyCode: POLICY_RECEPTION_SUMMARY, ownerUserId: plan.ownerUserId,
      startedAt: startedAt.getTime() > ctx.now.getTime() ? startedAt : ctx.now, title: `接待工作总结：${plan.subject}`, link: `/activities/${plan.id}`,
    });
  }
}

registerApprovalSubject({
  type: ACTIVITY_SUBJECT,
  labelZh: '客户接待日程',
  labelEn: 'Customer reception plan',
  load: loadActivitySubject,
  onDecision: onReceptionDecision,
  fields: [
    { key: 'customerName', labelZh: '客户', labelEn: 'Customer', type: 'text' },
    { key: 'subject', labelZh: '考察目的', labelEn: 'Purpose', type: 'text' },
    { key: 'visitors', labelZh: '来访人员', labelEn: 'Visitors', type: 'text' },
    { key: 'startDate', labelZh: '接待开始', labelEn: 'From', type: 'date' },
    { key: 'endDate', labelZh: '接待结束', labelEn: 'To', type: 'date' },
    { key: 'budgetFen', labelZh: '费用预算', labelEn: 'Cost budget', type: 'money' },
    { key: 'budgetItems', labelZh: '预算明细', labelEn: 'Budget items', type: 'text' },
    { key: 'schedule', labelZh: '日程安排', labelEn: 'Schedule', type: 'text' },
    { key: 'hosts', labelZh: '我方接待人员', labelEn: 'Our hosts', type: 'text' },
    { key: 'notes', labelZh: '备注', labelEn: 'Notes', type: 'text' },
  ],
  link: (id) => `/activities/${id}`,
});

registerApprovalProcess({
  code: RECEPTION_PROCESS,
  labelZh: '客户接待日程及费用预算审批',
  labelEn: 'Customer reception plan and budget',
  subjectType: ACTIVITY_SUBJECT,
  defaultChain: RECEPTION_CHAIN,
});

registerModuleSetup('activities', async (db) => {
  await ensureDeadlinePolicy(db, {
    code: POLICY_VISIT_LOG, nameZh: '客户巡访登记（当日下班前）', nameEn: 'Daily visit log (before the end of the day)', kind: 'working_days', amount: 0,
    remindBefore: [{ amount: 1, unit: 'working_hours' }], escalate: false,
  });
  await ensureDeadlinePolicy(db, {
    code: POLICY_RECEPTION_SUMMARY, nameZh: '客户接待工作总结', nameEn: 'Customer reception summary', kind: 'working_days', amount: 2,
    remindBefore: [{ amount: 1, unit: 'working_days' }],
  });
});

// Every 15 minutes: today's visit-log days (working days only) and, from Monday 09:00, last week's roll-up.
defineSchedule(VISIT_LOG_SCHEDULE, SCHEDULE_EVERY_MS, async (ctx) => {
  await openVisitLogDays(ctx.db, ctx.now);
});
defineSchedule(VISIT_ROLLUP_SCHEDULE, SCHEDULE_EVERY_MS, async (ctx) => {
  await generateDueVisitRollups(ctx.db, ctx.now);
});
