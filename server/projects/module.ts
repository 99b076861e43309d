import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ChainDefinition } from '../../core/approvals/chain.ts';
import { DELIVERY_MODE_LABELS, DELIVERY_MODES, PROJECT_LEVEL_LABELS, PROJECT_LEVELS, mondayOf } from '../../core/projects/rules.ts';
import { INITIAL_STAGE, REGISTERED_STAGE, CLOSED_STAGE, findStage } from '../../core/projects/stages.ts';
import { shanghaiDate } from '../../core/calendar/working-calendar.ts';
import { registerApprovalProcess } from '../approvals/processes.ts';
import { registerApprovalSubject, type ApprovalOutcome, type ApprovalRequestInfo } from '../approvals/subjects.ts';
import type { Db } from '../db/client.ts';
import { approvalActions, customers, partners, projects, recordShares, users } from '../db/schema.ts';
import { ensureDeadlinePolicy, startDeadline, cancelDeadline } from '../deadlines/deadlines.ts';
import type { Ctx } from '../kernel/context.ts';
import { defineSchedule } from '../jobs/runner.ts';
import { registerModuleSetup } from '../modules.ts';
import { registerEventType } from '../notifications/notify.ts';
import {
  auditProject, loadStageConfig, moveStage, notifyKeyEvent, numberOf, PROJECT_EVENTS, projectTimeline, refreshNextDeadline, writeProject,
  type ProjectRow,
} from './support.ts';
import { generateTrackingRows } from './tracking.ts';

/**
 * The presales project module's registrations (PRODUCT.md §3.3): the approval subject
 * "project" with its four processes (go/no-go, registration 立项, revenue-split exception,
 * special commercial handling), what each decision does to the project, the notification
 * event types, the deadline policies and the Monday schedule of the weekly tracking table.
 */

export const PROJECT_SUBJECT = 'project';
export const PROCESSES = {
  goNoGo: 'project.go_no_go',
  registration: 'project.registration',
  shareException: 'project.share_exception',
  specialHandling: 'project.special_handling',
} as const;
export const POLICIES = {
  registrationApprove: 'project.registration_approve',
  assignPresales: 'project.assign_presales',
  taskDue: 'task.due',
} as const;
/** The deadline of assigning the presales lead once the registration is approved. */
export const assignPresalesKey = (projectId: string) => ({ subjectType: 'project', subjectId: projectId, step: 'assign_presales' });

registerEventType({
  type: PROJECT_EVENTS.keyEvent,
  labelZh: '项目关键节点',
  labelEn: 'Project key event',
  templates: {
    'zh-CN': { title: '项目动态：{name}', body: '项目 {code}「{name}」{event}（{actor}）。' },
    en: { title: 'Project update: {name}', body: 'Project {code} "{name}" {eventEn} ({actor}).' },
  },
  defaultChannels: ['inapp', 'email'],
});
registerEventType({
  type: PROJECT_EVENTS.assigned,
  labelZh: '加入项目组',
  labelEn: 'Added to a project team',
  templates: {
    'zh-CN': { title: '您已加入项目：{name}', body: '{actor} 将您加入项目 {code}「{name}」，角色：{role}。' },
    en: { title: 'You joined a project: {name}', body: '{actor} added you to project {code} "{name}" as {roleEn}.' },
  },
  defaultChannels: ['inapp', 'email'],
});
registerEventType({
  type: PROJECT_EVENTS.summaryShared,
  labelZh: '项目总结',
  labelEn: 'Project summary',
  templates: {
    'zh-CN': { title: '项目总结：{name}', body: '{actor} 提交了项目 {code}「{name}」的项目总结，请查阅。' },
    en: { title: 'Project summary: {name}', body: '{actor} shared the summary of project {code} "{name}".' },
  },
  defaultChannels: ['inapp', 'email'],
});
registerEventType({
  type: PROJECT_EVENTS.taskAssigned,
  labelZh: '新的待办任务',
  labelEn: 'New task for me',
  templates: {
    'zh-CN': { title: '待办：{title}', body: '{actor} 在「{meeting}」中给您分派了任务「{title}」，截止 {due}（项目：{project}）。' },
    en: { title: 'Task: {title}', body: '{actor} gave you the task "{title}" in "{meeting}", due {due} (project: {project}).' },
  },
  defaultChannels: ['inapp', 'email'],
});

const step = (name: string, roleCode: string, deadlinePolicy: string | null = null) => ({
  name, approver: { type: 'role' as const, roleCode }, mode: 'all' as const, condition: null, deadlinePolicy,
});

/**
 * Seed 000 step 2: the preliminary analysis goes to the GM and the advisor. Both must approve
 * (会签): the advisor first, then the GM, who decides last (PRODUCT.md §1).
 */
