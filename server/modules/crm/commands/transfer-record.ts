import { eq, inArray } from 'drizzle-orm';
import type { TransferBody } from '../../../../core/crm/crm.schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { customerTransferredEvent, partnerTransferredEvent } from '../crm-events.ts';
import { customers, partners, users } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { notify } from '../../../notifications/notify.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../../../policies/visibility.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { crmMessages } from '../crm.messages.ts';
import { resolveOwner } from './record-owner.ts';

/**
 * Hands a customer (or a channel partner) to another owner: the record's department follows the
 * new owner, the change is audited with before/after, written on the customer's timeline, and
 * the new owner is notified.
 */
export async function transferRecord(ctx: Ctx, kind: 'customer' | 'partner', id: string, body: TransferBody): Promise<void> {
  const permission = kind === 'customer' ? 'customer.transfer' : 'partner.manage';
  requirePermission(ctx.actor, permission);
  const en = ctx.actor.locale === 'en';
  const t = kind === 'customer' ? customers : partners;
  await ctx.db.transaction(async (tx) => {
    const vis =
      kind === 'customer' ? await customerVisibility(tx, ctx.actor, permission) : await partnerVisibility(tx, ctx.actor, permission);
    const before = await loadVisible(tx, t, id, vis, { lock: true });
    checkVersion(before, body.version);
    const owner = await resolveOwner(tx, ctx.actor, body.ownerUserId, permission);
    if (owner.id === before.ownerUserId) {
      throw fieldErrors(ctx.actor.locale, { ownerUserId: { zh: '已是当前负责人', en: 'already the owner' } });
    }
    const [prev] = before.ownerUserId
      ? await tx
          .select({ name: users.displayName })
          .from(users)
          .where(inArray(users.id, [before.ownerUserId]))
      : [];
    const fromName = prev?.name ?? (en ? 'none' : '无');
    // the row is locked and its version checked: the update cannot miss it
    await tx
      .update(t)
      .set({ ownerUserId: owner.id, departmentId: owner.departmentId, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(t.id, id));
    const note = body.note?.trim() || null;
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: `${kind}.transfer`,
      entityType: kind,
      entityId: id,
      changes: {
        ownerUserId: { before: before.ownerUserId, after: owner.id },
        departmentId: { before: before.departmentId, after: owner.departmentId },
      },
      detail: note,
    });
    if (kind === 'customer') {
      await appendTimeline(tx, {
        at: ctx.now,
        kind: 'customer.transferred',
        entityType: 'customer',
        entityId: id,
        customerId: id,
        actorId: ctx.actor.userId,
        title: crmMessages.message('timeline.customer_transferred', {
          from: prev?.name ?? { zh: '无', en: 'none' },
          to: owner.displayName,
        }),
        summary: note,
        data: { from: fromName, to: owner.displayName },
      });
    }
    if (owner.id !== ctx.actor.userId) {
      await notify(tx, ctx.now, {
        event: kind === 'customer' ? customerTransferredEvent : partnerTransferredEvent,
        recipientUserIds: [owner.id],
        params: { name: before.name, from: fromName, by: ctx.actor.displayName ?? '', note: note ?? '' },
        subject: { type: kind, id },
        link: `/${kind === 'customer' ? 'customers' : 'partners'}/${id}`,
      });
    }
  });
}
