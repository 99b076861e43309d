import { createHash } from 'node:crypto';
import { AppError } from '../../../../core/errors.ts';
import { attachmentContentType, cleanFileName, MAX_ATTACHMENT_MB } from '../../../../core/approvals/attachments.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { approvalFiles, leadAttachments, leads } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { leadVisibility } from '../../../policies/visibility.ts';
import { requireLeadAction } from '../lead-actions.ts';
import { appendLeadTimeline } from '../lead-timeline.ts';
import { intakeMessages } from '../intake.messages.ts';

/**
 * Attaches original material (信息原始资料: the mail, a scanned fax, the tender notice…) to a
 * lead. The content is stored once per SHA-256 in the shared file store, with the same type and
 * size rules as approval attachments; it is always served as a download.
 */
export async function uploadLeadAttachment(ctx: Ctx, leadId: string, input: { fileName: string; contentBase64: string }): Promise<string> {
  requirePermission(ctx.actor, 'lead.read');
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
    const lead = await loadVisible(tx, leads, leadId, await leadVisibility(tx, ctx.actor), { lock: true });
    requireLeadAction(ctx.actor, lead, 'attach');
    await tx.insert(approvalFiles).values({ sha256, size: content.length, content, createdAt: ctx.now }).onConflictDoNothing();
    const [row] = await tx
      .insert(leadAttachments)
      .values({ leadId, fileName, contentType, size: content.length, sha256, uploadedBy: ctx.actor.userId, createdAt: ctx.now })
      .returning({ id: leadAttachments.id });
    if (!row) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.attachment_upload',
      entityType: 'lead',
      entityId: leadId,
      changes: { attachment: { before: null, after: { id: row.id, fileName, size: content.length, sha256 } } },
    });
    await appendLeadTimeline(tx, ctx, lead, {
      kind: 'lead.attachment',
      title: intakeMessages.message('timeline.attachment', { file: fileName }),
      data: { attachmentId: row.id },
    });
    return row.id;
  });
}
