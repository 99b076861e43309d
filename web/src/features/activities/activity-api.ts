/**
 * Activities, the daily visit log and the weekly roll-up (/api/activities, /api/visit-logs,
 * /api/reports/visit-rollup), added to the typed API contract by interface merging.
 */
import type { z } from 'zod';
import type * as A from '../../../../core/schemas/activities.schema.ts';

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

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /activities': { query: ActivityListQuery; res: ActivityPage };
    'POST /activities': { body: CreateActivityBody; res: ActivityDetail };
    'GET /activities/export.xlsx': { query: ActivityExportQuery; res: Blob };
    'GET /activities/:id': { res: ActivityDetail };
    'PATCH /activities/:id': { body: UpdateActivityBody; res: ActivityDetail };
    'GET /visit-logs/mine': { query: { from?: string; to?: string }; res: VisitLogList };
    'POST /visit-logs/:date/submit': { body: SubmitVisitLogBody; res: VisitLogList };
    'GET /reports/visit-rollup': { query: { week?: string }; res: VisitRollup };
    'GET /reports/visit-rollup/export.xlsx': { query: { week?: string }; res: Blob };
  }
}
