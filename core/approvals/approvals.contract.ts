import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { OkBody } from '../schemas/common.schema.ts';
import { MAX_ATTACHMENT_MB } from './attachments.ts';
import {
  AddApproverBody,
  ApprovalCounts,
  ApprovalDetail,
  ApprovalListQuery,
  ApprovalPage,
  ApprovalProcessDetail,
  ApprovalProcessList,
  ApproveBody,
  AttachmentView,
  ChainVersionView,
  CreateDelegationBody,
  DecisionBody,
  DelegationView,
  OptionalCommentBody,
  SaveChainBody,
  UploadAttachmentBody,
  UserOption,
  UserOptionQuery,
} from './approvals.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });
const AttachmentParams = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() });
const CodeParams = z.object({ code: z.string().min(1).max(100) });
const VersionParams = z.object({ code: z.string().min(1).max(100), version: z.coerce.number().int().min(1) });
const me = 'authenticated' as const;

/**
 * 审批: the generic approval endpoints every module shares — my approvals, a request's detail,
 * the actions on it, attachments, delegation while away. Who may act is decided by the engine
 * per request (participants only; others get 404), so every endpoint is open to any signed-in user.
 */
export const approvalsContract = defineContract('approvals', {
  list: {
    method: 'GET',
    path: '/approvals',
    summary: '我的审批 My approvals (waiting / mine / done)',
    access: me,
    query: ApprovalListQuery,
    response: ApprovalPage,
  },
  counts: { method: 'GET', path: '/approvals/counts', summary: '待办数量 Counts for the menu badge', access: me, response: ApprovalCounts },
  get: {
    method: 'GET',
    path: '/approvals/:id',
    summary: '审批详情 An approval request',
    access: me,
    params: IdParams,
    response: ApprovalDetail,
  },
  approve: {
    method: 'POST',
    path: '/approvals/:id/approve',
    summary: '同意 Approve (the subject version reviewed)',
    access: me,
    params: IdParams,
    body: ApproveBody,
    response: ApprovalDetail,
  },
  reject: {
    method: 'POST',
    path: '/approvals/:id/reject',
    summary: '驳回 Reject (ends the request)',
    access: me,
    params: IdParams,
    body: DecisionBody,
    response: ApprovalDetail,
  },
  return: {
    method: 'POST',
    path: '/approvals/:id/return',
    summary: '退回修改 Return for revision',
    access: me,
    params: IdParams,
    body: DecisionBody,
    response: ApprovalDetail,
  },
  addApprover: {
    method: 'POST',
    path: '/approvals/:id/add-approver',
    summary: '加签 Add an approver',
    access: me,
    params: IdParams,
    body: AddApproverBody,
    response: ApprovalDetail,
  },
  withdraw: {
    method: 'POST',
    path: '/approvals/:id/withdraw',
    summary: '撤回 Withdraw (requester)',
    access: me,
    params: IdParams,
    body: OptionalCommentBody,
    response: ApprovalDetail,
  },
  resubmit: {
    method: 'POST',
    path: '/approvals/:id/resubmit',
    summary: '重新提交 Resubmit after a return (requester)',
    access: me,
    params: IdParams,
    body: OptionalCommentBody,
    response: ApprovalDetail,
  },
  uploadAttachment: {
    method: 'POST',
    path: '/approvals/:id/attachments',
    summary: `上传附件 Upload an attachment (base64, ≤ ${MAX_ATTACHMENT_MB} MB)`,
    access: me,
    params: IdParams,
    body: UploadAttachmentBody,
    response: AttachmentView,
    bodyLimit: Math.ceil((MAX_ATTACHMENT_MB * 1024 * 1024 * 4) / 3) + 64 * 1024,
  },
  downloadAttachment: {
    method: 'GET',
    path: '/approvals/:id/attachments/:attachmentId',
    summary: '下载附件 Download an attachment',
    access: me,
    params: AttachmentParams,
    response: 'file',
  },
  delegations: {
    method: 'GET',
    path: '/approvals/delegations',
    summary: '我的代理设置 My delegations',
    access: me,
    response: z.array(DelegationView),
  },
  createDelegation: {
    method: 'POST',
    path: '/approvals/delegations',
    summary: '新建代理 Delegate while away',
    access: me,
    body: CreateDelegationBody,
    response: z.array(DelegationView),
  },
  cancelDelegation: {
    method: 'DELETE',
    path: '/approvals/delegations/:id',
    summary: '取消代理 Cancel a delegation',
    access: me,
    params: IdParams,
    response: OkBody,
  },
  userOptions: {
    method: 'GET',
    path: '/approvals/user-options',
    summary: '选择人员 Active users to pick (delegate, added approver)',
    access: me,
    query: UserOptionQuery,
    response: z.array(UserOption),
  },
});

const admin = { permission: 'approval.admin' } as const;

/** 审批流程配置: the registered processes and their chain editor, for administrators. */
export const approvalProcessesContract = defineContract('approvals', {
  list: {
    method: 'GET',
    path: '/approval-processes',
    summary: '审批流程列表 Registered approval processes',
    access: admin,
    response: ApprovalProcessList,
  },
  get: {
    method: 'GET',
    path: '/approval-processes/:code',
    summary: '审批流程 A process with its chain and versions',
    access: admin,
    params: CodeParams,
    response: ApprovalProcessDetail,
  },
  version: {
    method: 'GET',
    path: '/approval-processes/:code/versions/:version',
    summary: '流程版本 One stored chain version',
    access: admin,
    params: VersionParams,
    response: ChainVersionView,
  },
  saveChain: {
    method: 'PUT',
    path: '/approval-processes/:code/chain',
    summary: '保存审批流程（新版本） Save the chain as a new version',
    access: admin,
    params: CodeParams,
    body: SaveChainBody,
    response: ApprovalProcessDetail,
  },
});
