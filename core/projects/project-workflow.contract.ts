import { defineContract } from '../contract.ts';
import { IdParams } from './project-fields.schema.ts';
import {
  CloseBody,
  OutcomeBody,
  ProjectDetail,
  ReasonBody,
  StageBody,
  SummaryBody,
  SummaryView,
  VersionedBody,
} from './projects.schema.ts';

const update = { permission: 'project.update' } as const;

/**
 * What moves a presales project along (seeds 000, 002): the go/no-go and registration (立项)
 * approvals, the split exception and special handling, stage moves, the outcome, the team's
 * summary and closing. Each answers the project page (or the summary) as it is afterwards.
 */
export const projectWorkflowContract = defineContract('projects', {
  // ---------- approvals ----------
  submitGoNoGo: {
    method: 'POST',
    path: '/projects/:id/go-no-go',
    summary: '提交跟进决策审批 Submit for the go/no-go decision',
    access: update,
    params: IdParams,
    body: VersionedBody,
    response: ProjectDetail,
  },
  recordNoGo: {
    method: 'POST',
    path: '/projects/:id/no-go',
    summary: '不跟进并关闭 Record a no-go and close',
    access: update,
    params: IdParams,
    body: ReasonBody,
    response: ProjectDetail,
  },
  submitRegistration: {
    method: 'POST',
    path: '/projects/:id/registration',
    summary: '提交项目登记（立项）审批 Submit the registration',
    access: { permission: 'project.create' },
    params: IdParams,
    body: VersionedBody,
    response: ProjectDetail,
  },
  requestShareException: {
    method: 'POST',
    path: '/projects/:id/share-exception',
    summary: '申请合作分成例外 Request the split exception (GM)',
    access: update,
    params: IdParams,
    body: ReasonBody,
    response: ProjectDetail,
  },
  requestSpecialHandling: {
    method: 'POST',
    path: '/projects/:id/special-handling',
    summary: '特殊项目处理（转总经理）Special commercial handling',
    access: update,
    params: IdParams,
    body: ReasonBody,
    response: ProjectDetail,
  },
  // ---------- stages, outcome, summary, close ----------
  moveStage: {
    method: 'POST',
    path: '/projects/:id/stage',
    summary: '变更阶段 Move to a stage',
    access: update,
    params: IdParams,
    body: StageBody,
    response: ProjectDetail,
  },
  recordOutcome: {
    method: 'POST',
    path: '/projects/:id/outcome',
    summary: '记录结果 Record the outcome',
    access: update,
    params: IdParams,
    body: OutcomeBody,
    response: ProjectDetail,
  },
  summary: {
    method: 'GET',
    path: '/projects/:id/summary',
    summary: '项目总结 Summary',
    access: { permission: 'project.read' },
    params: IdParams,
    response: SummaryView.nullable(),
  },
  saveSummary: {
    method: 'PUT',
    path: '/projects/:id/summary',
    summary: '撰写项目总结 Write the summary (the team)',
    access: { permission: 'project.read' },
    params: IdParams,
    body: SummaryBody,
    response: SummaryView,
  },
  close: {
    method: 'POST',
    path: '/projects/:id/close',
    summary: '关闭项目 Close the project',
    access: update,
    params: IdParams,
    body: CloseBody,
    response: ProjectDetail,
  },
});
