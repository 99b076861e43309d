/**
 * Types of the approval endpoints (审批, /api/approvals and /api/approval-processes); the endpoints
 * themselves come from core/approvals/approvals.contract.ts (see web/src/app/module-list.ts).
 */
import type { z } from 'zod';
import type * as A from '../../../../core/approvals/approvals.schema.ts';

export type ApprovalBox = (typeof A.APPROVAL_BOXES)[number];
export type ApprovalListQuery = Partial<z.infer<typeof A.ApprovalListQuery>>;
export type ApprovalPage = z.infer<typeof A.ApprovalPage>;
export type ApprovalListItem = z.infer<typeof A.ApprovalListItem>;
export type ApprovalCounts = z.infer<typeof A.ApprovalCounts>;
export type ApprovalDetail = z.infer<typeof A.ApprovalDetail>;
export type RequestState = ApprovalDetail['state'];
export type StepView = z.infer<typeof A.StepView>;
export type TaskView = z.infer<typeof A.TaskView>;
export type ActionView = z.infer<typeof A.ActionView>;
export type AttachmentView = z.infer<typeof A.AttachmentView>;
export type SubjectField = z.infer<typeof A.SubjectFieldView>;
export type ApproveBody = z.input<typeof A.ApproveBody>;
export type DecisionBody = z.input<typeof A.DecisionBody>;
export type OptionalCommentBody = z.input<typeof A.OptionalCommentBody>;
export type AddApproverBody = z.input<typeof A.AddApproverBody>;
export type UploadAttachmentBody = z.input<typeof A.UploadAttachmentBody>;
export type Delegation = z.infer<typeof A.DelegationView>;
export type CreateDelegationBody = z.input<typeof A.CreateDelegationBody>;
export type UserOption = z.infer<typeof A.UserOption>;
export type ApprovalProcessList = z.infer<typeof A.ApprovalProcessList>;
export type ApprovalProcess = z.infer<typeof A.ApprovalProcessView>;
export type ApprovalProcessDetail = z.infer<typeof A.ApprovalProcessDetail>;
export type ChainVersion = z.infer<typeof A.ChainVersionView>;
export type ChainDefinition = z.infer<typeof A.ChainDefinitionSchema>;
export type StepDefinition = ChainDefinition['steps'][number];
export type ApproverSpec = StepDefinition['approver'];
export type Condition = NonNullable<StepDefinition['condition']>;
export type SaveChainBody = z.input<typeof A.SaveChainBody>;
