/**
 * Types of activities, the daily visit log and the weekly roll-up (/api/activities,
 * /api/visit-logs, /api/reports/visit-rollup); the endpoints come from
 * core/activities/activities.contract.ts and core/activities/visit-logs.contract.ts.
 */
import type { z } from 'zod';
import type * as A from '../../../../core/activities/activities.schema.ts';

export type ActivityView = z.infer<typeof A.ActivityView>;
export type ActivityDetail = z.infer<typeof A.ActivityDetail>;
export type ActivityPage = z.infer<typeof A.ActivityPage>;
export type ActivityListQuery = Partial<z.input<typeof A.ActivityListQuery>>;
export type ActivityExportQuery = Partial<z.input<typeof A.ActivityExportQuery>>;
export type CreateActivityBody = z.input<typeof A.CreateActivityBody>;
export type UpdateActivityBody = z.input<typeof A.UpdateActivityBody>;
export type VisitLogList = z.infer<typeof A.VisitLogList>;
export type VisitLogDay = z.infer<typeof A.VisitLogDayView>;
export type SubmitVisitLogBody = z.input<typeof A.SubmitVisitLogBody>;
export type VisitRollup = z.infer<typeof A.VisitRollupView>;
export type ActivityTypeName = ActivityView['type'];
