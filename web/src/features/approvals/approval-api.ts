/**
 * The approval endpoints (审批), added to the typed API contract by interface merging (see
 * shared/api/routes.ts), with request and response types from the core schemas.
 */
import type { z } from 'zod';
import type * as A from '../../../../core/schemas/approvals.schema.ts';
import type { Ok } from '../../shared/api/types.ts';

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

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /approvals': { query: ApprovalListQuery; res: ApprovalPage };
    'GET /approvals/counts': { res: ApprovalCounts };
    'GET /approvals/:id': { res: ApprovalDetail };
    'POST /approvals/:id/approve': { body: ApproveBody; res: ApprovalDetail };
    'POST /approvals/:id/reject': { body: DecisionBody; res: ApprovalDetail };
    'POST /approvals/:id/return': { body: DecisionBody; res: ApprovalDetail };
    'POST /approvals/:id/add-approver': { body: AddApproverBody; res: ApprovalDetail };
    'POST /approvals/:id/withdraw': { body: OptionalCommentBody; res: ApprovalDetail };
    'POST /approvals/:id/resubmit': { body: OptionalCommentBody; res: ApprovalDetail };
    'POST /approvals/:id/attachments': { body: UploadAttachmentBody; res: AttachmentView };
    'GET /approvals/:id/attachments/:attachmentId': { res: Blob };
    'GET /approvals/delegations': { res: Delegation[] };
    'POST /approvals/delegations': { body: CreateDelegationBody; res: Delegation[] };
    'DELETE /approvals/delegations/:id': { res: Ok };
    'GET /approvals/user-options': { query: { q?: string }; res: UserOption[] };
    'GET /approval-processes': { res: ApprovalProcessList };
    'GET /approval-processes/:code': { res: ApprovalProcessDetail };
    'GET /approval-processes/:code/versions/:version': { res: ChainVersion };
    'PUT /approval-processes/:code/chain': { body: SaveChainBody; res: ApprovalProcessDetail };
  }
}
