import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { PROJECT_ROLE_LABELS, roleNeedsRegistration, type ProjectRole } from '../../../../core/projects/rules.ts';
import { completeDeadline } from '../../../deadlines/deadlines.ts';
import type { Label } from '../../../../core/kernel/label.ts';
import { projectMembers, projects, users } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { notify } from '../../../notifications/notify.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { auditProject, notifyKeyEvent, projectTimeline, writeProject } from '../project-changes.ts';
import { projectsMessages } from '../projects.messages.ts';
import { assignPresalesKey, refreshNextDeadline } from '../project-deadlines.ts';
import { projectAssignedEvent } from '../project-events.ts';
import type { ProjectRow } from '../project-row.ts';

/**
 * The project team: members with project roles, the project manager, the monitor (监控人) and
 * the presales lead. Seed 002 binds it: presales engineers and solution staff — and the
 * presales lead — join only once the registration (立项) is approved, by someone allowed to
 * assign presales staff; the server refuses otherwise with `project_not_registered`.
 */

async function activeUser(db: Db, ctx: Ctx, userId: string, field: string): Promise<{ id: string; displayName: string }> {
  const [u] = await db
    .select({ id: users.id, displayName: users.displayName, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!u?.active) throw fieldErrors(ctx.actor.locale, { [field]: { zh: '用户不存在或已停用', en: 'unknown or inactive user' } });
  return u;
}

function assertNotClosed(ctx: Ctx, p: ProjectRow): void {
  if (p.stage === 'closed') throw stateConflict(ctx.actor.locale, { zh: '项目已关闭', en: 'the project is closed' });
}

async function tellAssigned(db: Db, ctx: Ctx, p: ProjectRow, userId: string, role: Label): Promise<void> {
  if (userId === ctx.actor.userId) return;
  await notify(db, ctx.now, {
    event: projectAssignedEvent,
    recipientUserIds: [userId],
    params: { code: p.code, name: p.name, role: role.zh, roleEn: role.en, actor: ctx.actor.displayName ?? '' },
    subject: { type: 'project', id: p.id },
    link: `/projects/${p.id}`,
  });
}

/** Adds a member with a project role; presales roles need the approved registration and `project.assign`. */
export async function addProjectMember(ctx: Ctx, id: string, userId: string, role: ProjectRole): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    assertNotClosed(ctx, p);
    if (roleNeedsRegistration(role)) {
      if (p.registrationState !== 'approved') throw new AppError('project_not_registered', {}, { registrationState: p.registrationState });
      requirePermission(ctx.actor, 'project.assign');
    }
    const u = await activeUser(tx, ctx, userId, 'userId');
    const inserted = await tx
      .insert(projectMembers)
      .values({ projectId: p.id, userId, projectRole: role, addedBy: ctx.actor.userId, addedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ u: projectMembers.userId });
    if (!inserted[0])
      throw new AppError('conflict_duplicate', { field: ctx.actor.locale === 'en' ? 'This member with this role' : '该成员及角色' });
    const label = PROJECT_ROLE_LABELS[role];
    await auditProject(tx, ctx, p.id, 'project.member_add', { member: { before: null, after: `${userId}:${role}` } });
    await projectTimeline(
      tx,
      ctx,
      p,
      'project.team',
      projectsMessages.message('timeline.member_added', { user: u.displayName, role: label }),
      { data: { userId, role } },
    );
    await tellAssigned(tx, ctx, p, userId, label);
  });
}

/** Removes one member role. */
export async function removeProjectMember(ctx: Ctx, id: string, userId: string, role: ProjectRole): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    assertNotClosed(ctx, p);
    if (roleNeedsRegistration(role)) requirePermission(ctx.actor, 'project.assign');
    const removed = await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, p.id), eq(projectMembers.userId, userId), eq(projectMembers.projectRole, role)))
      .returning({ u: projectMembers.userId });
    if (!removed[0]) throw new AppError('not_found');
    const [u] = await tx.select({ n: users.displayName }).from(users).where(eq(users.id, userId)).limit(1);
    await auditProject(tx, ctx, p.id, 'project.member_remove', { member: { before: `${userId}:${role}`, after: null } });
    await projectTimeline(
      tx,
      ctx,
      p,
      'project.team',
      projectsMessages.message('timeline.member_removed', { user: u?.n ?? '', role: PROJECT_ROLE_LABELS[role] }),
      { data: { userId, role } },
    );
  });
}

type Person = 'managerUserId' | 'monitorUserId';
const PERSON_LABEL: Record<Person, Label> = {
  managerUserId: { zh: '项目经理', en: 'project manager' },
  monitorUserId: { zh: '项目监控人', en: 'project monitor' },
};

/** The timeline title of setting or clearing the project manager or the monitor. */
function personTitle(field: Person, user: string | null) {
  if (field === 'managerUserId')
    return user === null
      ? projectsMessages.message('timeline.manager_cleared')
      : projectsMessages.message('timeline.manager_set', { user });
  return user === null ? projectsMessages.message('timeline.monitor_cleared') : projectsMessages.message('timeline.monitor_set', { user });
}

/** Sets (or clears) the project manager or the monitor. */
export async function setProjectPerson(ctx: Ctx, id: string, field: Person, version: number, userId: string | null): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, version);
    assertNotClosed(ctx, p);
    if (p[field] === userId) return;
    const label = PERSON_LABEL[field];
    const u = userId ? await activeUser(tx, ctx, userId, 'userId') : null;
    const row = await writeProject(tx, ctx, p, { [field]: userId });
    await auditProject(tx, ctx, p.id, field === 'managerUserId' ? 'project.manager' : 'project.monitor', {
      [field]: { before: p[field], after: userId },
    });
    await projectTimeline(tx, ctx, p, 'project.team', personTitle(field, u?.displayName ?? null), { data: { field, userId } });
    if (u) {
      await tellAssigned(tx, ctx, row, u.id, label);
      if (field === 'monitorUserId')
        await notifyKeyEvent(
          tx,
          ctx,
          row,
          { zh: `设置项目监控人为 ${u.displayName}`, en: `has a new monitor: ${u.displayName}` },
          { alsoOwner: false },
        );
    }
  });
}

/**
 * The presales manager assigns the presales lead (售前负责人) after the registration is
 * approved; it meets the 1-working-day deadline started by the approval.
 */
export async function assignPresalesLead(ctx: Ctx, id: string, version: number, userId: string): Promise<void> {
  requirePermission(ctx.actor, 'project.assign');
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.assign'), { lock: true });
    assertNotClosed(ctx, p);
    if (p.registrationState !== 'approved') throw new AppError('project_not_registered', {}, { registrationState: p.registrationState });
    checkVersion(p, version);
    const u = await activeUser(tx, ctx, userId, 'userId');
    if (p.presalesLeadId === userId) return;
    const row = await writeProject(tx, ctx, p, { presalesLeadId: userId });
    await completeDeadline(tx, ctx.now, assignPresalesKey(p.id));
    await refreshNextDeadline(tx, [p.id]);
    await auditProject(tx, ctx, p.id, 'project.presales_lead', { presalesLeadId: { before: p.presalesLeadId, after: userId } });
    await projectTimeline(tx, ctx, p, 'project.team', projectsMessages.message('timeline.presales_lead', { user: u.displayName }), {
      data: { userId },
    });
    await tellAssigned(tx, ctx, row, userId, { zh: '售前负责人', en: 'presales lead' });
    await notifyKeyEvent(tx, ctx, row, { zh: `售前负责人已指派：${u.displayName}`, en: `has a presales lead: ${u.displayName}` });
  });
}
