/**
 * The information-intake endpoints (信息登记与筛选, /api/leads), added to the typed API contract
 * by interface merging (see shared/api/routes.ts), with types from the core schemas.
 */
import type { z } from 'zod';
import type * as L from '../../../../core/schemas/leads.schema.ts';
import type * as I from '../../../../core/schemas/imports.schema.ts';

export type LeadListItem = z.infer<typeof L.LeadListItem>;
export type LeadDetail = z.infer<typeof L.LeadDetail>;
export type LeadPage = z.infer<typeof L.LeadPage>;
export type LeadListQuery = Partial<z.input<typeof L.LeadListQuery>>;
export type LeadExportQuery = Partial<z.input<typeof L.LeadExportQuery>>;
export type RegisterLeadBody = z.input<typeof L.RegisterLeadBody>;
export type UpdateLeadBody = z.input<typeof L.UpdateLeadBody> & { confirmDuplicate?: boolean };
export type ScreenLeadBody = z.input<typeof L.ScreenLeadBody>;
export type EvaluateLeadBody = z.input<typeof L.EvaluateLeadBody>;
export type EscalateLeadBody = z.input<typeof L.EscalateLeadBody>;
export type DecideLeadBody = z.input<typeof L.DecideLeadBody>;
export type PartnerRegistrationBody = z.input<typeof L.PartnerRegistrationBody>;
export type ResolveConflictBody = z.input<typeof L.ResolveConflictBody>;
export type LeadAttachment = z.infer<typeof L.LeadAttachmentView>;
export type UploadLeadAttachmentBody = z.input<typeof L.UploadLeadAttachmentBody>;
export type AssigneeOption = z.infer<typeof L.AssigneeOption>;
export type IntakeSettings = z.infer<typeof L.IntakeSettingsView>;
export type LeadDuplicate = z.infer<typeof L.LeadDuplicateView>;
export type LeadAction = LeadDetail['allowedActions'][number];
export type LeadImportPreview = z.infer<typeof I.ImportPreview>;
export type LeadImportResult = z.infer<typeof I.ImportCommitResult>;
export type LeadImportFile = z.input<typeof I.ImportFileBody>;
export type LeadImportCommit = z.input<typeof I.ImportCommitBody>;

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /leads': { query: LeadListQuery; res: LeadPage };
    'POST /leads': { body: RegisterLeadBody; res: LeadDetail };
    'GET /leads/export.xlsx': { query: LeadExportQuery; res: Blob };
    'GET /leads/import/template.xlsx': { res: Blob };
    'POST /leads/import/preview': { body: LeadImportFile; res: LeadImportPreview };
    'POST /leads/import/commit': { body: LeadImportCommit; res: LeadImportResult };
    'GET /leads/assignees': { query: { q?: string }; res: AssigneeOption[] };
    'GET /leads/settings': { res: IntakeSettings };
    'POST /leads/partner-registration': { body: PartnerRegistrationBody; res: LeadDetail };
    'GET /leads/:id': { res: LeadDetail };
    'PATCH /leads/:id': { body: UpdateLeadBody; res: LeadDetail };
    'POST /leads/:id/attachments': { body: UploadLeadAttachmentBody; res: LeadAttachment };
    'POST /leads/:id/screen': { body: ScreenLeadBody; res: LeadDetail };
    'POST /leads/:id/evaluate': { body: EvaluateLeadBody; res: LeadDetail };
    'POST /leads/:id/escalate': { body: EscalateLeadBody; res: LeadDetail };
    'POST /leads/:id/decide': { body: DecideLeadBody; res: LeadDetail };
    'POST /leads/:id/resolve-conflict': { body: ResolveConflictBody; res: LeadDetail };
  }
}
