import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, users } from './schema.ts';
import { approvalFiles } from './schema-approvals.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();

/**
 * Customers, contacts, partners, information intake and activities (PRODUCT.md §3.1, §3.2).
 *
 * Every record that is scoped by ownership carries `owner_user_id` and `department_id` (the
 * owner's department, kept in step on transfer) so `scopeCondition` can filter it in SQL.
 * `search_text` is a lower-cased concatenation of the searchable fields (names, credit code,
 * phone digits), maintained by the commands; search is `LIKE '%term%'` over it.
 */

/** Per-name counters for human-readable codes (e.g. XX-2026-00001), shared by every instance. */
export const counters = pgTable('counters', {
  key: text('key').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** name without spaces/punctuation/company suffixes, for duplicate detection */
    nameKey: text('name_key').notNull(),
    creditCode: text('credit_code'),
    industry: text('industry'),
    region: text('region'),
    province: text('province'),
    level: text('level'),
    source: text('source'),
    status: text('status').notNull().default('potential'),
    address: text('address'),
    notes: text('notes'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    searchText: text('search_text').notNull().default(''),
    archivedAt: ts('archived_at'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('customers_credit_code_uq')
      .on(t.creditCode)
      .where(sql`${t.creditCode} IS NOT NULL`),
    index('customers_name_key_idx').on(t.nameKey),
    index('customers_owner_idx').on(t.ownerUserId, t.updatedAt),
    index('customers_department_idx').on(t.departmentId, t.updatedAt),
    index('customers_updated_idx').on(t.updatedAt),
  ],
);

/** Channel partners and dealers (渠道商 / 经销商). */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    kind: text('kind').notNull().default('channel'),
    creditCode: text('credit_code'),
    region: text('region'),
    province: text('province'),
    level: text('level'),
    status: text('status').notNull().default('active'),
    address: text('address'),
    notes: text('notes'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    searchText: text('search_text').notNull().default(''),
    archivedAt: ts('archived_at'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('partners_credit_code_uq')
      .on(t.creditCode)
      .where(sql`${t.creditCode} IS NOT NULL`),
    index('partners_name_key_idx').on(t.nameKey),
    index('partners_owner_idx').on(t.ownerUserId),
    index('partners_department_idx').on(t.departmentId),
  ],
);

/** Contacts of a customer or of a partner (exactly one of the two). */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id').references(() => customers.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    name: text('name').notNull(),
    title: text('title'),
    /** decision_maker | influencer | user | technical_evaluator | procurement | finance */
    decisionRole: text('decision_role'),
    phone: text('phone'),
    email: text('email'),
    wechat: text('wechat'),
    notes: text('notes'),
    searchText: text('search_text').notNull().default(''),
    archivedAt: ts('archived_at'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('contacts_customer_idx').on(t.customerId), index('contacts_partner_idx').on(t.partnerId)],
);

/** Explicit sharing of one record with a colleague (on top of the role's data scope). */
export const recordShares = pgTable(
  'record_shares',
  {
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId, t.userId] }), index('record_shares_user_idx').on(t.userId, t.entityType)],
);

/**
 * One timeline for customers and projects: every module appends entries here (activity logged,
 * lead screened, project stage changed, quote sent…) with `kind` naming what happened and
 * `entity_type`/`entity_id` pointing at the record. The timeline reader knows no module.
 */
export const timelineEntries = pgTable(
  'timeline_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    customerId: uuid('customer_id'),
    projectId: uuid('project_id'),
    leadId: uuid('lead_id'),
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    actorId: uuid('actor_id'),
    /** the title in Chinese as written (search, old readers, and the fallback when `title_key` is unknown) */
    title: text('title').notNull(),
    /** the title's catalogue message `<module>.<key>` and its parameters, rendered in the reader's language (null on old rows) */
    titleKey: text('title_key'),
    titleParams: jsonb('title_params'),
    summary: text('summary'),
    data: jsonb('data'),
  },
  (t) => [
    index('timeline_customer_idx').on(t.customerId, t.at),
    index('timeline_project_idx').on(t.projectId, t.at),
    index('timeline_lead_idx').on(t.leadId, t.at),
  ],
);

