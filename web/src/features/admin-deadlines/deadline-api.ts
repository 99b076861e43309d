/** Types of the deadline (时限) endpoints; the endpoints come from core/deadlines/deadlines.contract.ts. */
import type { z } from 'zod';
import type * as D from '../../../../core/deadlines/deadlines.schema.ts';

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
