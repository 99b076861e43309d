import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { MAX_ATTACHMENT_MB } from '../../../core/approvals/attachments.ts';
import {
  AddApproverBody, ApprovalCounts, ApprovalDetail, ApprovalListQuery, ApprovalPage, ApprovalProcessDetail, ApprovalProcessList, ApproveBody,
  AttachmentView, ChainVersionView, CreateDelegationBody, DecisionBody, DelegationView, OptionalCommentBody, SaveChainBody, UploadAttachmentBody,
  UserOption, UserOptionQuery,
} from '../../../core/schemas/approvals.schema.ts';
import { OkBody } from '../../../core/schemas/common.schema.ts';
import { decideApproval } from '../../commands/decide-approval.ts';
import { addApprovalApprover } from '../../commands/add-approval-approver.ts';
import { withdrawApproval } from '../../commands/withdraw-approval.ts';
import { resubmitApprovalRequest } from '../../commands/resubmit-approval.ts';
import { uploadApprovalAttachment } from '../../commands/upload-approval-attachment.ts';
import { createApprovalDelegation } from '../../commands/create-approval-delegation.ts';
import { cancelApprovalDelegation } from '../../commands/cancel-approval-delegation.ts';
import { saveApprovalChain } from '../../commands/save-approval-chain.ts';
import {
  approvalCounts, getApprovalAttachment, getApprovalDetail, getChainVersion, getProcessDetail, getUploadedAttachment, listApprovals,
  listDelegations, listProcesses, userOptions,
} from '../../queries/approvals.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['approvals'];
const IdParams = z.object({ id: z.string().uuid() });
const AttachmentParams = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() });
const CodeParams = z.object({ code: z.string().min(1).max(100) });
const VersionParams = z.object({ code: z.string().min(1).max(100), version: z.coerce.number().int().min(1) });

/**
 * 审批: the generic approval routes every module shares — my approvals, a request's detail, the
 * actions on it, attachments, delegation while away — and the chain editor for administrators.
 * Who may act is decided by the engine per request (participants only; others get 404).
 */
