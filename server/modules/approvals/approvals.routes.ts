import { approvalProcessesContract, approvalsContract } from '../../../core/approvals/approvals.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { addApprovalApprover } from './commands/add-approval-approver.ts';
import { cancelApprovalDelegation } from './commands/cancel-approval-delegation.ts';
import { createApprovalDelegation } from './commands/create-approval-delegation.ts';
import { decideApproval } from './commands/decide-approval.ts';
import { resubmitApprovalRequest } from './commands/resubmit-approval.ts';
import { saveApprovalChain } from './commands/save-approval-chain.ts';
import { uploadApprovalAttachment } from './commands/upload-approval-attachment.ts';
import { withdrawApproval } from './commands/withdraw-approval.ts';
import {
  approvalCounts,
  getApprovalAttachment,
  getApprovalDetail,
  getUploadedAttachment,
  listApprovals,
  listDelegations,
  userOptions,
} from './queries/approvals.ts';
import { getChainVersion, getProcessDetail, listProcesses } from './queries/approval-processes.ts';

/**
 * 审批: the generic approval routes every module shares — my approvals, a request's detail, the
 * actions on it, attachments, delegation while away — and the chain editor for administrators.
 * Who may act is decided by the engine per request (participants only; others get 404).
 */
export function approvalsRoutes(api: Api, services: AppServices): void {
  const detail = async (ctx: Ctx, id: string) => {
    const view = await getApprovalDetail(ctx.db, ctx.actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, approvalsContract, {
    list: async ({ ctx, query }) => listApprovals(ctx.db, ctx.actor, query),
    counts: async ({ ctx }) => approvalCounts(ctx.db, ctx.actor),
    get: async ({ ctx, params }) => detail(ctx, params.id),
    approve: async ({ ctx, params, body }) => {
      await decideApproval(ctx, params.id, 'approve', body);
      return detail(ctx, params.id);
    },
    reject: async ({ ctx, params, body }) => {
      await decideApproval(ctx, params.id, 'reject', body);
      return detail(ctx, params.id);
    },
    return: async ({ ctx, params, body }) => {
      await decideApproval(ctx, params.id, 'return', body);
      return detail(ctx, params.id);
    },
    addApprover: async ({ ctx, params, body }) => {
      await addApprovalApprover(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    withdraw: async ({ ctx, params, body }) => {
      await withdrawApproval(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    resubmit: async ({ ctx, params, body }) => {
      await resubmitApprovalRequest(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    uploadAttachment: async ({ ctx, params, body }) => {
      const id = await uploadApprovalAttachment(ctx, params.id, body);
      const view = await getUploadedAttachment(ctx.db, id);
      if (!view) throw new AppError('internal');
      return view;
    },
    downloadAttachment: async ({ ctx, params, reply }) => {
      const file = await getApprovalAttachment(ctx.db, ctx.actor, params.id, params.attachmentId);
      if (!file) throw new AppError('not_found');
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(file.content);
    },
    delegations: async ({ ctx }) => listDelegations(ctx.db, ctx.actor, ctx.now),
    createDelegation: async ({ ctx, body }) => {
      await createApprovalDelegation(ctx, body);
      return listDelegations(ctx.db, ctx.actor, ctx.now);
    },
    cancelDelegation: async ({ ctx, params }) => {
      await cancelApprovalDelegation(ctx, params.id);
      return { ok: true as const };
    },
    userOptions: async ({ ctx, query }) => userOptions(ctx.db, query.q),
  });

  const process = async (ctx: Ctx, code: string) => {
    const view = await getProcessDetail(ctx.db, ctx.actor.locale, code);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, approvalProcessesContract, {
    list: async ({ ctx }) => ({ processes: await listProcesses(ctx.db, ctx.actor.locale) }),
    get: async ({ ctx, params }) => process(ctx, params.code),
    version: async ({ ctx, params }) => {
      const view = await getChainVersion(ctx.db, params.code, params.version);
      if (!view) throw new AppError('not_found');
      return view;
    },
    saveChain: async ({ ctx, params, body }) => {
      await saveApprovalChain(ctx, params.code, body);
      return process(ctx, params.code);
    },
  });
}
