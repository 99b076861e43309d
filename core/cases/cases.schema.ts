import { z } from 'zod';
import { pageOf, PageQuery, sortParam } from '../schemas/common.schema.ts';
import { CASE_CHANNELS, CASE_KINDS, CASE_STATES } from './case-rules.ts';
import { cleanText, IsoDate, IsoInstant, SearchQ } from '../kernel/schema-fields.ts';

/** Customer inquiries and complaints (咨询与投诉): API shapes of /api/cases. */

export const CaseKindSchema = z.enum(CASE_KINDS);
export const CaseStateSchema = z.enum(CASE_STATES);
export const CaseChannelSchema = z.enum(CASE_CHANNELS);

const text = cleanText;
const Version = z.number().int().min(1);

export const CaseView = z.object({
  id: z.string(),
  code: z.string(),
  kind: CaseKindSchema,
  state: CaseStateSchema,
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  projectId: z.string().nullable(),
  subject: z.string(),
  content: z.string().nullable(),
  channel: z.string().nullable(),
  receivedAt: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string().nullable(),
  deadlineState: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseDetail = CaseView.extend({
  timeline: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      kind: z.string(),
      title: z.string(),
      summary: z.string().nullable(),
      actorName: z.string().nullable(),
    }),
  ),
  can: z.object({ edit: z.boolean(), assign: z.boolean(), answer: z.boolean(), close: z.boolean() }),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CASE_SORT_FIELDS = ['receivedAt', 'code', 'state', 'updatedAt'] as const;

export const CaseListQuery = PageQuery.extend({
  kind: CaseKindSchema.optional(),
  state: CaseStateSchema.optional(),
  assigneeId: z.string().uuid().optional(),
  customerId: z.string().uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: SearchQ.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(CASE_SORT_FIELDS, '-receivedAt'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const CaseExportQuery = CaseListQuery.omit({ page: true, pageSize: true });
export type CaseExportQuery = z.infer<typeof CaseExportQuery>;

export const CasePage = pageOf(CaseView);

export const CreateCaseBody = z.object({
  kind: CaseKindSchema,
  customerId: z.string().uuid().nullable().optional(),
  projectId: z.string().uuid().nullable().optional(),
  subject: text(200).min(1),
  content: text(5000).min(1),
  channel: CaseChannelSchema,
  receivedAt: IsoInstant.optional(),
  assigneeId: z.string().uuid().nullable().optional(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

export const UpdateCaseBody = z.object({
  version: Version,
  kind: CaseKindSchema.optional(),
  customerId: z.string().uuid().nullable().optional(),
  projectId: z.string().uuid().nullable().optional(),
  subject: text(200).min(1).optional(),
  content: text(5000).min(1).optional(),
  channel: CaseChannelSchema.optional(),
});
export type UpdateCaseBody = z.infer<typeof UpdateCaseBody>;

export const AssignCaseBody = z.object({ version: Version, assigneeId: z.string().uuid() });
export const AnswerCaseBody = z.object({ version: Version, answer: text(5000).min(1) });
export const CloseCaseBody = z.object({ version: Version, note: text(2000).nullable().optional() });
