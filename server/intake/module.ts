import { desc, eq } from 'drizzle-orm';
import type { ChainDefinition } from '../../core/approvals/chain.ts';
import { LEAD_CHANNEL_LABELS, LEAD_CHANNELS } from '../../core/intake/labels.ts';
import { nextLeadState, type LeadState } from '../../core/intake/lead-states.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { approvalActions, leads } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { registerApprovalProcess } from '../approvals/processes.ts';
import { registerApprovalSubject, type ApprovalOutcome, type ApprovalRequestInfo } from '../approvals/subjects.ts';
import { completeDeadline, ensureDeadlinePolicy, startDeadline } from '../deadlines/deadlines.ts';
import { registerEventType } from '../notifications/notify.ts';
import { registerModuleSetup } from '../modules.ts';
import { appendLeadTimeline, stateConflict } from '../commands/support/intake.ts';

/**
 * Information intake and screening (信息登记与筛选, seed 003): the approval subject `lead` and
 * the process `lead.forward` (forwarding to another business unit needs the sales director),
 * the notification event types, and the deadline policies of screening (1 working day) and of
 * the account manager's preliminary evaluation (3 working days). Use cases live in
 * server/commands/*-lead*.ts, read models in server/queries/leads.ts.
 */

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

// Parameters: code, title, customer, by, due, reason, level, importance, partner, conflicts.
registerEventType({
  type: EVENT_LEAD_TO_SCREEN,
  labelZh: '新登记信息待筛选',
  labelEn: 'New information to screen',
  templates: {
    'zh-CN': { title: '待筛选：{code} {title}', body: '{by} 登记了信息「{title}」（{customer}），请于 {due} 前完成筛选。' },
    en: { title: 'To screen: {code} {title}', body: '{by} registered "{title}" ({customer}); please screen it by {due}.' },
  },
  defaultChannels: ['inapp'],
});
registerEventType({
  type: EVENT_LEAD_ASSIGNED,
  labelZh: '线索分派给我评估',
  labelEn: 'A lead was assigned to me',
  templates: {
    'zh-CN': { title: '待评估：{code} {title}', body: '{by} 将信息「{title}」（{customer}）分派给您，请与用户进一步接洽并于 {due} 前完成初步评估。' },
    en: { title: 'To evaluate: {code} {title}', body: '{by} assigned "{title}" ({customer}) to you; contact the customer and finish the preliminary evaluation by {due}.' },
  },
  defaultChannels: ['inapp', 'email'],
});
registerEventType({
  type: EVENT_LEAD_ESCALATED,
  labelZh: '线索上报待裁定',
  labelEn: 'A lead was escalated to me',
  templates: {
    'zh-CN': { title: '线索上报：{code} {title}', body: '{by} 上报了不能明确判断的信息「{title}」（{customer}），请确定参与程度和重要程度。原因：{reason}' },
    en: { title: 'Escalated: {code} {title}', body: '{by} escalated "{title}" ({customer}); please set the participation level and importance. Reason: {reason}' },
  },
  defaultChannels: ['inapp', 'email'],
});
registerEventType({
  type: EVENT_LEAD_DECIDED,
  labelZh: '上报线索已裁定',
  labelEn: 'An escalated lead was decided',
  templates: {
    'zh-CN': { title: '已裁定：{code} {title}', body: '{by} 确定了「{title}」的参与程度：{level}，重要程度：{importance}。请继续完成评估。{note}' },
    en: { title: 'Decided: {code} {title}', body: '{by} set participation "{level}" and importance "{importance}" for "{title}". Please finish the evaluation. {note}' },
  },
  defaultChannels: ['inapp', 'email'],
});
registerEventType({
  type: EVENT_LEAD_CONFLICT,
  labelZh: '代理商报备冲突待裁定',
  labelEn: 'Partner registration conflict to resolve',
  templates: {
    'zh-CN': { title: '报备冲突：{code} {title}', body: '代理商「{partner}」报备的「{title}」（{customer}）与已有记录冲突：{conflicts}。请裁定是否受理。' },
    en: { title: 'Registration conflict: {code} {title}', body: 'The registration "{title}" ({customer}) by partner "{partner}" conflicts with: {conflicts}. Please decide.' },
  },
  defaultChannels: ['inapp', 'email'],
});

const FORWARD_CHAIN: ChainDefinition = {
  resubmitFrom: 'first',
  steps: [{ name: '市场总监审核', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'any', condition: null, deadlinePolicy: null }],
};

async function loadLeadSubject(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const l = (await db.select().from(leads).where(eq(leads.id, id)).limit(1))[0];
  if (!l) return null;
  return {
    version: l.version,
    title: `${l.code} ${l.title}`,
    ownerUserId: l.ownerUserId,
    departmentId: l.departmentId,
    data: {
      code: l.code,
      title: l.title,
      channel: l.channel,
      customerName: l.customerName,
      contactName: l.contactName,
      estimatedAmountFen: l.estimatedAmountFen,
      description: l.description,
      registeredAt: l.registeredAt.toISOString(),
      forwardUnit: l.forwardUnit,
      forwardPerson: l.forwardPerson,
      screeningNote: l.screeningNote,
    },
  };
}

/** The comment of the decision that ended or returned a request (recorded before the hook runs). */
async function lastComment(tx: Db, requestId: string): Promise<string | null> {
  const row = (await tx.select({ comment: approvalActions.comment }).from(approvalActions).where(eq(approvalActions.requestId, requestId)).orderBy(desc(approvalActions.id)).limit(1))[0];
  return row?.comment ?? null;
}

