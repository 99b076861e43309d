import { z } from 'zod';
import { Timestamp } from '../schemas/common.schema.ts';
import { IsoDate } from '../calendar/calendar.schema.ts';
import {
  DeliveryModeSchema,
  Fen,
  OptText,
  OutcomeReasonSchema,
  OutcomeSchema,
  ProjectLevelSchema,
  ProjectRoleSchema,
  Text,
  Uuid,
} from './project-fields.schema.ts';
import { NextStepView, TransitionView } from './stages.schema.ts';

/**
 * API schemas of one presales project (商机 / 项目): creating it, the analysis and registration
 * form, the actions (go/no-go, registration, exceptions, stages, outcome, close), the summary,
 * the team, the project page, its timeline, stage history and deadlines. Money is integer fen;
 * dates are YYYY-MM-DD; instants ISO 8601.
 */

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
