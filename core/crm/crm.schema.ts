import { z } from 'zod';
import {
  CUSTOMER_LEVELS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  DECISION_ROLES,
  INDUSTRIES,
  optionValues,
  PARTNER_KINDS,
  PARTNER_LEVELS,
  PARTNER_STATUSES,
  PROVINCES,
  REGIONS,
} from './options.ts';
import { pageOf, PageQuery, sortParam } from '../schemas/common.schema.ts';

/**
 * API shapes of customers (客户), contacts (联系人), channel partners and dealers (渠道商/经销商),
 * sharing, transfer, the customer timeline and the global search. Credit codes and phones are
 * checked by the use cases (they explain the problem in the user's language).
 */

/** Control characters other than tab and line breaks are dropped (PostgreSQL refuses a NUL in text). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const text = (max: number) =>
  z
    .string()
    .overwrite((s) => s.replace(CONTROL_CHARS, ''))
    .trim()
    .max(max);
const optText = (max: number) => text(max).nullable().optional();

export const IndustrySchema = z.enum(optionValues(INDUSTRIES));
export const CustomerLevelSchema = z.enum(optionValues(CUSTOMER_LEVELS));
export const CustomerStatusSchema = z.enum(optionValues(CUSTOMER_STATUSES));
export const CustomerSourceSchema = z.enum(optionValues(CUSTOMER_SOURCES));
export const DecisionRoleSchema = z.enum(optionValues(DECISION_ROLES));
export const RegionSchema = z.enum(optionValues(REGIONS));
export const ProvinceSchema = z.enum(optionValues(PROVINCES));
export const PartnerKindSchema = z.enum(optionValues(PARTNER_KINDS));
export const PartnerLevelSchema = z.enum(optionValues(PARTNER_LEVELS));
export const PartnerStatusSchema = z.enum(optionValues(PARTNER_STATUSES));

// ---------- customers ----------

const customerFields = {
  name: text(100).min(1),
  creditCode: optText(30),
  industry: IndustrySchema.nullable().optional(),
  region: RegionSchema.nullable().optional(),
  province: ProvinceSchema.nullable().optional(),
  level: CustomerLevelSchema.nullable().optional(),
  source: CustomerSourceSchema.nullable().optional(),
  status: CustomerStatusSchema.optional(),
  address: optText(200),
  notes: optText(2000),
};

export const CreateCustomerBody = z.object({
  ...customerFields,
  /** defaults to the creator */
  ownerUserId: z.string().uuid().nullable().optional(),
  /** save even though a customer with a very similar name exists */
  confirmDuplicate: z.boolean().optional(),
});
export type CreateCustomerBody = z.infer<typeof CreateCustomerBody>;

export const UpdateCustomerBody = z.object({
  version: z.number().int().min(1),
  ...customerFields,
  name: customerFields.name.optional(),
  confirmDuplicate: z.boolean().optional(),
});
export type UpdateCustomerBody = z.infer<typeof UpdateCustomerBody>;

export const CustomerView = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  province: z.string().nullable(),
  level: z.string().nullable(),
  source: z.string().nullable(),
  status: z.string(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  contactCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** what the reader may do (the server checks again) */
  can: z.object({ edit: z.boolean(), transfer: z.boolean(), share: z.boolean() }),
});
export type CustomerView = z.infer<typeof CustomerView>;

export const CustomerListItem = CustomerView.omit({ notes: true, address: true, can: true, departmentId: true });
export type CustomerListItem = z.infer<typeof CustomerListItem>;

export const CUSTOMER_SORT_FIELDS = ['name', 'updatedAt', 'createdAt', 'level', 'status', 'province'] as const;

/** Filters of the customer list (also used by its export). `owner` is a user id or `me`. */
export const CustomerListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  owner: z.union([z.literal('me'), z.string().uuid()]).optional(),
  status: CustomerStatusSchema.optional(),
  level: CustomerLevelSchema.optional(),
  industry: IndustrySchema.optional(),
  province: ProvinceSchema.optional(),
  region: RegionSchema.optional(),
  sort: sortParam(CUSTOMER_SORT_FIELDS, '-updatedAt'),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;
export const CustomerExportQuery = CustomerListQuery.omit({ page: true, pageSize: true });
export type CustomerExportQuery = z.infer<typeof CustomerExportQuery>;

export const CustomerPage = pageOf(CustomerListItem);

// ---------- duplicates ----------

export const DuplicateCheckBody = z.object({
  name: text(100).optional(),
  creditCode: text(30).optional(),
  excludeId: z.string().uuid().optional(),
});
export type DuplicateCheckBody = z.infer<typeof DuplicateCheckBody>;

/**
 * A record that matches by credit code or a very similar name. For a record the reader may not
 * see, only `visible: false` and the owner's name are given.
 */
