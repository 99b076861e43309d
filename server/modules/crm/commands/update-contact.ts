import { eq, sql } from 'drizzle-orm';
import { maskPhone } from '../../../../core/crm/phone.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import type { UpdateContactBody } from '../../../../core/crm/crm.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { contacts } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { checkedPhone } from './checked-fields.ts';
import { loadContactForChange } from './load-contact-for-change.ts';

/**
 * Edits a contact (stale `version` → 409). A reader without `contact.phone` who sends back the
 * masked phone leaves the stored number unchanged.
 */
export async function updateContact(ctx: Ctx, id: string, input: UpdateContactBody): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadContactForChange(tx, ctx, id);
    checkVersion(before, input.version);
    let phone = input.phone;
    if (
      phone !== undefined &&
      phone !== null &&
      before.phone &&
      !hasPermission(ctx.actor, 'contact.phone') &&
      phone.trim() === maskPhone(before.phone)
    ) {
      phone = undefined;
    }
    const fields = {
      name: input.name?.trim(),
      title: blankToNull(input.title),
      decisionRole: input.decisionRole,
      phone: checkedPhone(phone, ctx.actor.locale),
      email: blankToNull(input.email),
      wechat: blankToNull(input.wechat),
      notes: blankToNull(input.notes),
    };
    const changes = diffFields(before as unknown as Record<string, unknown>, fields);
    if (!changes) return;
    const next = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    // the row is locked and its version checked: the update cannot miss it
    await tx
      .update(contacts)
      .set({
        ...fields,
        searchText: buildSearchText([next.name, next.email, next.wechat], [next.phone]),
        version: sql`${contacts.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(eq(contacts.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'contact.update',
      entityType: 'contact',
      entityId: id,
      changes: hasPermission(ctx.actor, 'contact.phone') ? changes : maskChanges(changes),
    });
  });
}

function maskChanges(changes: Record<string, { before: unknown; after: unknown }>) {
  const p = changes.phone;
  if (!p) return changes;
  return { ...changes, phone: { before: typeof p.before === 'string' ? maskPhone(p.before) : p.before, after: p.after } };
}
