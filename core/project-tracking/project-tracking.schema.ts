import { z } from 'zod';
import { pageOf, PageQuery, Timestamp } from '../schemas/common.schema.ts';
import { IsoDate } from '../calendar/calendar.schema.ts';
import { OptText, Uuid } from '../projects/project-fields.schema.ts';

/** API schemas of the weekly project tracking table (项目跟踪表, seed 003). */

export const TrackingQuery = PageQuery.extend({
  week: IsoDate.optional(),
  ownerUserId: Uuid.optional(),
  missing: z.enum(['true', 'false']).optional(),
});
export const TrackingExportQuery = z.object({ week: IsoDate.optional(), ownerUserId: Uuid.optional() });
export const MissingTrackingQuery = z.object({ week: TrackingQuery.shape.week });
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
  owners: z.array(
    z.object({
      ownerUserId: z.string(),
      ownerName: z.string(),
      departmentName: z.string().nullable(),
      total: z.number().int(),
      missing: z.number().int(),
    }),
  ),
  totalMissing: z.number().int(),
});
