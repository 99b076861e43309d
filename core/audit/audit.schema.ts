import { z } from 'zod';
import { pageOf, PageQuery } from '../schemas/common.schema.ts';

export const AuditEntryView = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorKind: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  result: z.enum(['success', 'failure']),
  detail: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditQuery = PageQuery.extend({
  actorId: z.string().uuid().optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});

export const AuditPage = pageOf(AuditEntryView);

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
});

/** The export takes the list's filters, without paging. */
export const AuditExportQuery = AuditQuery.omit({ page: true, pageSize: true });
