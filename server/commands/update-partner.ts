import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { UpdatePartnerBody } from '../../core/schemas/customers.schema.ts';
import { appendAudit, diffFields } from '../audit/audit-log.ts';
import { partners } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { requirePermission } from '../policies/policy.ts';
import { partnerVisibility } from '../policies/visibility.ts';
import { findDuplicates } from '../queries/customers.ts';
import { blankToNull, checkedCreditCode, editedIdentity, isUniqueViolation, refuseDuplicates } from './support/crm.ts';
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
      const identity = await editedIdentity(tx, ctx.actor, 'partner', id, before, input, creditCode);
      const fields = {
        name: identity.fields.name,
        kind: input.kind,
        creditCode: identity.fields.creditCode,
        region: identity.fields.region,
        province: identity.fields.province,
        level: input.level,
        status: input.status,
        address: blankToNull(input.address),
        notes: blankToNull(input.notes),
      };
      const changes = diffFields(before as unknown as Record<string, unknown>, fields);
      if (!changes) return;
      const res = await tx
        .update(partners)
        .set({ ...fields, nameKey: identity.nameKey, searchText: identity.searchText, version: before.version + 1, updatedAt: ctx.now })
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
