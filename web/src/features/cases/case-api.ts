/** Types of customer inquiries and complaints (/api/cases); the endpoints come from core/cases/cases.contract.ts. */
import type { z } from 'zod';
import type * as C from '../../../../core/cases/cases.schema.ts';

export type CaseView = z.infer<typeof C.CaseView>;
export type CaseDetail = z.infer<typeof C.CaseDetail>;
export type CasePage = z.infer<typeof C.CasePage>;
export type CaseListQuery = Partial<z.input<typeof C.CaseListQuery>>;
export type CreateCaseBody = z.input<typeof C.CreateCaseBody>;
export type UpdateCaseBody = z.input<typeof C.UpdateCaseBody>;
