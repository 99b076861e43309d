import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { OkBody } from '../schemas/common.schema.ts';
import { MeetingBody, MeetingView, MyTasksQuery, TaskBody, TaskPage, TaskView, UpdateMeetingBody } from './meetings.schema.ts';
import { IdParams } from './project-fields.schema.ts';
import { VersionedBody } from './projects.schema.ts';

const update = { permission: 'project.update' } as const;

/** Project analysis meetings (项目分析会, seed 004 §9) with their action items, and "my tasks". */
export const meetingsContract = defineContract('projects', {
  meetings: {
    method: 'GET',
    path: '/projects/:id/meetings',
    summary: '项目分析会 Analysis meetings',
    access: { permission: 'project.read' },
    params: IdParams,
    response: z.array(MeetingView),
  },
  createMeeting: {
    method: 'POST',
    path: '/projects/:id/meetings',
    summary: '记录项目分析会 Record a meeting',
    access: update,
    params: IdParams,
    body: MeetingBody,
    response: MeetingView,
  },
  updateMeeting: {
    method: 'PATCH',
    path: '/meetings/:id',
    summary: '修改会议纪要 Edit a meeting',
    access: update,
    params: IdParams,
    body: UpdateMeetingBody,
    response: OkBody,
  },
  createTask: {
    method: 'POST',
    path: '/meetings/:id/tasks',
    summary: '分派行动项 Add an action item',
    access: update,
    params: IdParams,
    body: TaskBody,
    response: TaskView,
  },
  myTasks: {
    method: 'GET',
    path: '/tasks/mine',
    summary: '我的任务 My tasks',
    access: 'authenticated',
    query: MyTasksQuery,
    response: TaskPage,
  },
  completeTask: {
    method: 'POST',
    path: '/tasks/:id/done',
    summary: '完成任务 Mark a task done',
    access: 'authenticated',
    params: IdParams,
    body: VersionedBody,
    response: OkBody,
  },
});