const GO_NO_GO_CHAIN: ChainDefinition = {
  resubmitFrom: 'first',
  steps: [step('顾问评审', 'advisor'), step('总经理审批', 'general_manager')],
};
/** Seed 002: the marketing manager approves the registration, then the presales manager; 1 working day each. */
const REGISTRATION_CHAIN: ChainDefinition = {
  resubmitFrom: 'returning_step',
  steps: [
    { ...step('市场部经理审批', 'marketing_manager', POLICIES.registrationApprove), mode: 'any' },
    { ...step('售前经理审批', 'presales_manager', POLICIES.registrationApprove), mode: 'any' },
  ],
};
const GM_CHAIN: ChainDefinition = { resubmitFrom: 'first', steps: [{ ...step('总经理审批', 'general_manager'), mode: 'any' }] };

async function loadSubject(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ p: projects, customerName: customers.name, partnerName: partners.name, ownerName: users.displayName })
    .from(projects)
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .innerJoin(users, eq(users.id, projects.ownerUserId))
    .leftJoin(partners, eq(partners.id, projects.partnerId))
    .where(eq(projects.id, id))
    .limit(1);
  if (!row) return null;
  const { p } = row;
  const { config } = await loadStageConfig(db);
  const stage = findStage(config, p.stage);
  return {
    version: p.version,
    data: {
      code: p.code, name: p.name, customerName: row.customerName, ownerName: row.ownerName, stage: stage?.nameZh ?? p.stage,
      amountFen: p.amountFen, budgetFen: p.budgetFen, expectedSignDate: p.expectedSignDate, winProbability: p.winProbability,
      decisionProcess: p.decisionProcess, funding: p.funding, credit: p.credit, competitors: p.competitors, strengths: p.strengths,
      risks: p.risks, analysisNotes: p.analysisNotes, projectLevel: p.projectLevel, deliveryMode: p.deliveryMode,
      personMonths: numberOf(p.personMonths), bigProject: p.bigProject, partnerName: row.partnerName,
      companySharePct: numberOf(p.companySharePct), shareFloorPct: config.shareFloorPct, specialHandling: p.specialHandling,
    },
    ownerUserId: p.ownerUserId,
    departmentId: p.departmentId,
    title: `${p.code} ${p.name}`,
  };
}

const text = (key: string, labelZh: string, labelEn: string) => ({ key, labelZh, labelEn, type: 'text' as const });

async function decisionComment(tx: Db, requestId: string): Promise<string | null> {
  const [row] = await tx.select({ comment: approvalActions.comment }).from(approvalActions)
    .where(and(eq(approvalActions.requestId, requestId), inArray(approvalActions.action, ['reject', 'return'])))
    .orderBy(desc(approvalActions.id)).limit(1);
  return row?.comment ?? null;
}

async function lockProject(tx: Db, id: string): Promise<ProjectRow | undefined> {
  return (await tx.select().from(projects).where(eq(projects.id, id)).limit(1).for('update'))[0];
}

const OUTCOME_TEXT: Record<ApprovalOutcome, { zh: string; en: string }> = {
  approved: { zh: '通过', en: 'approved' },
  rejected: { zh: '驳回', en: 'rejected' },
  returned: { zh: '退回修改', en: 'returned for revision' },
  withdrawn: { zh: '撤回', en: 'withdrawn' },
};

