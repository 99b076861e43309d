/**
 * Types of information intake (信息登记与筛选, /api/leads); the endpoints come from
 * core/intake/intake.contract.ts.
 */
import type { z } from 'zod';
import type * as L from '../../../../core/intake/intake.schema.ts';
import type * as I from '../../../../core/imports/imports.schema.ts';

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
