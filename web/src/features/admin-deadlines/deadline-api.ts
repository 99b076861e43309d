/**
 * The deadline (时限) endpoints, added to the typed API contract by interface merging (see
 * shared/api/routes.ts), with their types from the core schemas.
 */
import type { z } from 'zod';
import type * as D from '../../../../core/schemas/deadlines.schema.ts';

export type DeadlinePolicy = z.infer<typeof D.DeadlinePolicyView>;
export type UpdateDeadlinePolicyBody = z.input<typeof D.UpdateDeadlinePolicyBody>;
export type OpenDeadline = z.infer<typeof D.DeadlineView>;
export type DeadlinePage = z.infer<typeof D.DeadlinePage>;
export type DeadlineListQuery = Partial<z.infer<typeof D.DeadlineListQuery>>;
export type SlaQuery = Partial<z.infer<typeof D.SlaQuery>>;
export type SlaReport = z.infer<typeof D.SlaReport>;
export type SlaRow = z.infer<typeof D.SlaRow>;
export type DeadlineKind = DeadlinePolicy['kind'];
export type ReminderUnit = DeadlinePolicy['remindBefore'][number]['unit'];

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /deadlines/policies': { res: DeadlinePolicy[] };
    'PATCH /deadlines/policies/:id': { body: UpdateDeadlinePolicyBody; res: DeadlinePolicy };
    'GET /deadlines': { query: DeadlineListQuery; res: DeadlinePage };
    'GET /deadlines/sla': { query: SlaQuery; res: SlaReport };
  }
}