export async function approvalsRoutes(api: Api, services: AppServices) {
  const detail = async (actor: Actor, id: string) => {
    const view = await getApprovalDetail(services.db, actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/approvals', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的审批 My approvals (waiting / mine / done)', querystring: ApprovalListQuery, response: { 200: ApprovalPage, ...errorResponses } },
  }, async (req) => listApprovals(services.db, req.actor, req.query));

  api.get('/approvals/counts', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '待办数量 Counts for the menu badge', response: { 200: ApprovalCounts, ...errorResponses } },
  }, async (req) => approvalCounts(services.db, req.actor));

  api.get('/approvals/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '审批详情 An approval request', params: IdParams, response: { 200: ApprovalDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, req.params.id));

  api.post('/approvals/:id/approve', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: '同意 Approve (the subject version reviewed)', params: IdParams, body: ApproveBody, response: { 200: ApprovalDetail, ...errorResponses },
    },
  }, async (req) => {
    await decideApproval(ctxOf(req, services), req.params.id, 'approve', req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/approvals/:id/reject', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '驳回 Reject (ends the request)', params: IdParams, body: DecisionBody, response: { 200: ApprovalDetail, ...errorResponses } },
  }, async (req) => {
    await decideApproval(ctxOf(req, services), req.params.id, 'reject', req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/approvals/:id/return', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '退回修改 Return for revision', params: IdParams, body: DecisionBody, response: { 200: ApprovalDetail, ...errorResponses } },
  }, async (req) => {
    await decideApproval(ctxOf(req, services), req.params.id, 'return', req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/approvals/:id/add-approver', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '加签 Add an approver', params: IdParams, body: AddApproverBody, response: { 200: ApprovalDetail, ...errorResponses } },
  }, async (req) => {
    await addApprovalApprover(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/approvals/:id/withdraw', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '撤回 Withdraw (requester)', params: IdParams, body: OptionalCommentBody, response: { 200: ApprovalDetail, ...errorResponses } },
  }, async (req) => {
    await withdrawApproval(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/approvals/:id/resubmit', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: '重新提交 Resubmit after a return (requester)', params: IdParams, body: OptionalCommentBody, response: { 200: ApprovalDetail, ...errorResponses },
    },
  }, async (req) => {
    await resubmitApprovalRequest(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/approvals/:id/attachments', {
    config: { access: 'authenticated' },
    bodyLimit: Math.ceil((MAX_ATTACHMENT_MB * 1024 * 1024 * 4) / 3) + 64 * 1024,
    schema: {
      tags, summary: `上传附件 Upload an attachment (base64, ≤ ${MAX_ATTACHMENT_MB} MB)`, params: IdParams, body: UploadAttachmentBody,
      response: { 200: AttachmentView, ...errorResponses },
    },
  }, async (req) => {
    const id = await uploadApprovalAttachment(ctxOf(req, services), req.params.id, req.body);
    const view = await getUploadedAttachment(services.db, id);
    if (!view) throw new AppError('internal');
    return view;
  });

  api.get('/approvals/:id/attachments/:attachmentId', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '下载附件 Download an attachment', params: AttachmentParams },
  }, async (req, reply) => {
    const file = await getApprovalAttachment(services.db, req.actor, req.params.id, req.params.attachmentId);
    if (!file) throw new AppError('not_found');
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(file.content);
  });

  api.get('/approvals/delegations', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的代理设置 My delegations', response: { 200: z.array(DelegationView), ...errorResponses } },
  }, async (req) => listDelegations(services.db, req.actor, services.clock()));

  api.post('/approvals/delegations', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '新建代理 Delegate while away', body: CreateDelegationBody, response: { 200: z.array(DelegationView), ...errorResponses } },
  }, async (req) => {
    await createApprovalDelegation(ctxOf(req, services), req.body);
    return listDelegations(services.db, req.actor, services.clock());
  });

  api.delete('/approvals/delegations/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '取消代理 Cancel a delegation', params: IdParams, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await cancelApprovalDelegation(ctxOf(req, services), req.params.id);
    return { ok: true as const };
  });

  api.get('/approvals/user-options', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '选择人员 Active users to pick (delegate, added approver)', querystring: UserOptionQuery, response: { 200: z.array(UserOption), ...errorResponses } },
  }, async (req) => userOptions(services.db, req.query.q));

  // ---------- 审批流程配置 ----------

  api.get('/approval-processes', {
    config: { access: { permission: 'approval.admin' } },
    schema: { tags, summary: '审批流程列表 Registered approval processes', response: { 200: ApprovalProcessList, ...errorResponses } },
  }, async (req) => ({ processes: await listProcesses(services.db, req.actor.locale) }));

  api.get('/approval-processes/:code', {
    config: { access: { permission: 'approval.admin' } },
    schema: { tags, summary: '审批流程 A process with its chain and versions', params: CodeParams, response: { 200: ApprovalProcessDetail, ...errorResponses } },
  }, async (req) => {
    const view = await getProcessDetail(services.db, req.actor.locale, req.params.code);
    if (!view) throw new AppError('not_found');
    return view;
  });

  api.get('/approval-processes/:code/versions/:version', {
    config: { access: { permission: 'approval.admin' } },
    schema: { tags, summary: '流程版本 One stored chain version', params: VersionParams, response: { 200: ChainVersionView, ...errorResponses } },
  }, async (req) => {
    const view = await getChainVersion(services.db, req.params.code, req.params.version);
    if (!view) throw new AppError('not_found');
    return view;
  });

  api.put('/approval-processes/:code/chain', {
    config: { access: { permission: 'approval.admin' } },
    schema: {
      tags, summary: '保存审批流程（新版本） Save the chain as a new version', params: CodeParams, body: SaveChainBody,
      response: { 200: ApprovalProcessDetail, ...errorResponses },
    },
  }, async (req) => {
    await saveApprovalChain(ctxOf(req, services), req.params.code, req.body);
    const view = await getProcessDetail(services.db, req.actor.locale, req.params.code);
    if (!view) throw new AppError('not_found');
    return view;
  });
}
