import { z } from 'zod';
import { pageOf, PageQuery, Timestamp } from '../schemas/common.schema.ts';
import { IsoDate } from '../calendar/calendar.schema.ts';
import { OptText, Text, Uuid } from './project-fields.schema.ts';

/** API schemas of project analysis meetings (项目分析会) and their action items (tasks, "my tasks"). */

export const MeetingBody = z.object({
  title: Text(200).min(1),
  heldAt: z.iso.datetime({ offset: true }),
  location: OptText(200),
  agenda: OptText(10_000),
  minutes: OptText(20_000),
  participantIds: z.array(Uuid).max(100).default([]),
});
export const UpdateMeetingBody = z.object({
  version: z.number().int().min(1),
  title: Text(200).min(1).optional(),
  heldAt: z.iso.datetime({ offset: true }).optional(),
  location: OptText(200),
  agenda: OptText(10_000),
  minutes: OptText(20_000),
  participantIds: z.array(Uuid).max(100).optional(),
});
export const TaskBody = z.object({
  title: Text(200).min(1),
  description: OptText(2000),
  ownerUserId: Uuid,
  dueDate: IsoDate,
});
export const TaskView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  dueDate: z.string().nullable(),
  state: z.string(),
  overdue: z.boolean(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  doneAt: Timestamp.nullable(),
  version: z.number().int(),
});
export const TaskPage = pageOf(TaskView);
export const MyTasksQuery = PageQuery.extend({ state: z.enum(['open', 'done']).default('open') });
export const MeetingView = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  heldAt: Timestamp,
  location: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  participants: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  createdByName: z.string().nullable(),
  tasks: z.array(TaskView),
  version: z.number().int(),
});
