import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { buildSearchText } from '../../core/crm/search-text.ts';
import type { CreateContactBody } from '../../core/schemas/customers.schema.ts';
import { appendAudit, diffFields } from '../audit/audit-log.ts';
import { contacts, customers, partners } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { requirePermission } from '../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../policies/visibility.ts';
import { appendTimeline } from '../timeline/timeline.ts';
import { blankToNull, checkedPhone } from './support/crm.ts';

/** Adds a contact (联系人) to a customer or a partner the actor may manage; it joins the customer's timeline. */
export async function createContact(ctx: Ctx, input: CreateContactBody): Promise<string> {
  const en = ctx.actor.locale === 'en';
  if ((input.customerId ? 1 : 0) + (input.partnerId ? 1 : 0) !== 1) {
    const msg = en ? 'give either a customer or a partner' : '请选择所属客户或渠道商（二选一）';
    throw new AppError('validation_failed', {}, { fields: { 'body.customerId': msg } });
  }
  requirePermission(ctx.actor, input.customerId ? 'customer.manage' : 'partner.manage');
  const phone = checkedPhone(input.phone, ctx.actor.locale) ?? null;
  return ctx.db.transaction(async (tx) => {
    let customerId: string | null = null;
    let partnerId: string | null = null;
    if (input.customerId) {
      const vis = await customerVisibility(tx, ctx.actor, 'customer.manage');
      const [c] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.id, input.customerId), vis)).limit(1);
      if (!c) throw new AppError('not_found');
      customerId = c.id;
    } else if (input.partnerId) {
      const vis = await partnerVisibility(tx, ctx.actor, 'partner.manage');
      const [p] = await tx.select({ id: partners.id }).from(partners).where(and(eq(partners.id, input.partnerId), vis)).limit(1);
      if (!p) throw new AppError('not_found');
      partnerId = p.id;
    }
    const name = input.name.trim();
    const values = {
      customerId,
      partnerId,
      name,
      title: blankToNull(input.title) ?? null,
      decisionRole: input.decisionRole ?? null,
      phone,
      email: blankToNull(input.email) ?? null,
      wechat: blankToNull(input.wechat) ?? null,
      notes: blankToNull(input.notes) ?? null,
    };
    const [row] = await tx
      .insert(contacts)
      .values({
        ...values,
        searchText: buildSearchText([name, values.email, values.wechat], [phone]),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: contacts.id });
    if (!row) throw new AppError('internal');
    if (customerId) {
      await appendTimeline(tx, {
        at: ctx.now, kind: 'contact.created', entityType: 'contact', entityId: row.id, customerId, actorId: ctx.actor.userId,
        title: `新增联系人「${name}」`, summary: values.title, data: { name, decisionRole: values.decisionRole },
      });
    }
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'contact.create', entityType: 'contact', entityId: row.id, changes: diffFields({}, values) });
    return row.id;
  });
}
