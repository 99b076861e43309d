import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { maskPhone } from '../../core/crm/phone.ts';
import { buildSearchText } from '../../core/crm/search-text.ts';
import type { UpdateContactBody } from '../../core/schemas/customers.schema.ts';
import { appendAudit, diffFields } from '../audit/audit-log.ts';
import { contacts, customers, partners } from '../db/schema.ts';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../kernel/context.ts';
import { hasPermission } from '../policies/policy.ts';
import { contactVisibility } from '../queries/contacts.ts';
import { blankToNull, checkedPhone } from './support/crm.ts';
import { staleOrMissing } from './support/guards.ts';

/** Loads a contact for a change: 404 unless the actor may manage its customer / partner. */
export async function loadContactForChange(tx: Db, ctx: Ctx, id: string): Promise<typeof contacts.$inferSelect> {
  if (!hasPermission(ctx.actor, 'customer.manage') && !hasPermission(ctx.actor, 'partner.manage')) {
    throw new AppError('forbidden', {}, { permission: 'customer.manage' });
  }
  const vis = await contactVisibility(tx, ctx.actor, 'manage');
  const rows = await tx
    .select({ ct: contacts })
    .from(contacts)
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .where(and(eq(contacts.id, id), vis))
    .limit(1)
    .for('update', { of: contacts });
  const r = rows[0];
  if (!r) throw new AppError('not_found');
  return r.ct;
}

/**
 * Edits a contact (stale `version` → 409). A reader without `contact.phone` who sends back the
 * masked phone leaves the stored number unchanged.
 */
export async function updateContact(ctx: Ctx, id: string, input: UpdateContactBody): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadContactForChange(tx, ctx, id);
    if (before.version !== input.version) staleOrMissing(before);
    let phone = input.phone;
    if (phone !== undefined && phone !== null && before.phone && !hasPermission(ctx.actor, 'contact.phone') && phone.trim() === maskPhone(before.phone)) {
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
    const res = await tx
      .update(contacts)
      .set({
        ...fields,
        searchText: buildSearchText([next.name, next.email, next.wechat], [next.phone]),
        version: sql`${contacts.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(and(eq(contacts.id, id), eq(contacts.version, input.version)))
      .returning({ id: contacts.id });
    if (!res[0]) staleOrMissing(before);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'contact.update', entityType: 'contact', entityId: id,
      changes: hasPermission(ctx.actor, 'contact.phone') ? changes : maskChanges(changes),
    });
  });
}

function maskChanges(changes: Record<string, { before: unknown; after: unknown }>) {
  const p = changes.phone;
  if (!p) return changes;
  return { ...changes, phone: { before: typeof p.before === 'string' ? maskPhone(p.before) : p.before, after: p.after } };
}
