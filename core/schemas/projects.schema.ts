import { z } from 'zod';
import { pageOf, PageQuery, sortParam, Timestamp } from './common.schema.ts';
import { IsoDate } from './calendar.schema.ts';
import {
  DELIVERY_MODES, OUTCOME_REASONS, OUTCOMES, PROJECT_LEVELS, PROJECT_ROLES, PROJECT_STATUSES,
} from '../projects/rules.ts';
import { GATE_APPROVALS, GATE_FIELDS, STAGE_KINDS } from '../projects/stages.ts';
import { NotificationView } from './notifications.schema.ts';
import { ApprovalListItem, ApprovalCounts } from './approvals.schema.ts';
import { DeadlineView } from './deadlines.schema.ts';

/**
 * API schemas of presales projects (商机 / 项目): list, kanban, detail, the analysis and
 * registration form, go/no-go and registration approvals, team, stages, outcome, summary,
 * analysis meetings with action items (tasks), saved views, the workspace and the weekly
 * tracking table. Money is integer fen; dates are YYYY-MM-DD; instants ISO 8601.
 */

/** ¥100 billion a project: far above any deal; sums stay exact (below 2^53) for 900 such projects and never overflow bigint. */
export const MAX_FEN = 10_000_000_000_000;
export const Fen = z.number().int().min(0).max(MAX_FEN);
/** Control characters other than tab and line breaks are dropped (PostgreSQL refuses a NUL in text and jsonb). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const Text = (max: number) => z.string().overwrite((s) => s.replace(CONTROL_CHARS, '')).trim().max(max);
const OptText = (max: number) => Text(max).nullable().optional();
const Uuid = z.string().uuid();

export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);
export const OutcomeSchema = z.enum(OUTCOMES);
export const OutcomeReasonSchema = z.enum(OUTCOME_REASONS);
export const ProjectRoleSchema = z.enum(PROJECT_ROLES);
export const ProjectLevelSchema = z.enum(PROJECT_LEVELS);
export const DeliveryModeSchema = z.enum(DELIVERY_MODES);

// ---------- stage configuration ----------
const StageCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
export const StageDefSchema = z.object({
  code: StageCode,
  nameZh: Text(20).min(1),
  nameEn: Text(40).min(1),
  order: z.number().int().min(0).max(10_000),
  kind: z.enum(STAGE_KINDS),
  outcome: OutcomeSchema.nullable(),
  terminal: z.boolean(),
  next: z.array(StageCode).max(30),
  requires: z.object({
    fields: z.array(z.enum(GATE_FIELDS)).max(GATE_FIELDS.length),
    approvals: z.array(z.enum(GATE_APPROVALS)).max(GATE_APPROVALS.length),
    summary: z.boolean(),
  }),
});
export const StageConfigSchema = z.object({
  stages: z.array(StageDefSchema).min(3).max(30),
  shareFloorPct: z.number().min(0).max(100),
});
export const StageConfigView = StageConfigSchema.extend({
  /** 0 while the defaults apply (nothing stored yet) */
  version: z.number().int(),
  isDefault: z.boolean(),
});
export const SaveStageConfigBody = StageConfigSchema.extend({ version: z.number().int().min(0) });

// ---------- gate ----------
export const GateReasonView = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  field: z.string().optional(),
  approval: z.string().optional(),
});
export const TransitionView = z.object({
  stage: z.string(),
  allowed: z.boolean(),
  reasons: z.array(GateReasonView),
});
export const NextStepView = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  targetStage: z.string().nullable(),
  blockedBy: z.array(GateReasonView),
});

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

// ---------- create / edit ----------
const AnalysisFields = {
  name: Text(200).min(1),
  amountFen: Fen.nullable(),
  budgetFen: Fen.nullable(),
  expectedSignDate: IsoDate.nullable(),
  winProbability: z.number().int().min(0).max(100).nullable(),
  decisionProcess: OptText(2000),
  funding: OptText(2000),
  credit: OptText(2000),
  competitors: OptText(2000),
  strengths: OptText(2000),
  risks: OptText(2000),
  analysisNotes: OptText(5000),
};

