import { z } from 'zod';
import { Timestamp } from '../schemas/common.schema.ts';
import { NotificationView } from '../notifications/notifications.schema.ts';
import { ApprovalListItem, ApprovalCounts } from '../approvals/approvals.schema.ts';
import { DeadlineView } from '../deadlines/deadlines.schema.ts';
import { TaskView } from '../projects/meetings.schema.ts';
import { NextStepView } from '../projects/stages.schema.ts';

/** API schema of the workspace (工作台): what the signed-in user has to do now. */

export const WorkspaceProject = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  customerName: z.string(),
  stage: z.string(),
  status: z.string(),
  amountFen: z.number().int().nullable(),
  myRoles: z.array(z.string()),
  nextStep: NextStepView,
  updatedAt: Timestamp,
});
export const WorkspaceView = z.object({
  tasks: z.object({ items: z.array(TaskView), total: z.number().int() }),
  approvals: z.object({ counts: ApprovalCounts, items: z.array(ApprovalListItem) }),
  deadlines: z.object({
    overdue: z.array(DeadlineView),
    dueSoon: z.array(DeadlineView),
    overdueTotal: z.number().int(),
    dueSoonTotal: z.number().int(),
  }),
  projects: z.object({ items: z.array(WorkspaceProject), total: z.number().int() }),
  notifications: z.object({ items: z.array(NotificationView), unread: z.number().int() }),
  /** managers with a department-wide deadline scope: their team's overdue deadlines */
  team: z.object({ overdue: z.array(DeadlineView), overdueTotal: z.number().int() }).nullable(),
});
