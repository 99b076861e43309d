import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../db/client.ts';
import { approvalActions, approvalAttachments, users } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import type { EventParams } from '../notifications/notify.ts';
import type { ApprovalNoticeParam } from './effects.ts';
import { getApprovalProcess } from './processes.ts';
import type { RequestRow } from './rows.ts';

/** A request's timeline entries and the parameters of its notifications. */

export async function userName(tx: Db, id: string | null): Promise<string> {
  if (!id) return '';
  return (await tx.select({ n: users.displayName }).from(users).where(eq(users.id, id)).limit(1))[0]?.n ?? '';
}

/** Parameters every approval notification template can use. */
export async function noticeParams(
  tx: Db,
  r: RequestRow,
  extra: Partial<Record<ApprovalNoticeParam, string>> = {},
): Promise<EventParams<ApprovalNoticeParam>> {
  const p = getApprovalProcess(r.processCode);
  return {
    title: r.title,
    requester: await userName(tx, r.requesterId),
    process: p?.labelZh ?? r.processCode,
    processEn: p?.labelEn ?? r.processCode,
    step: '',
    actor: '',
    comment: '',
    onBehalf: '',
    onBehalfEn: '',
    ...extra,
  };
}

export interface ActionRecord {
  action: string;
  stepId?: string | null;
  comment?: string | null | undefined;
  subjectVersion?: number | null;
  onBehalfOfId?: string | null;
  details?: Record<string, unknown> | null;
  attachmentIds?: readonly string[] | undefined;
}

/** Appends a timeline entry and links the attachments the actor uploaded for it. */
export async function recordAction(tx: Db, ctx: Ctx, r: RequestRow, a: ActionRecord): Promise<number> {
  const [row] = await tx
    .insert(approvalActions)
    .values({
      requestId: r.id,
      round: r.round,
      stepId: a.stepId ?? null,
      action: a.action,
      actorId: ctx.actor.userId,
      onBehalfOfId: a.onBehalfOfId ?? null,
      comment: a.comment?.trim() ? a.comment.trim() : null,
      subjectVersion: a.subjectVersion ?? null,
      details: a.details ?? null,
      at: ctx.now,
    })
    .returning({ id: approvalActions.id });
  if (!row) throw new AppError('internal');
  const ids = [...new Set(a.attachmentIds ?? [])];
  if (ids.length) {
    const linked = await tx
      .update(approvalAttachments)
      .set({ actionId: row.id })
      .where(
        and(
          inArray(approvalAttachments.id, ids),
          eq(approvalAttachments.requestId, r.id),
          eq(approvalAttachments.uploadedBy, ctx.actor.userId ?? ''),
          isNull(approvalAttachments.actionId),
        ),
      )
      .returning({ id: approvalAttachments.id });
    if (linked.length !== ids.length) {
      throw new AppError('validation_failed', {}, { fields: { 'body.attachmentIds': 'unknown or already used attachment' } });
    }
  }
  return row.id;
}
