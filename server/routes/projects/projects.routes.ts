import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { OkBody } from '../../../core/schemas/common.schema.ts';
import {
  CloseBody, CreatedProject, CreateProjectBody, KanbanQuery, KanbanStagePage, KanbanStageQuery, KanbanView, MeetingBody, MeetingView, MemberBody,
  MemberQuery, MyTasksQuery, ProjectDeadlineView, OutcomeBody, PersonBody, PresalesLeadBody, ProjectDetail, ProjectListQuery, ProjectPage, ReasonBody,
  SaveStageConfigBody, SavedViewBody, SavedViewQuery, SavedViewView, StageBody, StageConfigView, StageHistoryView, SummaryBody, SummaryView,
  TaskBody, TaskPage, TaskView, TeamView, TimelineEntryView, TimelineQuery, UpdateMeetingBody, UpdateProjectBody, VersionedBody,
} from '../../../core/schemas/projects.schema.ts';
import { createProject } from '../../commands/create-project.ts';
import { updateProject } from '../../commands/update-project.ts';
import {
  recordNoGoDecision, requestShareException, requestSpecialHandling, submitGoNoGo, submitRegistration,
} from '../../commands/project-approvals.ts';
import {
  addProjectMember, assignPresalesLead, removeProjectMember, setProjectPerson,
} from '../../commands/manage-project-team.ts';
import { closeProject, moveProjectStage, recordProjectOutcome } from '../../commands/move-project-stage.ts';
import { saveProjectSummary } from '../../commands/save-project-summary.ts';
import { completeTask, createMeeting, createMeetingTask, updateMeeting } from '../../commands/manage-project-meetings.ts';
import { deleteView, listSavedViews, saveView } from '../../commands/manage-saved-views.ts';
import { saveStageConfig } from '../../commands/save-project-stage-config.ts';
import {
  getProjectDetail, getProjectTeam, listProjects, projectDeadlinesView, projectKanban, projectKanbanStage, projectStageHistoryView, projectSummaryView,
  projectTimelineView,
} from '../../queries/projects.ts';
import { getTask, myTasks, projectMeetingsView } from '../../queries/project-meetings.ts';
import { loadStageConfig } from '../../projects/support.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['projects'];
const IdParams = z.object({ id: z.string().uuid() });
const StageParams = z.object({ stage: z.string().min(1).max(40) });
const read = { access: { permission: 'project.read' as const } };
const update = { access: { permission: 'project.update' as const } };

/**
 * Presales projects (商机 / 项目, PRODUCT.md §2, §3.3): list, kanban, detail, analysis and
 * registration, go/no-go and 立项 approvals, team, stages, outcome, summary, close; analysis
 * meetings with action items; my tasks; saved views; the stage configuration.
 */
