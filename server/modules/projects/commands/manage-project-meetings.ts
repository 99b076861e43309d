import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { shanghaiDate, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { projectMeetings, projects, tasks, users } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { completeDeadline, startDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { notify } from '../../../notifications/notify.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { projectTimeline } from '../project-changes.ts';
import { projectsMessages } from '../projects.messages.ts';
import { POLICIES, refreshNextDeadline, taskKey } from '../project-deadlines.ts';
import { taskAssignedEvent } from '../project-events.ts';
import { activeUsers } from '../project-team.ts';

/**
 * Project analysis meetings (项目分析会, seed 004 §9): agenda, minutes, participants, and action
 * items — tasks with an owner and a due date that run on the deadline engine and show up in
 * the owner's "my tasks" and workspace.
 */

export interface MeetingInput {
  title: string;
  heldAt: string;
  location?: string | null | undefined;
  agenda?: string | null | undefined;
  minutes?: string | null | undefined;
  participantIds: string[];
}

async function checkParticipants(db: Db, ctx: Ctx, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const ok = await activeUsers(db, unique);
  if (ok.size !== unique.length)
    throw fieldErrors(ctx.actor.locale, { participantIds: { zh: '参会人不存在或已停用', en: 'unknown or inactive participant' } });
  return unique;
}

/** Records an analysis meeting of the project. */
export async function createMeeting(ctx: Ctx, projectId: string, input: MeetingInput): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, projectId, await projectVisibility(tx, ctx.actor, 'project.update'));
    const participantIds = await checkParticipants(tx, ctx, input.participantIds);
    const [m] = await tx
      .insert(projectMeetings)
      .values({
        projectId: p.id,
        title: input.title,
        heldAt: new Date(input.heldAt),
        location: input.location ?? null,
        agenda: input.agenda ?? null,
        minutes: input.minutes ?? null,
        participantIds,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: projectMeetings.id });
    if (!m) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'project.meeting_create',
      entityType: 'project_meeting',
      entityId: m.id,
      changes: { title: { before: null, after: input.title } },
    });
    await projectTimeline(tx, ctx, p, 'project.meeting', projectsMessages.message('timeline.meeting_created', { title: input.title }), {
      entityType: 'project_meeting',
      entityId: m.id,
      summary: input.agenda?.slice(0, 200) ?? null,
    });
    return m.id;
  });
}

async function loadMeeting(db: Db, ctx: Ctx, meetingId: string, lock: boolean) {
  const q = db.select().from(projectMeetings).where(eq(projectMeetings.id, meetingId)).limit(1);
  const [m] = lock ? await q.for('update') : await q;
  if (!m) throw new AppError('not_found');
  const p = await loadVisible(db, projects, m.projectId, await projectVisibility(db, ctx.actor, 'project.update'));
  return { m, p };
}

/** Edits the agenda, minutes or participants of a meeting. */
export async function updateMeeting(ctx: Ctx, meetingId: string, input: Partial<MeetingInput> & { version: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { m, p } = await loadMeeting(tx, ctx, meetingId, true);
    checkVersion(m, input.version);
    const { version: _v, heldAt, participantIds, ...rest } = input;
    const set: Partial<typeof projectMeetings.$inferInsert> = { ...rest };
    if (heldAt !== undefined) set.heldAt = new Date(heldAt);
    if (participantIds !== undefined) set.participantIds = await checkParticipants(tx, ctx, participantIds);
    const changes = diffFields(m as unknown as Record<string, unknown>, set as Record<string, unknown>);
    if (!changes) return;
    await tx
      .update(projectMeetings)
      .set({ ...set, version: m.version + 1, updatedAt: ctx.now })
      .where(eq(projectMeetings.id, m.id));
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'project.meeting_update', entityType: 'project_meeting', entityId: m.id, changes });
    await projectTimeline(
      tx,
      ctx,
      p,
      'project.meeting',
      projectsMessages.message('timeline.meeting_updated', { title: input.title ?? m.title }),
      { entityType: 'project_meeting', entityId: m.id },
    );
  });
}

export interface TaskInput {
  title: string;
  description?: string | null | undefined;
  ownerUserId: string;
  dueDate: string;
}

