import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { nextRequiredStep } from '../../../../core/projects/stage-gate.ts';
import type { WorkspaceProject, WorkspaceView } from '../../../../core/workspace/workspace.schema.ts';
import type { Db } from '../../../db/client.ts';
import { customers, projectMembers, projects, projectSummaries } from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { gateProjectOf } from '../../projects/project-row.ts';
import { loadStageConfig } from '../../projects/project-stage-config.ts';
import { approvalCounts, listApprovals } from '../../approvals/queries/approvals.ts';
import { listOpenDeadlines } from '../../deadlines/queries/deadlines.ts';
import { myTasks } from '../../projects/queries/project-meetings.ts';
import { listInbox } from '../../notifications/queries/notifications.ts';
import { projectConditions } from '../../projects/queries/project-list.ts';

/**
 * The workspace (工作台), the page everyone lands on: my tasks, approvals waiting for me, my
 * deadlines overdue and due soon, my open projects with their next required step, recent
 * notifications; a manager (department-wide deadline scope) also sees the team's overdue items.
 */

const LIMIT = 8;

async function myProjects(db: Db, actor: Actor): Promise<{ items: Array<z.infer<typeof WorkspaceProject>>; total: number }> {
  if (!hasPermission(actor, 'project.read') || !actor.userId) return { items: [], total: 0 };
  const me = actor.userId;
  const where = and(...(await projectConditions(db, actor, { mine: 'true' })), ne(projects.stage, 'closed'));
  const rows = await db
    .select({ p: projects, customerName: customers.name })
    .from(projects)
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .where(where)
    .orderBy(desc(projects.updatedAt))
    .limit(LIMIT);
  const ids = rows.map((r) => r.p.id);
  const summaries = ids.length
    ? await db.select({ id: projectSummaries.projectId }).from(projectSummaries).where(inArray(projectSummaries.projectId, ids))
    : [];
  const memberRoles = ids.length
    ? await db
        .select({ projectId: projectMembers.projectId, role: projectMembers.projectRole })
        .from(projectMembers)
        .where(and(inArray(projectMembers.projectId, ids), eq(projectMembers.userId, me)))
    : [];
  const { config } = await loadStageConfig(db);
  const items = rows.map(({ p, customerName }) => {
    const roles: string[] = [];
    if (p.ownerUserId === me) roles.push('owner');
    if (p.managerUserId === me) roles.push('project_manager');
    if (p.presalesLeadId === me) roles.push('presales_lead');
    if (p.monitorUserId === me) roles.push('monitor');
    for (const m of memberRoles) if (m.projectId === p.id && !roles.includes(m.role)) roles.push(m.role);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      customerName,
      stage: p.stage,
      status: p.status,
      amountFen: p.amountFen,
      myRoles: roles,
      nextStep: nextRequiredStep(gateProjectOf(p), config, { hasSummary: summaries.some((s) => s.id === p.id) }),
      updatedAt: p.updatedAt.toISOString(),
    };
  });
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** Everything on the workspace, for the signed-in user. */
export async function workspaceView(db: Db, actor: Actor, now: Date): Promise<z.infer<typeof WorkspaceView>> {
  const me = actor.userId ?? '00000000-0000-0000-0000-000000000000';
  const tasks = await myTasks(db, actor, now, { state: 'open', page: 1, pageSize: LIMIT });
  const counts = await approvalCounts(db, actor);
  const waiting = await listApprovals(db, actor, { box: 'waiting', page: 1, pageSize: 5 });
  const base = { page: 1, pageSize: LIMIT, ownerUserId: me, sort: 'dueAt' } as const;
  const overdue = await listOpenDeadlines(db, actor, 'own', now, { ...base, filter: 'overdue' });
  const dueSoon = await listOpenDeadlines(db, actor, 'own', now, { ...base, filter: 'due_soon' });
  const projectsView = await myProjects(db, actor);
  const inbox = await listInbox(db, me, actor.locale, { page: 1, pageSize: 5 });
  const scope = actor.grants.get('deadline.read');
  let team: z.infer<typeof WorkspaceView>['team'] = null;
  if (scope && scope !== 'own') {
    const t = await listOpenDeadlines(db, actor, scope, now, { page: 1, pageSize: LIMIT, filter: 'overdue', sort: 'dueAt' });
    team = { overdue: t.items, overdueTotal: t.total };
  }
  return {
    tasks: { items: tasks.items, total: tasks.total },
    approvals: { counts, items: waiting.items },
    deadlines: { overdue: overdue.items, dueSoon: dueSoon.items, overdueTotal: overdue.total, dueSoonTotal: dueSoon.total },
    projects: projectsView,
    notifications: { items: inbox.items, unread: inbox.unread },
    team,
  };
}
