import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { DeadlinePolicyDef } from '../../deadlines/deadlines.ts';

/**
 * The deadlines of presales projects: the policies (registration approval and assigning the
 * presales lead, 1 working day each; a meeting's action items at their own due date), the keys
 * the commands start and stop them by, and the kanban's next-deadline column.
 */

export const POLICIES = {
  registrationApprove: 'project.registration_approve',
  assignPresales: 'project.assign_presales',
  taskDue: 'task.due',
} as const;

/** The deadline of assigning the presales lead once the registration is approved. */
export const assignPresalesKey = (projectId: string) => ({ subjectType: 'project', subjectId: projectId, step: 'assign_presales' });

/** The deadline of a meeting's action item. */
export const taskKey = (taskId: string) => ({ subjectType: 'task', subjectId: taskId, step: 'due' });

/** Seeded at every start (an administrator's edits win). */
export const PROJECT_DEADLINE_POLICIES: readonly DeadlinePolicyDef[] = [
  {
    code: POLICIES.registrationApprove,
    nameZh: '项目登记（立项）审批',
    nameEn: 'Project registration approval',
    kind: 'working_days',
    amount: 1,
    remindBefore: [{ amount: 2, unit: 'working_hours' }],
  },
  {
    code: POLICIES.assignPresales,
    nameZh: '指派售前负责人',
    nameEn: 'Assign the presales lead',
    kind: 'working_days',
    amount: 1,
    remindBefore: [{ amount: 2, unit: 'working_hours' }],
  },
  // Action items carry their own due date: the deadline starts at that date's close of business (0 days).
  {
    code: POLICIES.taskDue,
    nameZh: '待办任务（会议行动项）',
    nameEn: 'Task (meeting action item)',
    kind: 'calendar_days',
    amount: 0,
  },
];

/**
 * Recomputes `projects.next_deadline_at`: the earliest open deadline of the project itself, of
 * its open tasks and of the approval tasks of its requests. Derived data: the version stays.
 */
export async function refreshNextDeadline(tx: Db, projectIds: readonly string[]): Promise<void> {
  if (projectIds.length === 0) return;
  const ids = sql.join(
    [...new Set(projectIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE projects p SET next_deadline_at = (${nextDeadlineSql(sql`p.id`)})
    WHERE p.id IN (${ids})`);
}

/** SQL for the earliest open deadline of the project whose id is `idCol`. */
export function nextDeadlineSql(idCol: SQL): SQL {
  return sql`SELECT min(d.due_at) FROM deadlines d
    WHERE d.state IN ('running', 'paused', 'breached') AND (
      (d.subject_type = 'project' AND d.subject_id = (${idCol})::text)
      OR (d.subject_type = 'task' AND d.subject_id IN (SELECT t.id::text FROM tasks t WHERE t.project_id = ${idCol} AND t.state = 'open'))
      OR (d.subject_type = 'approval_task' AND d.subject_id IN (
        SELECT at.id::text FROM approval_tasks at JOIN approval_requests ar ON ar.id = at.request_id
        WHERE ar.subject_type = 'project' AND ar.subject_id = (${idCol})::text AND at.status = 'pending')))`;
}