export const DuplicateMatch = z.object({
  visible: z.boolean(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  creditCode: z.string().nullable(),
  ownerName: z.string().nullable(),
  reason: z.enum(['credit_code', 'name']),
  similarity: z.number(),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

export const DuplicateResult = z.object({
  matches: z.array(DuplicateMatch),
  /** a credit-code problem in the user's language, when one was given */
  creditCodeError: z.string().nullable(),
});
export type DuplicateResult = z.infer<typeof DuplicateResult>;

// ---------- transfer and sharing ----------

export const TransferBody = z.object({
  version: z.number().int().min(1),
  ownerUserId: z.string().uuid(),
  note: optText(500),
});
export type TransferBody = z.infer<typeof TransferBody>;

export const CustomerTransferResult = z.object({
  ok: z.literal(true),
  /** false when the record left the actor's visibility with the transfer */
  stillVisible: z.boolean(),
  customer: CustomerView.nullable(),
});

export const ShareView = z.object({
  userId: z.string(),
  displayName: z.string(),
  departmentName: z.string().nullable(),
  grantedByName: z.string().nullable(),
  createdAt: z.string(),
});
export const ShareList = z.object({ items: z.array(ShareView) });
export type ShareList = z.infer<typeof ShareList>;

export const PutSharesBody = z.object({ userIds: z.array(z.string().uuid()).max(100) });
export type PutSharesBody = z.infer<typeof PutSharesBody>;

// ---------- timeline ----------

export const TimelineQuery = z.object({
  /** the `nextBefore` of the previous page */
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z_\d{1,15}$/)
    .refine((s) => !Number.isNaN(new Date(s.split('_')[0] ?? '').getTime()))
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineItem = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  /** a path in the web app when the entry's module gave one (`data.link`) */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelinePage = z.object({ items: z.array(TimelineItem), nextBefore: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

// ---------- contacts ----------

const contactFields = {
  name: text(50).min(1),
  title: optText(50),
  decisionRole: DecisionRoleSchema.nullable().optional(),
  phone: optText(40),
  email: z
    .union([z.literal(''), z.email().max(120)])
    .nullable()
    .optional(),
  wechat: optText(60),
  notes: optText(2000),
};

export const CreateContactBody = z.object({
  customerId: z.string().uuid().optional(),
  partnerId: z.string().uuid().optional(),
  ...contactFields,
});
export type CreateContactBody = z.infer<typeof CreateContactBody>;

export const UpdateContactBody = z.object({
  version: z.number().int().min(1),
  ...contactFields,
  name: contactFields.name.optional(),
});
export type UpdateContactBody = z.infer<typeof UpdateContactBody>;

export const ContactView = z.object({
  id: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  decisionRole: z.string().nullable(),
  /** masked (138****1234) unless the reader holds contact.phone */
  phone: z.string().nullable(),
  phoneMasked: z.boolean(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  notes: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ContactView = z.infer<typeof ContactView>;

export const CONTACT_SORT_FIELDS = ['name', 'updatedAt', 'createdAt', 'decisionRole'] as const;

export const ContactListQuery = PageQuery.extend({
  customerId: z.string().uuid().optional(),
  partnerId: z.string().uuid().optional(),
  q: z.string().trim().max(64).optional(),
  decisionRole: DecisionRoleSchema.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  sort: sortParam(CONTACT_SORT_FIELDS, '-updatedAt'),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
export const ContactExportQuery = ContactListQuery.omit({ page: true, pageSize: true });
export type ContactExportQuery = z.infer<typeof ContactExportQuery>;

export const ContactPage = pageOf(ContactView);

export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });

// ---------- partners ----------

const partnerFields = {
  name: text(100).min(1),
  kind: PartnerKindSchema.optional(),
  creditCode: optText(30),
  region: RegionSchema.nullable().optional(),
  province: ProvinceSchema.nullable().optional(),
  level: PartnerLevelSchema.nullable().optional(),
  status: PartnerStatusSchema.optional(),
  address: optText(200),
  notes: optText(2000),
};

export const CreatePartnerBody = z.object({
  ...partnerFields,
  ownerUserId: z.string().uuid().nullable().optional(),
  confirmDuplicate: z.boolean().optional(),
});
export type CreatePartnerBody = z.infer<typeof CreatePartnerBody>;

export const UpdatePartnerBody = z.object({
  version: z.number().int().min(1),
  ...partnerFields,
  name: partnerFields.name.optional(),
  confirmDuplicate: z.boolean().optional(),
});
export type UpdatePartnerBody = z.infer<typeof UpdatePartnerBody>;

export const PartnerView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  creditCode: z.string().nullable(),
  region: z.string().nullable(),
  province: z.string().nullable(),
  level: z.string().nullable(),
  status: z.string(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  contactCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), transfer: z.boolean(), share: z.boolean() }),
});
export type PartnerView = z.infer<typeof PartnerView>;

export const PartnerTransferResult = z.object({ ok: z.literal(true), stillVisible: z.boolean(), partner: PartnerView.nullable() });

export const PartnerListItem = PartnerView.omit({ notes: true, address: true, can: true, departmentId: true });
export type PartnerListItem = z.infer<typeof PartnerListItem>;

export const PARTNER_SORT_FIELDS = ['name', 'updatedAt', 'createdAt', 'level', 'status', 'kind'] as const;

export const PartnerListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  kind: PartnerKindSchema.optional(),
  owner: z.union([z.literal('me'), z.string().uuid()]).optional(),
  status: PartnerStatusSchema.optional(),
  level: PartnerLevelSchema.optional(),
  province: ProvinceSchema.optional(),
  region: RegionSchema.optional(),
  sort: sortParam(PARTNER_SORT_FIELDS, '-updatedAt'),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuery>;
export const PartnerExportQuery = PartnerListQuery.omit({ page: true, pageSize: true });
export type PartnerExportQuery = z.infer<typeof PartnerExportQuery>;

export const PartnerPage = pageOf(PartnerListItem);

// ---------- global search ----------

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(64),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** path in the web app */
  link: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  customers: z.array(SearchHit),
  contacts: z.array(SearchHit),
  partners: z.array(SearchHit),
  leads: z.array(SearchHit),
});
export type SearchResult = z.infer<typeof SearchResult>;