/** An action item of a meeting: a task for its owner with a deadline at 18:00 of the due date. */
export async function createMeetingTask(ctx: Ctx, meetingId: string, input: TaskInput): Promise<string> {
  if (input.dueDate < shanghaiDate(ctx.now))
    throw fieldErrors(ctx.actor.locale, { dueDate: { zh: '截止日期不能早于今天', en: 'The due date cannot be in the past' } });
  return ctx.db.transaction(async (tx) => {
    const { m, p } = await loadMeeting(tx, ctx, meetingId, false);
    const [owner] = await tx
      .select({ id: users.id, active: users.active, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, input.ownerUserId))
      .limit(1);
    if (!owner?.active) throw fieldErrors(ctx.actor.locale, { ownerUserId: { zh: '用户不存在或已停用', en: 'unknown or inactive user' } });
    const [t] = await tx
      .insert(tasks)
      .values({
        projectId: p.id,
        meetingId: m.id,
        source: 'meeting',
        title: input.title,
        description: input.description ?? null,
        ownerUserId: owner.id,
        dueDate: input.dueDate,
        state: 'open',
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: tasks.id });
    if (!t) throw new AppError('internal');
    await startDeadline(tx, ctx.now, {
      ...taskKey(t.id),
      policyCode: POLICIES.taskDue,
      ownerUserId: owner.id,
      startedAt: shanghaiInstant(input.dueDate, 18 * 60),
      title: `${input.title}（${p.code}）`,
      link: `/tasks`,
    });
    await refreshNextDeadline(tx, [p.id]);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'task.create',
      entityType: 'task',
      entityId: t.id,
      changes: {
        title: { before: null, after: input.title },
        ownerUserId: { before: null, after: owner.id },
        dueDate: { before: null, after: input.dueDate },
      },
    });
    await projectTimeline(
      tx,
      ctx,
      p,
      'project.task',
      projectsMessages.message('timeline.task_created', { title: input.title, owner: owner.displayName, due: input.dueDate }),
      { entityType: 'task', entityId: t.id },
    );
    if (owner.id !== ctx.actor.userId) {
      await notify(tx, ctx.now, {
        event: taskAssignedEvent,
        recipientUserIds: [owner.id],
        params: {
          title: input.title,
          meeting: m.title,
          due: input.dueDate,
          project: `${p.code} ${p.name}`,
          actor: ctx.actor.displayName ?? '',
        },
        subject: { type: 'task', id: t.id },
        link: '/tasks',
      });
    }
    return t.id;
  });
}

/** The owner (or whoever set it, or someone who edits the project) marks a task done; its deadline is met. */
export async function completeTask(ctx: Ctx, taskId: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).limit(1).for('update');
    if (!t) throw new AppError('not_found');
    const me = ctx.actor.userId;
    let allowed = t.ownerUserId === me || t.createdBy === me;
    let project = null;
    if (t.projectId && hasPermission(ctx.actor, 'project.update')) {
      project = await loadVisible(tx, projects, t.projectId, await projectVisibility(tx, ctx.actor, 'project.update')).catch(() => null);
      allowed ||= !!project;
    }
    if (!allowed) throw new AppError('not_found');
    checkVersion(t, version);
    if (t.state !== 'open')
      throw stateConflict(ctx.actor.locale, { zh: '任务已完成或已取消', en: 'the task is already done or cancelled' });
    await tx
      .update(tasks)
      .set({ state: 'done', doneAt: ctx.now, version: t.version + 1, updatedAt: ctx.now })
      .where(eq(tasks.id, t.id));
    await completeDeadline(tx, ctx.now, taskKey(t.id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'task.done',
      entityType: 'task',
      entityId: t.id,
      changes: { state: { before: t.state, after: 'done' } },
    });
    if (t.projectId) {
      await refreshNextDeadline(tx, [t.projectId]);
      const p = project ?? { id: t.projectId, customerId: await customerOf(tx, t.projectId) };
      if (p.customerId)
        await projectTimeline(tx, ctx, p, 'project.task', projectsMessages.message('timeline.task_done', { title: t.title }), {
          entityType: 'task',
          entityId: t.id,
        });
    }
  });
}

async function customerOf(db: Db, projectId: string): Promise<string> {
  const [r] = await db.select({ c: projects.customerId }).from(projects).where(eq(projects.id, projectId)).limit(1);
  return r?.c ?? '';
}