/**
 * Incoming information (信息登记) and, once kept, the lead (线索). States: registered →
 * closed (cannot do / useless, replied) | forwarding → forwarded | assigned → evaluating →
 * escalated → evaluated → converted (to an opportunity / project).
 */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    channel: text('channel').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    customerName: text('customer_name'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    description: text('description'),
    estimatedAmountFen: bigint('estimated_amount_fen', { mode: 'number' }),
    state: text('state').notNull().default('registered'),
    registeredBy: uuid('registered_by').references(() => users.id),
    registeredAt: ts('registered_at').notNull(),
    screenedBy: uuid('screened_by').references(() => users.id),
    screenedAt: ts('screened_at'),
    /** reject | forward | keep */
    screeningOutcome: text('screening_outcome'),
    screeningNote: text('screening_note'),
    replyMethod: text('reply_method'),
    replyAt: ts('reply_at'),
    replyBy: text('reply_by'),
    replyContent: text('reply_content'),
    forwardUnit: text('forward_unit'),
    forwardPerson: text('forward_person'),
    category: text('category'),
    /** the account manager evaluating it */
    assigneeId: uuid('assignee_id').references(() => users.id),
    evaluation: text('evaluation'),
    participationLevel: text('participation_level'),
    importance: text('importance'),
    /** channel-partner deal registration (代理商报备) */
    partnerId: uuid('partner_id').references(() => partners.id),
    protectedUntil: ts('protected_until'),
    conflictState: text('conflict_state'),
    conflictWith: jsonb('conflict_with'),
    projectId: uuid('project_id'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('leads_code_uq').on(t.code),
    index('leads_state_idx').on(t.state, t.registeredAt),
    index('leads_registered_idx').on(t.registeredAt),
    index('leads_customer_idx').on(t.customerId),
    index('leads_assignee_idx').on(t.assigneeId),
    index('leads_owner_idx').on(t.ownerUserId),
    index('leads_department_idx').on(t.departmentId),
    index('leads_partner_idx').on(t.partnerId),
  ],
);

/** Original material of a lead (mail text, scanned fax, tender notice…), content stored once by hash. */
export const leadAttachments = pgTable(
  'lead_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => approvalFiles.sha256),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [index('lead_attachments_lead_idx').on(t.leadId)],
);

/**
 * Activities: typed records linked to a customer and/or a project — visit (客户巡访),
 * negotiation (重要商务谈判), communication (沟通记录), reception_plan (客户接待日程 + 费用预算,
 * approved by the marketing manager) and reception_summary (接待工作总结). Type-specific
 * fields live in `details`.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    projectId: uuid('project_id'),
    leadId: uuid('lead_id'),
    subject: text('subject').notNull(),
    content: text('content'),
    occurredAt: ts('occurred_at').notNull(),
    /** the working day this entry counts for (visit log), Asia/Shanghai */
    logDate: date('log_date', { mode: 'string' }),
    channel: text('channel'),
    location: text('location'),
    participants: text('participants'),
    result: text('result'),
    nextSteps: text('next_steps'),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    details: jsonb('details'),
    /** draft | pending | approved | rejected | done (reception plans), recorded otherwise */
    state: text('state').notNull().default('recorded'),
    planId: uuid('plan_id'),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('activities_customer_idx').on(t.customerId, t.occurredAt),
    index('activities_project_idx').on(t.projectId, t.occurredAt),
    index('activities_owner_idx').on(t.ownerUserId, t.occurredAt),
    index('activities_department_idx').on(t.departmentId, t.occurredAt),
    index('activities_type_log_idx').on(t.type, t.logDate),
    index('activities_occurred_idx').on(t.occurredAt),
    index('activities_plan_idx').on(t.planId),
  ],
);

/**
 * Each salesperson's daily visit log (客户巡访登记表) for one working day: created by the daily
 * job with a deadline at the end of that day, completed when the log is submitted.
 */
export const visitLogDays = pgTable(
  'visit_log_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    logDate: date('log_date', { mode: 'string' }).notNull(),
    submittedAt: ts('submitted_at'),
    noVisits: boolean('no_visits').notNull().default(false),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('visit_log_days_user_date_uq').on(t.userId, t.logDate), index('visit_log_days_date_idx').on(t.logDate)],
);

/** Generated reports (e.g. the Monday visit roll-up), stored as they were sent. */
export const generatedReports = pgTable(
  'generated_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    data: jsonb('data').notNull(),
    generatedAt: ts('generated_at').notNull(),
  },
  (t) => [uniqueIndex('generated_reports_kind_period_uq').on(t.kind, t.periodStart)],
);

/**
 * Customer inquiries and complaints (咨询与投诉, seeds 004 and 002): received, assigned, answered
 * within a deadline (deadline engine escalates when late), supervised by the marketing manager.
 * States: open → assigned → answered → closed.
 */
export const customerCases = pgTable(
  'customer_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    projectId: uuid('project_id'),
    subject: text('subject').notNull(),
    content: text('content'),
    channel: text('channel'),
    receivedAt: ts('received_at').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    state: text('state').notNull().default('open'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('customer_cases_code_uq').on(t.code),
    index('customer_cases_customer_idx').on(t.customerId),
    index('customer_cases_assignee_idx').on(t.assigneeId, t.state),
    index('customer_cases_received_idx').on(t.receivedAt),
    index('customer_cases_owner_idx').on(t.ownerUserId, t.receivedAt),
    index('customer_cases_department_idx').on(t.departmentId, t.receivedAt),
  ],
);
