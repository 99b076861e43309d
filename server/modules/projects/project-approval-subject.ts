import { and, desc, eq, inArray } from 'drizzle-orm';
import { DELIVERY_MODE_LABELS, DELIVERY_MODES, PROJECT_LEVEL_LABELS, PROJECT_LEVELS } from '../../../core/projects/rules.ts';
import { INITIAL_STAGE, REGISTERED_STAGE, CLOSED_STAGE, findStage } from '../../../core/projects/stages.ts';
import { defineApprovalSubject, type ApprovalOutcome, type ApprovalRequestInfo } from '../../approvals/subjects.ts';
import type { Db } from '../../db/client.ts';
import { approvalActions, customers, partners, projects, recordShares, users } from '../../db/schema.ts';
import { startDeadline } from '../../deadlines/deadlines.ts';
import type { Ctx } from '../../kernel/context.ts';
import { PROCESSES, PROJECT_SUBJECT, type ProjectProcessCode } from './project-approval-processes.ts';
import { auditProject, notifyKeyEvent, projectTimeline, writeProject } from './project-changes.ts';
import { projectsMessages } from './projects.messages.ts';
import { assignPresalesKey, POLICIES, refreshNextDeadline } from './project-deadlines.ts';
import { numberOf, type ProjectRow } from './project-row.ts';
import { loadStageConfig } from './project-stage-config.ts';
import { moveStage, recordNoGo } from './stage-move.ts';

/**
 * The approval subject "project" (PRODUCT.md §3.3): what an approver sees of the project, and
 * what each decision on one of its requests (go/no-go, registration 立项, split exception,
 * special handling) does to it, inside the deciding transaction.
 */

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
      code: p.code,
      name: p.name,
      customerName: row.customerName,
      ownerName: row.ownerName,
      stage: stage?.nameZh ?? p.stage,
      amountFen: p.amountFen,
      budgetFen: p.budgetFen,
      expectedSignDate: p.expectedSignDate,
      winProbability: p.winProbability,
      decisionProcess: p.decisionProcess,
      funding: p.funding,
      credit: p.credit,
      competitors: p.competitors,
      strengths: p.strengths,
      risks: p.risks,
      analysisNotes: p.analysisNotes,
      projectLevel: p.projectLevel,
      deliveryMode: p.deliveryMode,
      personMonths: numberOf(p.personMonths),
      bigProject: p.bigProject,
      partnerName: row.partnerName,
      companySharePct: numberOf(p.companySharePct),
      shareFloorPct: config.shareFloorPct,
      specialHandling: p.specialHandling,
    },
    ownerUserId: p.ownerUserId,
    departmentId: p.departmentId,
    title: `${p.code} ${p.name}`,
  };
}

const text = (key: string, labelZh: string, labelEn: string) => ({ key, labelZh, labelEn, type: 'text' as const });

