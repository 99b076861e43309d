import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { companyNameKey } from '../../core/crm/name-key.ts';
import { buildSearchText } from '../../core/crm/search-text.ts';
import type { UpdatePartnerBody } from '../../core/schemas/customers.schema.ts';
import { appendAudit, diffFields } from '../audit/audit-log.ts';
import { partners } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { requirePermission } from '../policies/policy.ts';
import { partnerVisibility } from '../policies/visibility.ts';
import { findDuplicates } from '../queries/customers.ts';
import { blankToNull, checkedCreditCode, isUniqueViolation, placeOf, refuseDuplicates } from './support/crm.ts';
import { staleOrMissing } from './support/guards.ts';

/** Edits a channel partner / dealer the actor may manage (stale `version` → 409), duplicates checked. */
export async function updatePartner(ctx: Ctx, id: string, input: UpdatePartnerBody): Promise<void> {
  requirePermission(ctx.actor, 'partner.manage');
  const locale = ctx.actor.locale;
  const creditCode = checkedCreditCode(input.creditCode, locale);
  try {
    await ctx.db.transaction(async (tx) => {
      const vis = await partnerVisibility(tx, ctx.actor, 'partner.manage');
      const [before] = await tx.select().from(partners).where(and(eq(partners.id, id), vis)).limit(1).for('update');
      if (!before) throw new AppError('not_found');
      if (before.version !== input.version) staleOrMissing(before);
      const name = input.name?.trim();
      const nameChanged = name !== undefined && name !== before.name;
      const codeChanged = creditCode !== undefined && creditCode !== before.creditCode;
      if (nameChanged || codeChanged) {
        const matches = await findDuplicates(tx, ctx.actor, 'partner', {
          name: nameChanged ? name : undefined, creditCode: codeChanged ? creditCode : null, excludeId: id,
        });
        refuseDuplicates(matches, input.confirmDuplicate, locale, 'partner');
      }
      const place = input.province !== undefined || input.region !== undefined || codeChanged
        ? placeOf(
          { province: input.province !== undefined ? input.province : before.province, region: input.region !== undefined ? input.region : before.region },
          creditCode !== undefined ? creditCode : before.creditCode,
        )
        : { province: undefined, region: undefined };
      const fields = {
        name,
        kind: input.kind,
        creditCode,
        region: place.region,
        province: place.province,
        level: input.level,
        status: input.status,
        address: blankToNull(input.address),
        notes: blankToNull(input.notes),
      };
      const changes = diffFields(before as unknown as Record<string, unknown>, fields);
      if (!changes) return;
      const nextName = name ?? before.name;
      const nextCode = creditCode !== undefined ? creditCode : before.creditCode;
      const res = await tx
        .update(partners)
        .set({ ...fields, nameKey: companyNameKey(nextName), searchText: buildSearchText([nextName, nextCode]), version: before.version + 1, updatedAt: ctx.now })
        .where(and(eq(partners.id, id), eq(partners.version, input.version)))
        .returning({ id: partners.id });
      if (!res[0]) staleOrMissing(before);
      await appendAudit(tx, ctx.actor, ctx.now, { action: 'partner.update', entityType: 'partner', entityId: id, changes });
    });
  } catch (e) {
    if (isUniqueViolation(e)) refuseDuplicates(await findDuplicates(ctx.db, ctx.actor, 'partner', { creditCode, excludeId: id }), false, locale, 'partner');
    throw e;
  }
}
