import { defineEventType } from '../../notifications/notify.ts';
import { projectsMessages } from './projects.messages.ts';

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
  ...projectsMessages.eventLabels('event.project_key'),
  templates: projectsMessages.templates('event.project_key'),
  defaultChannels: ['inapp', 'email'],
});
export const projectAssignedEvent = defineEventType({
  type: PROJECT_EVENTS.assigned,
  params: ['code', 'name', 'role', 'roleEn', 'actor'],
  ...projectsMessages.eventLabels('event.project_assigned'),
  templates: projectsMessages.templates('event.project_assigned'),
  defaultChannels: ['inapp', 'email'],
});
export const projectSummarySharedEvent = defineEventType({
  type: PROJECT_EVENTS.summaryShared,
  params: ['code', 'name', 'actor'],
  ...projectsMessages.eventLabels('event.project_summary_shared'),
  templates: projectsMessages.templates('event.project_summary_shared'),
  defaultChannels: ['inapp', 'email'],
});
export const taskAssignedEvent = defineEventType({
  type: PROJECT_EVENTS.taskAssigned,
  params: ['title', 'meeting', 'due', 'project', 'actor'],
  ...projectsMessages.eventLabels('event.task_assigned'),
  templates: projectsMessages.templates('event.task_assigned'),
  defaultChannels: ['inapp', 'email'],
});

export const PROJECT_EVENT_TYPES = [projectKeyEvent, projectAssignedEvent, projectSummarySharedEvent, taskAssignedEvent] as const;