/** What a decision on one of the project's requests does to the project. */
async function onDecision(tx: Db, ctx: Ctx, request: ApprovalRequestInfo, outcome: ApprovalOutcome): Promise<void> {
  const p = await lockProject(tx, request.subjectId);
  if (!p) return;
  const label = OUTCOME_TEXT[outcome];
  switch (request.processCode) {
    case PROCESSES.goNoGo: {
      if (outcome === 'approved') {
        let row = await writeProject(tx, ctx, p, { goDecision: 'go' });
        await auditProject(tx, ctx, p.id, 'project.go', { goDecision: { before: p.goDecision, after: 'go' } });
        await projectTimeline(tx, ctx, p, 'project.go', '跟进决策：跟进');
        const { config } = await loadStageConfig(tx);
        const from = findStage(config, row.stage);
        if (row.stage === INITIAL_STAGE && from?.next.includes(REGISTERED_STAGE)) {
          row = await moveStage(tx, ctx, row, config, REGISTERED_STAGE, { note: '跟进决策审批通过', checkGate: false });
        } else {
          await notifyKeyEvent(tx, ctx, row, { zh: '跟进决策审批通过，决定跟进', en: 'was approved to go ahead (go/no-go)' }, { major: true });
        }
      } else if (outcome === 'rejected') {
        const reason = (await decisionComment(tx, request.id)) ?? '';
        const row = await writeProject(tx, ctx, p, {
          goDecision: 'no_go', noGoReason: reason, status: 'no_go', stage: CLOSED_STAGE, stageEnteredAt: ctx.now, closedAt: ctx.now,
        });
        await recordNoGo(tx, ctx, p, row, reason);
      } else {
        const goDecision = outcome === 'returned' ? 'returned' : null;
        await writeProject(tx, ctx, p, { goDecision });
        await auditProject(tx, ctx, p.id, 'project.go_no_go_' + outcome, { goDecision: { before: p.goDecision, after: goDecision } });
        await projectTimeline(tx, ctx, p, 'project.go_no_go', `跟进决策审批${label.zh}`, { summary: await decisionComment(tx, request.id) });
      }
      return;
    }
    case PROCESSES.registration: {
      const state = outcome === 'withdrawn' ? 'none' : outcome;
      const row = await writeProject(tx, ctx, p, { registrationState: state, ...(outcome === 'approved' ? { registeredAt: ctx.now } : {}) });
      await auditProject(tx, ctx, p.id, `project.registration_${outcome}`, { registrationState: { before: p.registrationState, after: state } });
      await projectTimeline(tx, ctx, p, 'project.registration', `项目登记（立项）审批${label.zh}`, {
        summary: outcome === 'approved' ? null : await decisionComment(tx, request.id),
      });
      if (outcome === 'approved') {
        // The presales manager who approved assigns the presales lead next (1 working day): give them the project.
        const approver = ctx.actor.userId;
        if (approver) {
          await tx.insert(recordShares).values({ entityType: 'project', entityId: p.id, userId: approver, grantedBy: approver, createdAt: ctx.now })
            .onConflictDoNothing();
          if (!row.presalesLeadId) {
            await startDeadline(tx, ctx.now, {
              ...assignPresalesKey(p.id), policyCode: POLICIES.assignPresales, ownerUserId: approver,
              title: `指派售前负责人：${p.code} ${p.name}`, link: `/projects/${p.id}`,
            });
          }
        }
        await notifyKeyEvent(tx, ctx, row, { zh: '项目登记（立项）审批通过', en: 'registration (立项) was approved' }, { major: true });
      } else if (outcome !== 'withdrawn') {
        await notifyKeyEvent(tx, ctx, row, { zh: `项目登记（立项）审批${label.zh}`, en: `registration was ${label.en}` });
      }
      await refreshNextDeadline(tx, [p.id]);
      return;
    }
    case PROCESSES.shareException: {
      const state = outcome === 'withdrawn' || outcome === 'returned' ? 'none' : outcome;
      const row = await writeProject(tx, ctx, p, { shareException: state });
      await auditProject(tx, ctx, p.id, `project.share_exception_${outcome}`, { shareException: { before: p.shareException, after: state } });
      await projectTimeline(tx, ctx, p, 'project.share_exception', `合作分成例外审批${label.zh}`, { summary: await decisionComment(tx, request.id) });
      if (outcome !== 'withdrawn') await notifyKeyEvent(tx, ctx, row, { zh: `合作分成例外审批${label.zh}`, en: `revenue-split exception ${label.en}` });
      return;
    }
    case PROCESSES.specialHandling: {
      await auditProject(tx, ctx, p.id, `project.special_handling_${outcome}`, null, await decisionComment(tx, request.id));
      await projectTimeline(tx, ctx, p, 'project.special_handling', `特殊项目处理（总经理）${label.zh}`, { summary: await decisionComment(tx, request.id) });
      if (outcome !== 'withdrawn') await notifyKeyEvent(tx, ctx, p, { zh: `特殊项目处理申请${label.zh}`, en: `special handling ${label.en}` });
      return;
    }
    default:
      return;
  }
}

/** A no-go closes the opportunity with its reason: history, timeline, audit, open deadlines cancelled, monitor told. */
export async function recordNoGo(tx: Db, ctx: Ctx, before: ProjectRow, after: ProjectRow, reason: string): Promise<void> {
  await tx.execute(sql`INSERT INTO project_stage_history (project_id, from_stage, to_stage, at, actor_id, note)
    VALUES (${before.id}, ${before.stage}, ${CLOSED_STAGE}, ${ctx.now}, ${ctx.actor.userId}, ${`No-go：${reason}`})`);
  await cancelDeadline(tx, ctx.now, assignPresalesKey(before.id));
  await auditProject(tx, ctx, before.id, 'project.no_go', {
    goDecision: { before: before.goDecision, after: 'no_go' }, status: { before: before.status, after: 'no_go' }, stage: { before: before.stage, after: CLOSED_STAGE },
  }, reason);
  await projectTimeline(tx, ctx, before, 'project.no_go', '跟进决策：不跟进，商机关闭', { summary: reason });
  await notifyKeyEvent(tx, ctx, after, { zh: `决定不跟进（No-go）并关闭：${reason}`, en: `was closed as no-go: ${reason}` }, { major: true });
}