/** The forwarding decision: approved → forwarded; rejected / returned / withdrawn → back to screening. */
async function onForwardDecision(tx: Db, ctx: Ctx, request: ApprovalRequestInfo, outcome: ApprovalOutcome): Promise<void> {
  const lead = (await tx.select().from(leads).where(eq(leads.id, request.subjectId)).limit(1).for('update'))[0];
  if (!lead) return;
  const state = lead.state as LeadState;
  if (outcome === 'approved') {
    const next = nextLeadState(state, 'forward_approved');
    if (!next) throw stateConflict(ctx.actor.locale, { zh: '信息已不在转交流程中', en: 'the information is no longer being forwarded' });
    // after a return the lead waited in screening (with a new screening deadline) until the request was resubmitted
    await tx.update(leads).set({ state: next, screeningOutcome: 'forward', version: lead.version + 1, updatedAt: ctx.now }).where(eq(leads.id, lead.id));
    await completeDeadline(tx, ctx.now, { subjectType: LEAD_SUBJECT, subjectId: lead.id, step: STEP_SCREEN });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.forward_approved', entityType: 'lead', entityId: lead.id,
      changes: { state: { before: state, after: next } }, detail: `${lead.forwardUnit ?? ''} / ${lead.forwardPerson ?? ''}`,
    });
    await appendLeadTimeline(tx, ctx, lead, {
      kind: 'lead.forwarded',
      title: `已转交：${lead.forwardUnit ?? ''}（${lead.forwardPerson ?? ''}）`,
      summary: '市场总监审核同意转交其他事业部',
      data: { outcome: 'forward', forwardUnit: lead.forwardUnit, forwardPerson: lead.forwardPerson, approvalRequestId: request.id },
    });
    return;
  }
  if (state !== 'forwarding') return; // already moved on (e.g. re-screened after a return)
  const next = nextLeadState(state, 'forward_undone') ?? 'registered';
  const comment = outcome === 'withdrawn' ? null : await lastComment(tx, request.id);
  const what = outcome === 'rejected' ? '驳回' : outcome === 'returned' ? '退回' : '撤回';
  await tx
    .update(leads)
    .set({
      state: next,
      screeningOutcome: null,
      screeningNote: comment ? `转交审批${what}：${comment}` : lead.screeningNote,
      version: lead.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(leads.id, lead.id));
  await appendAudit(tx, ctx.actor, ctx.now, {
    action: `lead.forward_${outcome}`, entityType: 'lead', entityId: lead.id,
    changes: { state: { before: state, after: next } }, detail: comment,
  });
  await appendLeadTimeline(tx, ctx, lead, {
    kind: 'lead.forward_undone',
    title: `转交审批${what}，信息退回待筛选`,
    summary: comment,
    data: { outcome, approvalRequestId: request.id },
  });
  // screening starts again: a fresh screening deadline for whoever asked to forward it
  await startDeadline(tx, ctx.now, {
    subjectType: LEAD_SUBJECT, subjectId: lead.id, step: STEP_SCREEN, policyCode: POLICY_LEAD_SCREEN, ownerUserId: request.requesterId,
    title: `${lead.code} ${lead.title}`, link: `/leads/${lead.id}`,
  });
}

registerApprovalSubject({
  type: LEAD_SUBJECT,
  labelZh: '信息 / 线索',
  labelEn: 'Information / lead',
  load: loadLeadSubject,
  onDecision: onForwardDecision,
  fields: [
    { key: 'code', labelZh: '编号', labelEn: 'Code', type: 'text' },
    { key: 'title', labelZh: '信息名称', labelEn: 'Title', type: 'text' },
    {
      key: 'channel', labelZh: '来源渠道', labelEn: 'Channel', type: 'enum',
      options: LEAD_CHANNELS.map((c) => ({ value: c, labelZh: LEAD_CHANNEL_LABELS[c].zh, labelEn: LEAD_CHANNEL_LABELS[c].en })),
    },
    { key: 'customerName', labelZh: '客户', labelEn: 'Customer', type: 'text' },
    { key: 'contactName', labelZh: '联系人', labelEn: 'Contact', type: 'text' },
    { key: 'estimatedAmountFen', labelZh: '预计金额', labelEn: 'Estimated amount', type: 'money' },
    { key: 'description', labelZh: '需求描述', labelEn: 'Description', type: 'text' },
    { key: 'registeredAt', labelZh: '登记时间', labelEn: 'Registered at', type: 'datetime' },
    { key: 'forwardUnit', labelZh: '接收事业部', labelEn: 'Receiving business unit', type: 'text' },
    { key: 'forwardPerson', labelZh: '接收负责人', labelEn: 'Receiving person', type: 'text' },
    { key: 'screeningNote', labelZh: '筛选意见', labelEn: 'Screening note', type: 'text' },
  ],
  link: (id) => `/leads/${id}`,
});

registerApprovalProcess({
  code: LEAD_FORWARD_PROCESS,
  labelZh: '信息转其他事业部审批',
  labelEn: 'Forward information to another business unit',
  subjectType: LEAD_SUBJECT,
  defaultChain: FORWARD_CHAIN,
});

registerModuleSetup('intake', async (db) => {
  await ensureDeadlinePolicy(db, {
    code: POLICY_LEAD_SCREEN, nameZh: '信息筛选', nameEn: 'Screen incoming information', kind: 'working_days', amount: 1,
    remindBefore: [{ amount: 2, unit: 'working_hours' }],
  });
  await ensureDeadlinePolicy(db, {
    code: POLICY_LEAD_EVALUATE, nameZh: '线索初步评估', nameEn: 'Preliminary lead evaluation', kind: 'working_days', amount: 3,
    remindBefore: [{ amount: 1, unit: 'working_days' }],
  });
});
