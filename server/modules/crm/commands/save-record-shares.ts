import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { recordSharedEvent } from '../crm-events.ts';
import { customers, partners, recordShares, users } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { notify } from '../../../notifications/notify.ts';
import { hasPermission, requirePermission } from '../../../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../../../policies/visibility.ts';

/**
 * Sets the colleagues a customer or partner is explicitly shared with (on top of their roles'
 * data scope): the list replaces the previous one; added colleagues are notified; audited.
 */
export async function saveRecordShares(ctx: Ctx, kind: 'customer' | 'partner', id: string, userIds: string[]): Promise<void> {
  // Whoever may transfer customers may share any customer in scope; an owner may share their own.
  const ownerOnly = kind === 'customer' && !hasPermission(ctx.actor, 'customer.transfer');
  const permission = kind === 'customer' ? (ownerOnly ? 'customer.manage' : 'customer.transfer') : 'partner.manage';
  requirePermission(ctx.actor, permission);
  const t = kind === 'customer' ? customers : partners;
  await ctx.db.transaction(async (tx) => {
    const vis =
      kind === 'customer' ? await customerVisibility(tx, ctx.actor, permission) : await partnerVisibility(tx, ctx.actor, permission);
    const rec = await loadVisible(tx, t, id, vis, { lock: true });
    if (ownerOnly && rec.ownerUserId !== ctx.actor.userId) {
      throw new AppError(
        'forbidden',
        {},
        { reason: ctx.actor.locale === 'en' ? 'only the owner or a manager may share this customer' : '只有负责人或主管可以共享该客户' },
      );
    }
    const next = [...new Set(userIds)].filter((u) => u !== rec.ownerUserId).sort();
    if (next.length) {
      const found = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, next), eq(users.active, true)));
      if (found.length !== next.length)
        throw fieldErrors(ctx.actor.locale, { userIds: { zh: 'unknown or inactive user', en: 'unknown or inactive user' } });
    }
    const current = (
      await tx
        .select({ userId: recordShares.userId })
        .from(recordShares)
        .where(and(eq(recordShares.entityType, kind), eq(recordShares.entityId, id)))
    )
      .map((r) => r.userId)
      .sort();
    const added = next.filter((u) => !current.includes(u));
    const removed = current.filter((u) => !next.includes(u));
    if (added.length === 0 && removed.length === 0) return;
    if (removed.length) {
      await tx
        .delete(recordShares)
        .where(and(eq(recordShares.entityType, kind), eq(recordShares.entityId, id), inArray(recordShares.userId, removed)));
    }
    if (added.length) {
      await tx
        .insert(recordShares)
        .values(added.map((userId) => ({ entityType: kind, entityId: id, userId, grantedBy: ctx.actor.userId, createdAt: ctx.now })));
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: `${kind}.share`,
      entityType: kind,
      entityId: id,
      changes: { sharedWith: { before: current, after: next } },
    });
    if (added.length) {
      await notify(tx, ctx.now, {
        event: recordSharedEvent,
        recipientUserIds: added,
        params: {
          name: rec.name,
          kind: kind === 'customer' ? '客户' : '渠道商',
          kindEn: kind === 'customer' ? 'customer' : 'partner',
          by: ctx.actor.displayName ?? '',
        },
        subject: { type: kind, id },
        link: `/${kind === 'customer' ? 'customers' : 'partners'}/${id}`,
      });
    }
  });
}
