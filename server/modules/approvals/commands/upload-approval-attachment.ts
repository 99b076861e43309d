import { createHash } from 'node:crypto';
import { AppError } from '../../../../core/errors.ts';
import { attachmentContentType, cleanFileName, MAX_ATTACHMENT_MB } from '../../../../core/approvals/attachments.ts';
import { canActOnTask } from '../../../../core/approvals/engine.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { approvalAttachments, approvalFiles, approvalTasks } from '../../../db/schema.ts';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { isParticipant, lockRequest } from '../../../approvals/requests.ts';

export interface UploadAttachmentInput {
  fileName: string;
  contentBase64: string;
}

/**
 * Uploads a file for the caller's next action on a request (approve, return, resubmit…): the
 * requester or a current approver, while the request is open. The content is stored once per
 * SHA-256; the attachment joins the timeline when an action names it.
 */
export async function uploadApprovalAttachment(ctx: Ctx, requestId: string, input: UploadAttachmentInput): Promise<string> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  const fileName = cleanFileName(input.fileName);
  const contentType = attachmentContentType(fileName);
  if (!fileName || !contentType) {
    throw fieldErrors(ctx.actor.locale, {
      fileName: {
        zh: '不支持的文件类型（支持 Office 文档、PDF、图片、文本和压缩包）',
        en: 'file type not allowed (office documents, PDF, images, text, archives)',
      },
    });
  }
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw fieldErrors(ctx.actor.locale, { contentBase64: { zh: '文件为空', en: 'the file is empty' } });
  if (content.length > MAX_ATTACHMENT_MB * 1024 * 1024) throw new AppError('payload_too_large');
  const sha256 = createHash('sha256').update(content).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (!r || !(await isParticipant(tx, r, userId))) throw new AppError('not_found');
    const tasks = await tx.select().from(approvalTasks).where(eq(approvalTasks.requestId, r.id));
    const mayAct = r.requesterId === userId || tasks.some((t) => canActOnTask(t, userId));
    if (!mayAct) throw new AppError('forbidden', {}, { reason: 'only the requester or a current approver can attach files' });
    if (r.state !== 'pending' && r.state !== 'returned') {
      throw stateConflict(ctx.actor.locale, { zh: '审批已结束', en: 'the request is closed' });
    }
    await tx.insert(approvalFiles).values({ sha256, size: content.length, content, createdAt: ctx.now }).onConflictDoNothing();
    const [row] = await tx
      .insert(approvalAttachments)
      .values({ requestId: r.id, fileName, contentType, size: content.length, sha256, uploadedBy: userId, createdAt: ctx.now })
      .returning({ id: approvalAttachments.id });
    if (!row) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'approval_attachment.upload',
      entityType: 'approval_request',
      entityId: r.id,
      changes: { attachment: { before: null, after: { id: row.id, fileName, size: content.length, sha256 } } },
    });
    return row.id;
  });
}
