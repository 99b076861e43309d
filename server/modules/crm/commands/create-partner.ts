import { AppError } from '../../../../core/errors.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { placeOf } from '../../../../core/crm/place.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import type { CreatePartnerBody } from '../../../../core/crm/crm.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { partners } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { findDuplicates } from '../queries/duplicates.ts';
import { checkedCreditCode } from './checked-fields.ts';
import { resolveOwner } from './record-owner.ts';
import { isUniqueViolation, refuseDuplicates } from './refuse-duplicates.ts';

/** Registers a channel partner or dealer (渠道商 / 经销商), with the same duplicate rules as customers. */
export async function createPartner(ctx: Ctx, input: CreatePartnerBody): Promise<string> {
  requirePermission(ctx.actor, 'partner.manage');
  const locale = ctx.actor.locale;
  const creditCode = checkedCreditCode(input.creditCode, locale) ?? null;
  const name = input.name.trim();
  const place = placeOf(input, creditCode);
  try {
    return await ctx.db.transaction(async (tx) => {
      const owner = await resolveOwner(tx, ctx.actor, input.ownerUserId, 'partner.manage');
      refuseDuplicates(await findDuplicates(tx, ctx.actor, 'partner', { name, creditCode }), input.confirmDuplicate, locale, 'partner');
      const values = {
        name,
        nameKey: companyNameKey(name),
        kind: input.kind ?? 'channel',
        creditCode,
        region: place.region ?? null,
        province: place.province ?? null,
        level: input.level ?? null,
        status: input.status ?? 'active',
        address: blankToNull(input.address) ?? null,
        notes: blankToNull(input.notes) ?? null,
        ownerUserId: owner.id,
        departmentId: owner.departmentId,
        searchText: buildSearchText([name, creditCode]),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const [row] = await tx.insert(partners).values(values).returning({ id: partners.id });
      if (!row) throw new AppError('internal');
      const { searchText: _s, nameKey: _k, createdAt: _c, updatedAt: _u, createdBy: _b, ...audited } = values;
      await appendAudit(tx, ctx.actor, ctx.now, {
        action: 'partner.create',
        entityType: 'partner',
        entityId: row.id,
        changes: diffFields({}, audited),
      });
      return row.id;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      refuseDuplicates(await findDuplicates(ctx.db, ctx.actor, 'partner', { creditCode }), false, locale, 'partner');
    throw e;
  }
}
