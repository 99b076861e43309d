import { eq } from 'drizzle-orm';
import type { UpdatePartnerBody } from '../../../../core/crm/crm.schema.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { partners } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { partnerVisibility } from '../../../policies/visibility.ts';
import { findDuplicates } from '../queries/duplicates.ts';
import { checkedCreditCode } from './checked-fields.ts';
import { editedIdentity } from './company-identity.ts';
import { isUniqueViolation, refuseDuplicates } from './refuse-duplicates.ts';

/** Edits a channel partner / dealer the actor may manage (stale `version` → 409), duplicates checked. */
export async function updatePartner(ctx: Ctx, id: string, input: UpdatePartnerBody): Promise<void> {
  requirePermission(ctx.actor, 'partner.manage');
  const locale = ctx.actor.locale;
  const creditCode = checkedCreditCode(input.creditCode, locale);
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await loadVisible(tx, partners, id, await partnerVisibility(tx, ctx.actor, 'partner.manage'), { lock: true });
      checkVersion(before, input.version);
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
      // the row is locked and its version checked: the update cannot miss it
      await tx
        .update(partners)
        .set({ ...fields, nameKey: identity.nameKey, searchText: identity.searchText, version: before.version + 1, updatedAt: ctx.now })
        .where(eq(partners.id, id));
      await appendAudit(tx, ctx.actor, ctx.now, { action: 'partner.update', entityType: 'partner', entityId: id, changes });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      refuseDuplicates(await findDuplicates(ctx.db, ctx.actor, 'partner', { creditCode, excludeId: id }), false, locale, 'partner');
    throw e;
  }
}