export const CreateProjectBody = z.object({
  name: AnalysisFields.name,
  /** from an evaluated lead (the lead is marked converted) … */
  leadId: Uuid.optional(),
  /** … or directly for a customer */
  customerId: Uuid.optional(),
  amountFen: Fen.nullable().optional(),
  budgetFen: Fen.nullable().optional(),
  expectedSignDate: IsoDate.nullable().optional(),
  winProbability: z.number().int().min(0).max(100).nullable().optional(),
  decisionProcess: OptText(2000),
  funding: OptText(2000),
  credit: OptText(2000),
  competitors: OptText(2000),
  strengths: OptText(2000),
  risks: OptText(2000),
  analysisNotes: OptText(5000),
  ownerUserId: Uuid.optional(),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = z.object({
  version: z.number().int().min(1),
  name: AnalysisFields.name.optional(),
  amountFen: Fen.nullable().optional(),
  budgetFen: Fen.nullable().optional(),
  expectedSignDate: IsoDate.nullable().optional(),
  winProbability: z.number().int().min(0).max(100).nullable().optional(),
  decisionProcess: OptText(2000),
  funding: OptText(2000),
  credit: OptText(2000),
  competitors: OptText(2000),
  strengths: OptText(2000),
  risks: OptText(2000),
  analysisNotes: OptText(5000),
  // registration form (项目登记表)
  projectLevel: ProjectLevelSchema.nullable().optional(),
  deliveryMode: DeliveryModeSchema.nullable().optional(),
  personMonths: z.number().min(0).max(99_999).multipleOf(0.1).nullable().optional(),
  partnerId: Uuid.nullable().optional(),
  companySharePct: z.number().min(0).max(100).multipleOf(0.01).nullable().optional(),
});
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

export const VersionedBody = z.object({ version: z.number().int().min(1) });
export const ReasonBody = VersionedBody.extend({ reason: Text(2000).min(1) });
export const PersonBody = VersionedBody.extend({ userId: Uuid.nullable() });
export const PresalesLeadBody = VersionedBody.extend({ userId: Uuid });
export const StageBody = VersionedBody.extend({ stage: Text(40).min(1), note: OptText(1000) });
export const OutcomeBody = VersionedBody.extend({
  outcome: OutcomeSchema,
  reason: OutcomeReasonSchema.nullable().optional(),
  winningCompetitor: OptText(200),
  winningPriceFen: Fen.nullable().optional(),
  note: OptText(2000),
});
export type OutcomeBody = z.infer<typeof OutcomeBody>;
export const CloseBody = VersionedBody.extend({ note: OptText(1000) });

export const SummaryBody = z.object({
  /** the summary's version; 0 when writing the first one */
  version: z.number().int().min(0),
  overview: Text(10_000).min(1),
  whatWorked: OptText(10_000),
  whatToImprove: OptText(10_000),
  lessons: OptText(10_000),
});
export const SummaryView = z.object({
  overview: z.string(),
  whatWorked: z.string().nullable(),
  whatToImprove: z.string().nullable(),
  lessons: z.string().nullable(),
  authorName: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  version: z.number().int(),
});

// ---------- team ----------
export const MemberBody = z.object({ userId: Uuid, projectRole: ProjectRoleSchema });
export const MemberQuery = MemberBody;
export const MemberView = z.object({
  userId: z.string(),
  displayName: z.string(),
  departmentName: z.string().nullable(),
  projectRole: z.string(),
  addedAt: Timestamp,
});
export const TeamView = z.object({
  ownerUserId: z.string(),
  ownerName: z.string(),
  managerUserId: z.string().nullable(),
  managerName: z.string().nullable(),
  presalesLeadId: z.string().nullable(),
  presalesLeadName: z.string().nullable(),
  monitorUserId: z.string().nullable(),
  monitorName: z.string().nullable(),
  members: z.array(MemberView),
});

// ---------- detail ----------
export const ProjectApprovalView = z.object({
  requestId: z.string(),
  processCode: z.string(),
  processLabel: z.string(),
  state: z.string(),
  submittedAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  requesterName: z.string(),
});
export const StagePathItem = z.object({
  stage: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** done | skipped (passed over without entering it) | current | upcoming */
  state: z.enum(['done', 'skipped', 'current', 'upcoming']),
  enteredAt: Timestamp.nullable(),
});

export const ProjectDetail = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  leadId: z.string().nullable(),
  stage: z.string(),
  stageEnteredAt: Timestamp,
  status: z.string(),
  amountFen: z.number().int().nullable(),
  budgetFen: z.number().int().nullable(),
  expectedSignDate: z.string().nullable(),
  winProbability: z.number().int().nullable(),
  decisionProcess: z.string().nullable(),
  funding: z.string().nullable(),
  credit: z.string().nullable(),
  competitors: z.string().nullable(),
  strengths: z.string().nullable(),
  risks: z.string().nullable(),
  analysisNotes: z.string().nullable(),
  goDecision: z.string().nullable(),
  noGoReason: z.string().nullable(),
  projectLevel: z.string().nullable(),
  deliveryMode: z.string().nullable(),
  personMonths: z.number().nullable(),
  bigProject: z.boolean(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  companySharePct: z.number().nullable(),
  shareException: z.string(),
  registrationState: z.string(),
  registeredAt: Timestamp.nullable(),
  specialHandling: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  winningCompetitor: z.string().nullable(),
  winningPriceFen: z.number().int().nullable(),
  outcomeAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  nextDeadlineAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
  team: TeamView,
  stagePath: z.array(StagePathItem),
  transitions: z.array(TransitionView),
  nextStep: NextStepView,
  hasSummary: z.boolean(),
  shareFloorPct: z.number(),
  flags: z.object({
    bigProject: z.boolean(),
    cooperative: z.boolean(),
    shareBelowFloor: z.boolean(),
    registered: z.boolean(),
    closed: z.boolean(),
  }),
  approvals: z.array(ProjectApprovalView),
  /** what the reader may do (the server checks again) */
  can: z.object({
    update: z.boolean(),
    assign: z.boolean(),
    register: z.boolean(),
    writeSummary: z.boolean(),
  }),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const CreatedProject = z.object({ id: z.string(), code: z.string() });

// ---------- timeline / history ----------
export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  beforeAt: z.iso.datetime({ offset: true }).optional(),
  beforeId: z.coerce.number().int().min(1).optional(),
});
export const TimelineEntryView = z.object({
  id: z.number().int(),
  at: Timestamp,
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorName: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
});
export const StageHistoryView = z.object({
  id: z.number().int(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  at: Timestamp,
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});

export const ProjectDeadlineView = z.object({
  id: z.string(),
  policyName: z.string(),
  title: z.string().nullable(),
  ownerName: z.string(),
  /** running | paused | breached | met | cancelled */
  state: z.string(),
  dueAt: Timestamp,
  completedAt: Timestamp.nullable(),
  overdue: z.boolean(),
  link: z.string().nullable(),
});

// ---------- meetings and tasks ----------
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

// ---------- saved views ----------
export const SAVED_VIEW_LISTS = ['projects', 'projects_kanban'] as const;
export const SavedViewQuery = z.object({ list: z.enum(SAVED_VIEW_LISTS) });
export const SavedViewBody = z.object({
  list: z.enum(SAVED_VIEW_LISTS),
  name: Text(60).min(1),
  /** the list's filters and sort, as the list page keeps them (string values) */
  state: z.record(Text(40).min(1), Text(200)).refine((r) => Object.keys(r).length <= 30),
});
export const SavedViewView = z.object({
  id: z.string(),
  list: z.string(),
  name: z.string(),
  state: z.record(z.string(), z.string()),
  createdAt: Timestamp,
});

// ---------- workspace ----------
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
  deadlines: z.object({ overdue: z.array(DeadlineView), dueSoon: z.array(DeadlineView), overdueTotal: z.number().int(), dueSoonTotal: z.number().int() }),
  projects: z.object({ items: z.array(WorkspaceProject), total: z.number().int() }),
  notifications: z.object({ items: z.array(NotificationView), unread: z.number().int() }),
  /** managers with a department-wide deadline scope: their team's overdue deadlines */
  team: z.object({ overdue: z.array(DeadlineView), overdueTotal: z.number().int() }).nullable(),
});

