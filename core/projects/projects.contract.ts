import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { IdParams } from './project-fields.schema.ts';
import { KanbanQuery, KanbanStagePage, KanbanStageQuery, KanbanView, ProjectListQuery, ProjectPage } from './project-list.schema.ts';
import {
  CreatedProject,
  CreateProjectBody,
  ProjectDeadlineView,
  ProjectDetail,
  StageHistoryView,
  TimelineEntryView,
  TimelineQuery,
  UpdateProjectBody,
} from './projects.schema.ts';
import { SaveStageConfigBody, StageConfigView } from './stages.schema.ts';

const StageParams = z.object({ stage: z.string().min(1).max(40) });
const read = { permission: 'project.read' } as const;

/**
 * Presales projects (商机 / 项目, PRODUCT.md §2, §3.3): the stage configuration, the table and
 * the kanban, creating and editing a project, and what its page reads (timeline, stage history,
 * deadlines). The actions on a project are in project-workflow.contract.ts, its team in
 * project-team.contract.ts, meetings and tasks in meetings.contract.ts.
 */
export const projectsContract = defineContract('projects', {
  // ---------- configuration ----------
  stageConfig: {
    method: 'GET',
    path: '/projects/config/stages',
    summary: '项目阶段配置 Stage configuration',
    access: read,
    response: StageConfigView,
  },
  saveStageConfig: {
    method: 'PUT',
    path: '/projects/config/stages',
    summary: '保存阶段配置 Save the stage configuration',
    access: { permission: 'project.configure' },
    body: SaveStageConfigBody,
    response: StageConfigView,
  },
  // ---------- lists ----------
  list: {
    method: 'GET',
    path: '/projects',
    summary: '项目列表 List projects',
    access: read,
    query: ProjectListQuery,
    response: ProjectPage,
  },
  kanban: {
    method: 'GET',
    path: '/projects/kanban',
    summary: '项目看板 Kanban by stage',
    access: read,
    query: KanbanQuery,
    response: KanbanView,
  },
  kanbanStage: {
    method: 'GET',
    path: '/projects/kanban/:stage',
    summary: '看板某阶段的更多项目 More cards of a stage',
    access: read,
    params: StageParams,
    query: KanbanStageQuery,
    response: KanbanStagePage,
  },
  // ---------- create / read / edit ----------
  create: {
    method: 'POST',
    path: '/projects',
    summary: '新建商机 Create an opportunity',
    access: { permission: 'project.create' },
    body: CreateProjectBody,
    response: CreatedProject,
  },
  get: {
    method: 'GET',
    path: '/projects/:id',
    summary: '项目详情 Project page',
    access: read,
    params: IdParams,
    response: ProjectDetail,
  },
  update: {
    method: 'PATCH',
    path: '/projects/:id',
    summary: '修改初步分析与登记信息 Edit analysis and registration form',
    access: { permission: 'project.update' },
    params: IdParams,
    body: UpdateProjectBody,
    response: ProjectDetail,
  },
  // ---------- history ----------
  timeline: {
    method: 'GET',
    path: '/projects/:id/timeline',
    summary: '项目时间线 Timeline',
    access: read,
    params: IdParams,
    query: TimelineQuery,
    response: z.array(TimelineEntryView),
  },
  stageHistory: {
    method: 'GET',
    path: '/projects/:id/stage-history',
    summary: '阶段历史 Stage history',
    access: read,
    params: IdParams,
    response: z.array(StageHistoryView),
  },
  deadlines: {
    method: 'GET',
    path: '/projects/:id/deadlines',
    summary: '项目时限 Deadlines of the project',
    access: read,
    params: IdParams,
    response: z.array(ProjectDeadlineView),
  },
});
