import { AppError } from '../../../../core/errors.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { placeOf } from '../../../../core/crm/place.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import type { CreateCustomerBody } from '../../../../core/crm/crm.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { customers } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { findDuplicates } from '../queries/duplicates.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { crmMessages } from '../crm.messages.ts';
import { checkedCreditCode } from './checked-fields.ts';
import { resolveOwner } from './record-owner.ts';
import { isUniqueViolation, refuseDuplicates } from './refuse-duplicates.ts';

/**
 * Registers a customer (客户). Refuses a second record with the same credit code, and one with a
 * very similar name unless `confirmDuplicate`; the new customer starts its timeline.
 */
export async function createCustomer(ctx: Ctx, input: CreateCustomerBody): Promise<string> {
  requirePermission(ctx.actor, 'customer.manage');
  const locale = ctx.actor.locale;
  const creditCode = checkedCreditCode(input.creditCode, locale) ?? null;
  const name = input.name.trim();
  const place = placeOf(input, creditCode);
  try {
    return await ctx.db.transaction(async (tx) => {
      const owner = await resolveOwner(tx, ctx.actor, input.ownerUserId, 'customer.transfer');
      refuseDuplicates(await findDuplicates(tx, ctx.actor, 'customer', { name, creditCode }), input.confirmDuplicate, locale, 'customer');
      const values = {
        name,
        nameKey: companyNameKey(name),
        creditCode,
        industry: input.industry ?? null,
        region: place.region ?? null,
        province: place.province ?? null,
        level: input.level ?? null,
        source: input.source ?? null,
        status: input.status ?? 'potential',
        address: blankToNull(input.address) ?? null,
        notes: blankToNull(input.notes) ?? null,
        ownerUserId: owner.id,
        departmentId: owner.departmentId,
        searchText: buildSearchText([name, creditCode]),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const [row] = await tx.insert(customers).values(values).returning({ id: customers.id });
      if (!row) throw new AppError('internal');
      await appendTimeline(tx, {
        at: ctx.now,
        kind: 'customer.created',
        entityType: 'customer',
        entityId: row.id,
        customerId: row.id,
        actorId: ctx.actor.userId,
        title: crmMessages.message('timeline.customer_created', { name }),
        data: { name, owner: owner.displayName },
      });
      const { searchText: _s, nameKey: _k, createdAt: _c, updatedAt: _u, createdBy: _b, ...audited } = values;
      await appendAudit(tx, ctx.actor, ctx.now, {
        action: 'customer.create',
        entityType: 'customer',
        entityId: row.id,
        changes: diffFields({}, audited),
      });
      return row.id;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      refuseDuplicates(await findDuplicates(ctx.db, ctx.actor, 'customer', { creditCode }), false, locale, 'customer');
    throw e;
  }
}