export async function projectsRoutes(api: Api, services: AppServices) {
  const detail = (req: { actor: Parameters<typeof getProjectDetail>[1] }, id: string) => getProjectDetail(services.db, req.actor, id);

  // ---------- configuration ----------
  api.get('/projects/config/stages', {
    config: read,
    schema: { tags, summary: '项目阶段配置 Stage configuration', response: { 200: StageConfigView, ...errorResponses } },
  }, async () => {
    const { config, version, isDefault } = await loadStageConfig(services.db);
    return { ...config, version, isDefault };
  });

  api.put('/projects/config/stages', {
    config: { access: { permission: 'project.configure' } },
    schema: { tags, summary: '保存阶段配置 Save the stage configuration', body: SaveStageConfigBody, response: { 200: StageConfigView, ...errorResponses } },
  }, async (req) => {
    await saveStageConfig(ctxOf(req, services), req.body);
    const { config, version, isDefault } = await loadStageConfig(services.db);
    return { ...config, version, isDefault };
  });

  // ---------- lists ----------
  api.get('/projects', {
    config: read,
    schema: { tags, summary: '项目列表 List projects', querystring: ProjectListQuery, response: { 200: ProjectPage, ...errorResponses } },
  }, async (req) => listProjects(services.db, req.actor, req.query));

  api.get('/projects/kanban', {
    config: read,
    schema: { tags, summary: '项目看板 Kanban by stage', querystring: KanbanQuery, response: { 200: KanbanView, ...errorResponses } },
  }, async (req) => projectKanban(services.db, req.actor, req.query));

  api.get('/projects/kanban/:stage', {
    config: read,
    schema: { tags, summary: '看板某阶段的更多项目 More cards of a stage', params: StageParams, querystring: KanbanStageQuery, response: { 200: KanbanStagePage, ...errorResponses } },
  }, async (req) => projectKanbanStage(services.db, req.actor, req.params.stage, req.query));

  // ---------- create / read / edit ----------
  api.post('/projects', {
    config: { access: { permission: 'project.create' } },
    schema: { tags, summary: '新建商机 Create an opportunity', body: CreateProjectBody, response: { 200: CreatedProject, ...errorResponses } },
  }, async (req) => createProject(ctxOf(req, services), req.body));

  api.get('/projects/:id', {
    config: read,
    schema: { tags, summary: '项目详情 Project page', params: IdParams, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => detail(req, req.params.id));

  api.patch('/projects/:id', {
    config: update,
    schema: { tags, summary: '修改初步分析与登记信息 Edit analysis and registration form', params: IdParams, body: UpdateProjectBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await updateProject(ctxOf(req, services), req.params.id, req.body);
    return detail(req, req.params.id);
  });

  // ---------- approvals ----------
  api.post('/projects/:id/go-no-go', {
    config: update,
    schema: { tags, summary: '提交跟进决策审批 Submit for the go/no-go decision', params: IdParams, body: VersionedBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await submitGoNoGo(ctxOf(req, services), req.params.id, req.body.version);
    return detail(req, req.params.id);
  });

  api.post('/projects/:id/no-go', {
    config: update,
    schema: { tags, summary: '不跟进并关闭 Record a no-go and close', params: IdParams, body: ReasonBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await recordNoGoDecision(ctxOf(req, services), req.params.id, req.body.version, req.body.reason);
    return detail(req, req.params.id);
  });

  api.post('/projects/:id/registration', {
    config: { access: { permission: 'project.create' } },
    schema: { tags, summary: '提交项目登记（立项）审批 Submit the registration', params: IdParams, body: VersionedBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await submitRegistration(ctxOf(req, services), req.params.id, req.body.version);
    return detail(req, req.params.id);
  });

  api.post('/projects/:id/share-exception', {
    config: update,
    schema: { tags, summary: '申请合作分成例外 Request the split exception (GM)', params: IdParams, body: ReasonBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await requestShareException(ctxOf(req, services), req.params.id, req.body.version, req.body.reason);
    return detail(req, req.params.id);
  });

  api.post('/projects/:id/special-handling', {
    config: update,
    schema: { tags, summary: '特殊项目处理（转总经理）Special commercial handling', params: IdParams, body: ReasonBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await requestSpecialHandling(ctxOf(req, services), req.params.id, req.body.version, req.body.reason);
    return detail(req, req.params.id);
  });

  // ---------- team ----------
  api.post('/projects/:id/presales-lead', {
    config: { access: { permission: 'project.assign' } },
    schema: { tags, summary: '指派售前负责人 Assign the presales lead', params: IdParams, body: PresalesLeadBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await assignPresalesLead(ctxOf(req, services), req.params.id, req.body.version, req.body.userId);
    return detail(req, req.params.id);
  });

  api.get('/projects/:id/members', {
    config: read,
    schema: { tags, summary: '项目组 Team', params: IdParams, response: { 200: TeamView, ...errorResponses } },
  }, async (req) => getProjectTeam(services.db, req.actor, req.params.id));

  api.post('/projects/:id/members', {
    config: update,
    schema: { tags, summary: '加入项目组 Add a member', params: IdParams, body: MemberBody, response: { 200: TeamView, ...errorResponses } },
  }, async (req) => {
    await addProjectMember(ctxOf(req, services), req.params.id, req.body.userId, req.body.projectRole);
    return getProjectTeam(services.db, req.actor, req.params.id);
  });

  api.delete('/projects/:id/members', {
    config: update,
    schema: { tags, summary: '移出项目组 Remove a member role', params: IdParams, querystring: MemberQuery, response: { 200: TeamView, ...errorResponses } },
  }, async (req) => {
    await removeProjectMember(ctxOf(req, services), req.params.id, req.query.userId, req.query.projectRole);
    return getProjectTeam(services.db, req.actor, req.params.id);
  });

  api.put('/projects/:id/monitor', {
    config: update,
    schema: { tags, summary: '设置项目监控人 Set the monitor', params: IdParams, body: PersonBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await setProjectPerson(ctxOf(req, services), req.params.id, 'monitorUserId', req.body.version, req.body.userId);
    return detail(req, req.params.id);
  });

  api.put('/projects/:id/manager', {
    config: update,
    schema: { tags, summary: '设置项目经理 Set the project manager', params: IdParams, body: PersonBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await setProjectPerson(ctxOf(req, services), req.params.id, 'managerUserId', req.body.version, req.body.userId);
    return detail(req, req.params.id);
  });

  // ---------- stages, outcome, summary, close ----------
  api.post('/projects/:id/stage', {
    config: update,
    schema: { tags, summary: '变更阶段 Move to a stage', params: IdParams, body: StageBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await moveProjectStage(ctxOf(req, services), req.params.id, req.body);
    return detail(req, req.params.id);
  });

  api.post('/projects/:id/outcome', {
    config: update,
    schema: { tags, summary: '记录结果 Record the outcome', params: IdParams, body: OutcomeBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await recordProjectOutcome(ctxOf(req, services), req.params.id, req.body);
    return detail(req, req.params.id);
  });

  api.get('/projects/:id/summary', {
    config: read,
    schema: { tags, summary: '项目总结 Summary', params: IdParams, response: { 200: SummaryView.nullable(), ...errorResponses } },
  }, async (req) => projectSummaryView(services.db, req.actor, req.params.id));

  api.put('/projects/:id/summary', {
    config: read,
    schema: { tags, summary: '撰写项目总结 Write the summary (the team)', params: IdParams, body: SummaryBody, response: { 200: SummaryView, ...errorResponses } },
  }, async (req) => {
    await saveProjectSummary(ctxOf(req, services), req.params.id, req.body);
    const view = await projectSummaryView(services.db, req.actor, req.params.id);
    if (!view) throw new AppError('internal');
    return view;
  });

  api.post('/projects/:id/close', {
    config: update,
    schema: { tags, summary: '关闭项目 Close the project', params: IdParams, body: CloseBody, response: { 200: ProjectDetail, ...errorResponses } },
  }, async (req) => {
    await closeProject(ctxOf(req, services), req.params.id, req.body.version, req.body.note);
    return detail(req, req.params.id);
  });

  api.get('/projects/:id/timeline', {
    config: read,
    schema: { tags, summary: '项目时间线 Timeline', params: IdParams, querystring: TimelineQuery, response: { 200: z.array(TimelineEntryView), ...errorResponses } },
  }, async (req) => projectTimelineView(services.db, req.actor, req.params.id, req.query));

  api.get('/projects/:id/stage-history', {
    config: read,
    schema: { tags, summary: '阶段历史 Stage history', params: IdParams, response: { 200: z.array(StageHistoryView), ...errorResponses } },
  }, async (req) => projectStageHistoryView(services.db, req.actor, req.params.id));

  api.get('/projects/:id/deadlines', {
    config: read,
    schema: { tags, summary: '项目时限 Deadlines of the project', params: IdParams, response: { 200: z.array(ProjectDeadlineView), ...errorResponses } },
  }, async (req) => projectDeadlinesView(services.db, req.actor, req.params.id, services.clock()));

  // ---------- meetings and tasks ----------
  api.get('/projects/:id/meetings', {
    config: read,
    schema: { tags, summary: '项目分析会 Analysis meetings', params: IdParams, response: { 200: z.array(MeetingView), ...errorResponses } },
  }, async (req) => projectMeetingsView(services.db, req.actor, req.params.id, services.clock()));

  api.post('/projects/:id/meetings', {
    config: update,
    schema: { tags, summary: '记录项目分析会 Record a meeting', params: IdParams, body: MeetingBody, response: { 200: MeetingView, ...errorResponses } },
  }, async (req) => {
    const id = await createMeeting(ctxOf(req, services), req.params.id, req.body);
    const list = await projectMeetingsView(services.db, req.actor, req.params.id, services.clock());
    const m = list.find((x) => x.id === id);
    if (!m) throw new AppError('internal');
    return m;
  });

  api.patch('/meetings/:id', {
    config: update,
    schema: { tags, summary: '修改会议纪要 Edit a meeting', params: IdParams, body: UpdateMeetingBody, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await updateMeeting(ctxOf(req, services), req.params.id, req.body);
    return { ok: true as const };
  });

  api.post('/meetings/:id/tasks', {
    config: update,
    schema: { tags, summary: '分派行动项 Add an action item', params: IdParams, body: TaskBody, response: { 200: TaskView, ...errorResponses } },
  }, async (req) => {
    const id = await createMeetingTask(ctxOf(req, services), req.params.id, req.body);
    const task = await getTask(services.db, id, services.clock());
    if (!task) throw new AppError('internal');
    return task;
  });

  api.get('/tasks/mine', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的任务 My tasks', querystring: MyTasksQuery, response: { 200: TaskPage, ...errorResponses } },
  }, async (req) => myTasks(services.db, req.actor, services.clock(), req.query));

  api.post('/tasks/:id/done', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '完成任务 Mark a task done', params: IdParams, body: VersionedBody, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await completeTask(ctxOf(req, services), req.params.id, req.body.version);
    return { ok: true as const };
  });

  // ---------- saved views ----------
  api.get('/saved-views', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的保存视图 My saved views', querystring: SavedViewQuery, response: { 200: z.array(SavedViewView), ...errorResponses } },
  }, async (req) => listSavedViews(services.db, req.actor.userId, req.query.list));

  api.post('/saved-views', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '保存视图 Save a view', body: SavedViewBody, response: { 200: SavedViewView, ...errorResponses } },
  }, async (req) => saveView(ctxOf(req, services), req.body));

  api.delete('/saved-views/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '删除视图 Delete a view', params: IdParams, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await deleteView(ctxOf(req, services), req.params.id);
    return { ok: true as const };
  });
}