registerApprovalSubject({
  type: PROJECT_SUBJECT,
  labelZh: '项目',
  labelEn: 'Project',
  load: loadSubject,
  onDecision,
  fields: [
    text('code', '项目编号', 'Code'),
    text('name', '项目名称', 'Name'),
    text('customerName', '客户', 'Customer'),
    text('ownerName', '客户经理', 'Account manager'),
    text('stage', '阶段', 'Stage'),
    { key: 'amountFen', labelZh: '预计金额', labelEn: 'Expected amount', type: 'money' },
    { key: 'budgetFen', labelZh: '客户预算', labelEn: 'Customer budget', type: 'money' },
    { key: 'expectedSignDate', labelZh: '预计签约日期', labelEn: 'Expected sign date', type: 'date' },
    { key: 'winProbability', labelZh: '赢单概率（%）', labelEn: 'Win probability (%)', type: 'percent' },
    text('decisionProcess', '决策程序', 'Decision process'),
    text('funding', '资金情况', 'Funding'),
    text('credit', '客户信用', 'Credit'),
    text('competitors', '竞争对手', 'Competitors'),
    text('strengths', '我方优势', 'Our strengths'),
    text('risks', '风险', 'Risks'),
    text('analysisNotes', '分析说明', 'Analysis notes'),
    {
      key: 'projectLevel', labelZh: '项目级别', labelEn: 'Project level', type: 'enum',
      options: PROJECT_LEVELS.map((v) => ({ value: v, labelZh: PROJECT_LEVEL_LABELS[v].zh, labelEn: PROJECT_LEVEL_LABELS[v].en })),
    },
    {
      key: 'deliveryMode', labelZh: '开发模式', labelEn: 'Delivery mode', type: 'enum',
      options: DELIVERY_MODES.map((v) => ({ value: v, labelZh: DELIVERY_MODE_LABELS[v].zh, labelEn: DELIVERY_MODE_LABELS[v].en })),
    },
    { key: 'personMonths', labelZh: '预计工作量（人月）', labelEn: 'Effort (person-months)', type: 'number' },
    { key: 'bigProject', labelZh: '大项目（> 50 人月）', labelEn: 'Big project (> 50 person-months)', type: 'boolean' },
    text('partnerName', '合作单位', 'Partner'),
    { key: 'companySharePct', labelZh: '我方分成（%）', labelEn: 'Company share (%)', type: 'percent' },
    { key: 'shareFloorPct', labelZh: '分成下限（%）', labelEn: 'Share floor (%)', type: 'percent' },
    text('specialHandling', '特殊处理事由', 'Special handling'),
  ],
  link: (id) => `/projects/${id}`,
});

registerApprovalProcess({ code: PROCESSES.goNoGo, labelZh: '跟进决策', labelEn: 'Go/no-go decision', subjectType: PROJECT_SUBJECT, defaultChain: GO_NO_GO_CHAIN });
registerApprovalProcess({ code: PROCESSES.registration, labelZh: '项目登记（立项）审批', labelEn: 'Project registration (立项)', subjectType: PROJECT_SUBJECT, defaultChain: REGISTRATION_CHAIN });
registerApprovalProcess({ code: PROCESSES.shareException, labelZh: '合作分成例外审批', labelEn: 'Revenue-split exception', subjectType: PROJECT_SUBJECT, defaultChain: GM_CHAIN });
registerApprovalProcess({ code: PROCESSES.specialHandling, labelZh: '特殊项目处理', labelEn: 'Special commercial handling', subjectType: PROJECT_SUBJECT, defaultChain: GM_CHAIN });

registerModuleSetup('projects', async (db) => {
  await ensureDeadlinePolicy(db, {
    code: POLICIES.registrationApprove, nameZh: '项目登记（立项）审批', nameEn: 'Project registration approval', kind: 'working_days', amount: 1,
    remindBefore: [{ amount: 2, unit: 'working_hours' }],
  });
  await ensureDeadlinePolicy(db, {
    code: POLICIES.assignPresales, nameZh: '指派售前负责人', nameEn: 'Assign the presales lead', kind: 'working_days', amount: 1,
    remindBefore: [{ amount: 2, unit: 'working_hours' }],
  });
  // Action items carry their own due date: the deadline starts at that date's close of business (0 days).
  await ensureDeadlinePolicy(db, {
    code: POLICIES.taskDue, nameZh: '待办任务（会议行动项）', nameEn: 'Task (meeting action item)', kind: 'calendar_days', amount: 0,
  });
});

export const TRACKING_SCHEDULE = 'project.tracking_week';

/** Every hour: once per week (from Monday on), the tracking rows of the week are generated for every open project. */
defineSchedule(TRACKING_SCHEDULE, 3_600_000, async (ctx) => {
  await generateTrackingRows(ctx.db, mondayOf(shanghaiDate(ctx.now)), ctx.now, null);
});
