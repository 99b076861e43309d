import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, users } from './schema.ts';
import { customers, leads, partners } from './schema-crm.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();

/**
 * Presales projects (PRODUCT.md §2, §3.3): the spine later modules (requirement research,
 * proposals, quotes, tenders, contracts) hang from. One row from opportunity (商机) to closed;
 * `stage` follows the configurable stage machine (core/projects), `outcome` records won / lost /
 * abandoned / failed tender. Money is integer fen.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    leadId: uuid('lead_id').references(() => leads.id),
    stage: text('stage').notNull().default('opportunity'),
    stageEnteredAt: ts('stage_entered_at').notNull(),
    /** open | won | lost | abandoned | failed_tender | no_go | closed */
    status: text('status').notNull().default('open'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    expectedSignDate: date('expected_sign_date', { mode: 'string' }),
    winProbability: integer('win_probability'),
    // preliminary analysis (项目初步分析) and registration form (项目登记表)
    decisionProcess: text('decision_process'),
    funding: text('funding'),
    credit: text('credit'),
    competitors: text('competitors'),
    strengths: text('strengths'),
    risks: text('risks'),
    analysisNotes: text('analysis_notes'),
    /** pending | go | no_go */
    goDecision: text('go_decision'),
    noGoReason: text('no_go_reason'),
    /** company | channel */
    projectLevel: text('project_level'),
    /** self | cooperative */
    deliveryMode: text('delivery_mode'),
    personMonths: numeric('person_months', { precision: 8, scale: 1 }),
    bigProject: boolean('big_project').notNull().default(false),
    partnerId: uuid('partner_id').references(() => partners.id),
    /** the company's share of a cooperative project, percent with 2 decimals */
    companySharePct: numeric('company_share_pct', { precision: 5, scale: 2 }),
    /** none | pending | approved | rejected: GM exception for a share below the floor */
    shareException: text('share_exception').notNull().default('none'),
    /** none | pending | approved | rejected | returned */
    registrationState: text('registration_state').notNull().default('none'),
    registeredAt: ts('registered_at'),
    specialHandling: text('special_handling'),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    managerUserId: uuid('manager_user_id').references(() => users.id),
    presalesLeadId: uuid('presales_lead_id').references(() => users.id),
    monitorUserId: uuid('monitor_user_id').references(() => users.id),
    // outcome (结果)
    outcomeReason: text('outcome_reason'),
    outcomeNote: text('outcome_note'),
    winningCompetitor: text('winning_competitor'),
    winningPriceFen: bigint('winning_price_fen', { mode: 'number' }),
    outcomeAt: ts('outcome_at'),
    closedAt: ts('closed_at'),
    /** the earliest open deadline of the project (kept by the commands, shown on kanban cards) */
    nextDeadlineAt: ts('next_deadline_at'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.code),
    index('projects_stage_idx').on(t.stage, t.updatedAt),
    // the table sorted by amount within a stage or a status, page 1 and deep pages (measured in npm run bench)
    index('projects_stage_amount_idx').on(t.stage, t.amountFen.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('projects_status_amount_idx').on(t.status, t.amountFen.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('projects_status_idx').on(t.status, t.updatedAt),
    index('projects_customer_idx').on(t.customerId, t.updatedAt),
    index('projects_owner_idx').on(t.ownerUserId, t.updatedAt),
    index('projects_department_idx').on(t.departmentId, t.stage),
    index('projects_updated_idx').on(t.updatedAt),
    index('projects_manager_idx').on(t.managerUserId),
    index('projects_monitor_idx').on(t.monitorUserId),
  ],
);

/** The project team: members with their project role (项目经理, 售前工程师, 商务专员…). */
export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    projectRole: text('project_role').notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: created(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId, t.projectRole] }), index('project_members_user_idx').on(t.userId)],
);

/** Every stage move with who and when (the stage history). */
export const projectStageHistory = pgTable(
  'project_stage_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    note: text('note'),
  },
  (t) => [index('project_stage_history_project_idx').on(t.projectId, t.at)],
);

/** The project summary (项目总结), required to close whatever the outcome. */
export const projectSummaries = pgTable('project_summaries', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  overview: text('overview').notNull(),
  whatWorked: text('what_worked'),
  whatToImprove: text('what_to_improve'),
  lessons: text('lessons'),
  submittedAt: ts('submitted_at'),
  authorId: uuid('author_id').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

/** Project analysis meetings (项目分析会). */
export const projectMeetings = pgTable(
  'project_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    heldAt: ts('held_at').notNull(),
    location: text('location'),
    agenda: text('agenda'),
    minutes: text('minutes'),
    participantIds: jsonb('participant_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('project_meetings_project_idx').on(t.projectId, t.heldAt)],
);

/**
 * Tasks with an owner and a due date ("my tasks"): meeting action items now, later any module's
 * to-dos. States: open | done | cancelled.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').references(() => projects.id),
    meetingId: uuid('meeting_id').references(() => projectMeetings.id),
    source: text('source').notNull().default('manual'),
    title: text('title').notNull(),
    description: text('description'),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    state: text('state').notNull().default('open'),
    doneAt: ts('done_at'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('tasks_owner_idx').on(t.ownerUserId, t.state, t.dueDate),
    index('tasks_project_idx').on(t.projectId),
    index('tasks_meeting_idx').on(t.meetingId),
  ],
);

/** Saved filters and sort of a list (保存的视图), per user and list. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    list: text('list').notNull(),
    name: text('name').notNull(),
    state: jsonb('state').notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex('saved_views_user_list_name_uq').on(t.userId, t.list, t.name)],
);

/**
 * Weekly project tracking table (项目跟踪表, seed 003): one row per open project per week,
 * generated for the account manager, who fills progress and next steps; the sales supervisor
 * sees rows left empty.
 */
export const projectWeeklyUpdates = pgTable(
  'project_weekly_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    stage: text('stage').notNull(),
    progress: text('progress'),
    nextSteps: text('next_steps'),
    issues: text('issues'),
    supervisorComment: text('supervisor_comment'),
    updatedBy: uuid('updated_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('project_weekly_updates_week_project_uq').on(t.weekStart, t.projectId),
    index('project_weekly_updates_owner_idx').on(t.ownerUserId, t.weekStart),
  ],
);
