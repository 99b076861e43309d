/** Customer inquiries and complaints (/api/cases), added to the typed API contract by interface merging. */
import type { z } from 'zod';
import type * as C from '../../../../core/schemas/cases.schema.ts';

export type CaseView = z.infer<typeof C.CaseView>;
export type CaseDetail = z.infer<typeof C.CaseDetail>;
export type CasePage = z.infer<typeof C.CasePage>;
export type CaseListQuery = Partial<z.input<typeof C.CaseListQuery>>;
export type CreateCaseBody = z.input<typeof C.CreateCaseBody>;
export type UpdateCaseBody = z.input<typeof C.UpdateCaseBody>;

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /cases': { query: CaseListQuery; res: CasePage };
    'POST /cases': { body: CreateCaseBody; res: CaseDetail };
    'GET /cases/export.xlsx': { query: Omit<CaseListQuery, 'page' | 'pageSize'>; res: Blob };
    'GET /cases/:id': { res: CaseDetail };
    'PATCH /cases/:id': { body: UpdateCaseBody; res: CaseDetail };
    'POST /cases/:id/assign': { body: { version: number; assigneeId: string }; res: CaseDetail };
    'POST /cases/:id/answer': { body: { version: number; answer: string }; res: CaseDetail };
    'POST /cases/:id/close': { body: { version: number; note?: string | null }; res: CaseDetail };
  }
}
