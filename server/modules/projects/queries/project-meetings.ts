import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { shanghaiDate } from '../../../../core/calendar/working-calendar.ts';
import type { MeetingView, TaskView } from '../../../../core/projects/meetings.schema.ts';
import type { Db } from '../../../db/client.ts';
import { projectMeetings, projects, tasks, users } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { projectVisibility } from '../../../policies/visibility.ts';

/** Read models of analysis meetings and tasks ("my tasks"). */

type Task = z.infer<typeof TaskView>;

const owner = alias(users, 'task_owner');

function taskSelect() {
  return {
    t: tasks,
    ownerName: owner.displayName,
    projectName: projects.name,
    meetingTitle: projectMeetings.title,
  };
}

function taskOf(
  r: { t: typeof tasks.$inferSelect; ownerName: string; projectName: string | null; meetingTitle: string | null },
  today: string,
): Task {
  const t = r.t;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    ownerUserId: t.ownerUserId,
    ownerName: r.ownerName,
    dueDate: t.dueDate,
    state: t.state,
    overdue: t.state === 'open' && !!t.dueDate && t.dueDate < today,
    projectId: t.projectId,
    projectName: r.projectName,
    meetingId: t.meetingId,
    meetingTitle: r.meetingTitle,
    doneAt: t.doneAt?.toISOString() ?? null,
    version: t.version,
  };
}

async function selectTasks(db: Db, where: SQL | undefined, order: SQL[], limit: number, offset: number, today: string): Promise<Task[]> {
  const rows = await db
    .select(taskSelect())
    .from(tasks)
    .innerJoin(owner, eq(owner.id, tasks.ownerUserId))
    .leftJoin(projects, eq(projects.id, tasks.projectId))
    .leftJoin(projectMeetings, eq(projectMeetings.id, tasks.meetingId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map((r) => taskOf(r, today));
}

/** My tasks: open ones by due date (overdue first), or done ones, newest first. */
export async function myTasks(db: Db, actor: Actor, now: Date, q: { state: 'open' | 'done'; page: number; pageSize: number }) {
  const me = actor.userId ?? '00000000-0000-0000-0000-000000000000';
  const where = and(eq(tasks.ownerUserId, me), eq(tasks.state, q.state));
  const order = q.state === 'open' ? [sql`${tasks.dueDate} ASC NULLS LAST`, asc(tasks.createdAt)] : [desc(tasks.doneAt)];
  const items = await selectTasks(db, where, order, q.pageSize, (q.page - 1) * q.pageSize, shanghaiDate(now));
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(where);
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** The analysis meetings of a visible project with their action items, newest first. */
export async function projectMeetingsView(db: Db, actor: Actor, projectId: string, now: Date): Promise<Array<z.infer<typeof MeetingView>>> {
  await loadVisible(db, projects, projectId, await projectVisibility(db, actor, 'project.read'));
  const creator = alias(users, 'creator');
  const rows = await db
    .select({ m: projectMeetings, createdByName: creator.displayName })
    .from(projectMeetings)
    .leftJoin(creator, eq(creator.id, projectMeetings.createdBy))
    .where(eq(projectMeetings.projectId, projectId))
    .orderBy(desc(projectMeetings.heldAt))
    .limit(200);
  const meetingIds = rows.map((r) => r.m.id);
  const items = meetingIds.length
    ? await selectTasks(db, inArray(tasks.meetingId, meetingIds), [asc(tasks.createdAt)], 5000, 0, shanghaiDate(now))
    : [];
  const people = [...new Set(rows.flatMap((r) => r.m.participantIds))];
  const names = people.length ? await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, people)) : [];
  return rows.map(({ m, createdByName }) => ({
    id: m.id,
    projectId: m.projectId,
    title: m.title,
    heldAt: m.heldAt.toISOString(),
    location: m.location,
    agenda: m.agenda,
    minutes: m.minutes,
    participants: m.participantIds.map((id) => ({ userId: id, displayName: names.find((u) => u.id === id)?.n ?? '' })),
    createdByName: createdByName ?? null,
    tasks: items.filter((t) => t.meetingId === m.id),
    version: m.version,
  }));
}

/** One task by id (read back after creating it; the caller already checked access). */
export async function getTask(db: Db, id: string, now: Date): Promise<Task | null> {
  const [t] = await selectTasks(db, eq(tasks.id, id), [asc(tasks.createdAt)], 1, 0, shanghaiDate(now));
  return t ?? null;
}
