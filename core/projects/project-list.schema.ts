import { z } from 'zod';
import { pageOf, PageQuery, sortParam, Timestamp } from '../schemas/common.schema.ts';
import { IsoDate } from '../calendar/calendar.schema.ts';
import { PROJECT_STATUSES } from './rules.ts';
import { MAX_FEN, Text, Uuid } from './project-fields.schema.ts';

/** API schemas of the project lists: the filters shared by the table and the kanban, the table's page, the kanban's columns. */

// ---------- list ----------
export const PROJECT_SORT_FIELDS = ['updatedAt', 'amount', 'expectedSignDate', 'name', 'stageEnteredAt'] as const;

/** Filters shared by the table, the kanban and the kanban's per-column pages. */
export const ProjectFilterQuery = z.object({
  q: Text(100).optional(),
  stage: Text(40).optional(),
  /** open | won | lost | abandoned | failed_tender | no_go, or closed (the closed stage) */
  status: z.enum([...PROJECT_STATUSES, 'closed']).optional(),
  ownerUserId: Uuid.optional(),
  departmentId: Uuid.optional(),
  customerId: Uuid.optional(),
  amountMin: z.coerce.number().int().min(0).max(MAX_FEN).optional(),
  amountMax: z.coerce.number().int().min(0).max(MAX_FEN).optional(),
  signFrom: IsoDate.optional(),
  signTo: IsoDate.optional(),
  /** only projects I own or am on the team of */
  mine: z.enum(['true', 'false']).optional(),
});
export type ProjectFilter = z.infer<typeof ProjectFilterQuery>;

export const ProjectListQuery = PageQuery.extend(ProjectFilterQuery.shape).extend({
  sort: sortParam(PROJECT_SORT_FIELDS, '-updatedAt'),
});

export const ProjectListItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  stage: z.string(),
  stageEnteredAt: Timestamp,
  status: z.string(),
  amountFen: z.number().int().nullable(),
  expectedSignDate: z.string().nullable(),
  winProbability: z.number().int().nullable(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  managerName: z.string().nullable(),
  presalesLeadName: z.string().nullable(),
  projectLevel: z.string().nullable(),
  deliveryMode: z.string().nullable(),
  bigProject: z.boolean(),
  goDecision: z.string().nullable(),
  registrationState: z.string(),
  nextDeadlineAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  version: z.number().int(),
});
export const ProjectPage = pageOf(ProjectListItem);

// ---------- kanban ----------
export const KanbanQuery = ProjectFilterQuery.extend({
  cards: z.coerce.number().int().min(1).max(50).default(20),
});
export const KanbanCard = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  customerName: z.string(),
  amountFen: z.number().int().nullable(),
  ownerName: z.string(),
  status: z.string(),
  expectedSignDate: z.string().nullable(),
  nextDeadlineAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export const KanbanColumn = z.object({
  stage: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  count: z.number().int(),
  /** sum of the amounts in fen (projects without an amount count as 0) */
  sumFen: z.number().int(),
  cards: z.array(KanbanCard),
});
export const KanbanView = z.object({ columns: z.array(KanbanColumn) });
export const KanbanStageQuery = ProjectFilterQuery.extend(PageQuery.shape);
export const KanbanStagePage = pageOf(KanbanCard);