// ---------- weekly tracking (项目跟踪表) ----------
export const TrackingQuery = PageQuery.extend({
  week: IsoDate.optional(),
  ownerUserId: Uuid.optional(),
  missing: z.enum(['true', 'false']).optional(),
});
export const TrackingExportQuery = z.object({ week: IsoDate.optional(), ownerUserId: Uuid.optional() });
export const TrackingRowView = z.object({
  id: z.string(),
  weekStart: z.string(),
  projectId: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  customerName: z.string(),
  amountFen: z.number().int().nullable(),
  stage: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  departmentName: z.string().nullable(),
  progress: z.string().nullable(),
  nextSteps: z.string().nullable(),
  issues: z.string().nullable(),
  supervisorComment: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  version: z.number().int(),
  /** whether the reader may fill progress / the supervisor comment */
  canEdit: z.boolean(),
  canComment: z.boolean(),
});
export const TrackingPage = pageOf(TrackingRowView).extend({ weekStart: z.string() });
export const UpdateTrackingBody = z.object({
  version: z.number().int().min(1),
  progress: OptText(5000),
  nextSteps: OptText(5000),
  issues: OptText(5000),
  supervisorComment: OptText(2000),
});
export const MissingTrackingView = z.object({
  weekStart: z.string(),
  owners: z.array(z.object({
    ownerUserId: z.string(),
    ownerName: z.string(),
    departmentName: z.string().nullable(),
    total: z.number().int(),
    missing: z.number().int(),
  })),
  totalMissing: z.number().int(),
});
