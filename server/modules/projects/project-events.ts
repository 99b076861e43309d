import { defineEventType } from '../../notifications/notify.ts';

/** The notification event types of presales projects (PRODUCT.md §3.3) and the names the commands raise them by. */

export const PROJECT_EVENTS = {
  keyEvent: 'project.key_event',
  assigned: 'project.assigned',
  summaryShared: 'project.summary_shared',
  taskAssigned: 'task.assigned',
} as const;

export const projectKeyEvent = defineEventType({
  type: PROJECT_EVENTS.keyEvent,
  params: ['code', 'name', 'event', 'eventEn', 'actor'],
  labelZh: '项目关键节点',
  labelEn: 'Project key event',
  templates: {
    'zh-CN': { title: '项目动态：{name}', body: '项目 {code}「{name}」{event}（{actor}）。' },
    en: { title: 'Project update: {name}', body: 'Project {code} "{name}" {eventEn} ({actor}).' },
  },
  defaultChannels: ['inapp', 'email'],
});
export const projectAssignedEvent = defineEventType({
  type: PROJECT_EVENTS.assigned,
  params: ['code', 'name', 'role', 'roleEn', 'actor'],
  labelZh: '加入项目组',
  labelEn: 'Added to a project team',
  templates: {
    'zh-CN': { title: '您已加入项目：{name}', body: '{actor} 将您加入项目 {code}「{name}」，角色：{role}。' },
    en: { title: 'You joined a project: {name}', body: '{actor} added you to project {code} "{name}" as {roleEn}.' },
  },
  defaultChannels: ['inapp', 'email'],
});
export const projectSummarySharedEvent = defineEventType({
  type: PROJECT_EVENTS.summaryShared,
  params: ['code', 'name', 'actor'],
  labelZh: '项目总结',
  labelEn: 'Project summary',
  templates: {
    'zh-CN': { title: '项目总结：{name}', body: '{actor} 提交了项目 {code}「{name}」的项目总结，请查阅。' },
    en: { title: 'Project summary: {name}', body: '{actor} shared the summary of project {code} "{name}".' },
  },
  defaultChannels: ['inapp', 'email'],
});
export const taskAssignedEvent = defineEventType({
  type: PROJECT_EVENTS.taskAssigned,
  params: ['title', 'meeting', 'due', 'project', 'actor'],
  labelZh: '新的待办任务',
  labelEn: 'New task for me',
  templates: {
    'zh-CN': { title: '待办：{title}', body: '{actor} 在「{meeting}」中给您分派了任务「{title}」，截止 {due}（项目：{project}）。' },
    en: { title: 'Task: {title}', body: '{actor} gave you the task "{title}" in "{meeting}", due {due} (project: {project}).' },
  },
  defaultChannels: ['inapp', 'email'],
});

export const PROJECT_EVENT_TYPES = [projectKeyEvent, projectAssignedEvent, projectSummarySharedEvent, taskAssignedEvent] as const;