async function decisionComment(tx: Db, requestId: string): Promise<string | null> {
  const [row] = await tx
    .select({ comment: approvalActions.comment })
    .from(approvalActions)
    .where(and(eq(approvalActions.requestId, requestId), inArray(approvalActions.action, ['reject', 'return'])))
    .orderBy(desc(approvalActions.id))
    .limit(1);
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

/** The registration state (立项) a decision leaves: withdrawn means none asked for. */
function registrationStateAfter(outcome: ApprovalOutcome): 'approved' | 'rejected' | 'returned' | 'none' {
  switch (outcome) {
    case 'approved':
    case 'rejected':
    case 'returned':
      return outcome;
    case 'withdrawn':
      return 'none';
  }
}

/** The revenue-split exception state a decision leaves: returned or withdrawn means none asked for. */
function shareExceptionAfter(outcome: ApprovalOutcome): 'approved' | 'rejected' | 'none' {
  switch (outcome) {
    case 'approved':
    case 'rejected':
      return outcome;
    case 'returned':
    case 'withdrawn':
      return 'none';
  }
}

/**
 * What a decision on one of the project's requests does to the project. The switch over the
 * process has no default: a process added to PROJECT_APPROVAL_PROCESSES does not compile until
 * it has its case here.
 */
async function onDecision(
  tx: Db,
  ctx: Ctx,
  request: ApprovalRequestInfo<ProjectProcessCode, typeof PROJECT_SUBJECT>,
  outcome: ApprovalOutcome,
): Promise<void> {
  const p = await lockProject(tx, request.subjectId);
  if (!p) return;
  const label = OUTCOME_TEXT[outcome];
  switch (request.processCode) {
    case PROCESSES.goNoGo: {
      if (outcome === 'approved') {
        let row = await writeProject(tx, ctx, p, { goDecision: 'go' });
        await auditProject(tx, ctx, p.id, 'project.go', { goDecision: { before: p.goDecision, after: 'go' } });
        await projectTimeline(tx, ctx, p, 'project.go', projectsMessages.message('timeline.go'));
        const { config } = await loadStageConfig(tx);
        const from = findStage(config, row.stage);
        if (row.stage === INITIAL_STAGE && from?.next.includes(REGISTERED_STAGE)) {
          row = await moveStage(tx, ctx, row, config, REGISTERED_STAGE, { note: '跟进决策审批通过', checkGate: false });
        } else {
          await notifyKeyEvent(
            tx,
            ctx,
            row,
            { zh: '跟进决策审批通过，决定跟进', en: 'was approved to go ahead (go/no-go)' },
            { major: true },
          );
        }
      } else if (outcome === 'rejected') {
        const reason = (await decisionComment(tx, request.id)) ?? '';
        const row = await writeProject(tx, ctx, p, {
          goDecision: 'no_go',
          noGoReason: reason,
          status: 'no_go',
          stage: CLOSED_STAGE,
          stageEnteredAt: ctx.now,
          closedAt: ctx.now,
        });
        await recordNoGo(tx, ctx, p, row, reason);
      } else {
        const goDecision = outcome === 'returned' ? 'returned' : null;
        await writeProject(tx, ctx, p, { goDecision });
        await auditProject(tx, ctx, p.id, 'project.go_no_go_' + outcome, { goDecision: { before: p.goDecision, after: goDecision } });
        await projectTimeline(tx, ctx, p, 'project.go_no_go', projectsMessages.message('timeline.go_no_go_decided', { outcome: label }), {
          summary: await decisionComment(tx, request.id),
        });
      }
      return;
    }
    case PROCESSES.registration: {
      const state = registrationStateAfter(outcome);
      const row = await writeProject(tx, ctx, p, {
        registrationState: state,
        ...(outcome === 'approved' ? { registeredAt: ctx.now } : {}),
      });
      await auditProject(tx, ctx, p.id, `project.registration_${outcome}`, {
        registrationState: { before: p.registrationState, after: state },
      });
      await projectTimeline(
        tx,
        ctx,
        p,
        'project.registration',
        projectsMessages.message('timeline.registration_decided', { outcome: label }),
        {
          summary: outcome === 'approved' ? null : await decisionComment(tx, request.id),
        },
      );
      if (outcome === 'approved') {
        // The presales manager who approved assigns the presales lead next (1 working day): give them the project.
        const approver = ctx.actor.userId;
        if (approver) {
          await tx
            .insert(recordShares)
            .values({ entityType: 'project', entityId: p.id, userId: approver, grantedBy: approver, createdAt: ctx.now })
            .onConflictDoNothing();
          if (!row.presalesLeadId) {
            await startDeadline(tx, ctx.now, {
              ...assignPresalesKey(p.id),
              policyCode: POLICIES.assignPresales,
              ownerUserId: approver,
              title: `指派售前负责人：${p.code} ${p.name}`,
              link: `/projects/${p.id}`,
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
      const state = shareExceptionAfter(outcome);
      const row = await writeProject(tx, ctx, p, { shareException: state });
      await auditProject(tx, ctx, p.id, `project.share_exception_${outcome}`, {
        shareException: { before: p.shareException, after: state },
      });
      await projectTimeline(
        tx,
        ctx,
        p,
        'project.share_exception',
        projectsMessages.message('timeline.share_exception_decided', { outcome: label }),
        { summary: await decisionComment(tx, request.id) },
      );
      if (outcome !== 'withdrawn')
        await notifyKeyEvent(tx, ctx, row, { zh: `合作分成例外审批${label.zh}`, en: `revenue-split exception ${label.en}` });
      return;
    }
    case PROCESSES.specialHandling: {
      await auditProject(tx, ctx, p.id, `project.special_handling_${outcome}`, null, await decisionComment(tx, request.id));
      await projectTimeline(
        tx,
        ctx,
        p,
        'project.special_handling',
        projectsMessages.message('timeline.special_handling_decided', { outcome: label }),
        { summary: await decisionComment(tx, request.id) },
      );
      if (outcome !== 'withdrawn')
        await notifyKeyEvent(tx, ctx, p, { zh: `特殊项目处理申请${label.zh}`, en: `special handling ${label.en}` });
      return;
    }
  }
  // Reached only by a process without a case, which does not compile (`never`).
  const unhandled: never = request.processCode;
  return unhandled;
}

export const projectApprovalSubject = defineApprovalSubject<typeof PROJECT_SUBJECT, ProjectProcessCode>({
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
      key: 'projectLevel',
      labelZh: '项目级别',
      labelEn: 'Project level',
      type: 'enum',
      options: PROJECT_LEVELS.map((v) => ({ value: v, labelZh: PROJECT_LEVEL_LABELS[v].zh, labelEn: PROJECT_LEVEL_LABELS[v].en })),
    },
    {
      key: 'deliveryMode',
      labelZh: '开发模式',
      labelEn: 'Delivery mode',
      type: 'enum',
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
