import { eq } from 'drizzle-orm';
import { CUSTOMER_STATUSES, optionLabel } from '../../../../core/crm/options.ts';
import type { UpdateCustomerBody } from '../../../../core/crm/crm.schema.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { customers } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { customerVisibility } from '../../../policies/visibility.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { crmMessages } from '../crm.messages.ts';
import { findDuplicates } from '../queries/duplicates.ts';
import { checkedCreditCode } from './checked-fields.ts';
import { editedIdentity } from './company-identity.ts';
import { isUniqueViolation, refuseDuplicates } from './refuse-duplicates.ts';

/** A customer status in both languages ('' for none), for the timeline title. */
const statusLabel = (status: string | null) => ({
  zh: optionLabel(CUSTOMER_STATUSES, status, 'zh-CN'),
  en: optionLabel(CUSTOMER_STATUSES, status, 'en'),
});

/**
 * Edits a customer the actor may manage (stale `version` → 409). A new name or credit code is
 * checked for duplicates like a new customer; the owner changes only through a transfer.
 */
export async function updateCustomer(ctx: Ctx, id: string, input: UpdateCustomerBody): Promise<void> {
  requirePermission(ctx.actor, 'customer.manage');
  const locale = ctx.actor.locale;
  const creditCode = checkedCreditCode(input.creditCode, locale);
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await loadVisible(tx, customers, id, await customerVisibility(tx, ctx.actor, 'customer.manage'), { lock: true });
      checkVersion(before, input.version);
      const identity = await editedIdentity(tx, ctx.actor, 'customer', id, before, input, creditCode);
      const fields = {
        name: identity.fields.name,
        creditCode: identity.fields.creditCode,
        industry: input.industry,
        region: identity.fields.region,
        province: identity.fields.province,
        level: input.level,
        source: input.source,
        status: input.status,
        address: blankToNull(input.address),
        notes: blankToNull(input.notes),
      };
      const changes = diffFields(before as unknown as Record<string, unknown>, fields);
      if (!changes) return;
      // the row is locked and its version checked: the update cannot miss it
      await tx
        .update(customers)
        .set({
          ...fields,
          nameKey: identity.nameKey,
          searchText: identity.searchText,
          version: before.version + 1,
          updatedAt: ctx.now,
        })
        .where(eq(customers.id, id));
      if (changes.status) {
        await appendTimeline(tx, {
          at: ctx.now,
          kind: 'customer.status',
          entityType: 'customer',
          entityId: id,
          customerId: id,
          actorId: ctx.actor.userId,
          title: crmMessages.message('timeline.customer_status', {
            from: statusLabel(before.status),
            to: statusLabel(input.status ?? null),
          }),
          data: { from: before.status, to: input.status ?? null },
        });
      }
      await appendAudit(tx, ctx.actor, ctx.now, { action: 'customer.update', entityType: 'customer', entityId: id, changes });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      refuseDuplicates(await findDuplicates(ctx.db, ctx.actor, 'customer', { creditCode, excludeId: id }), false, locale, 'customer');
    throw e;
  }
}
