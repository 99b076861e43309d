import { AppError } from '../../../../core/errors.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import type { CreateContactBody } from '../../../../core/crm/crm.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { contacts, customers, partners } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../../../policies/visibility.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { crmMessages } from '../crm.messages.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { checkedPhone } from './checked-fields.ts';

/** Adds a contact (联系人) to a customer or a partner the actor may manage; it joins the customer's timeline. */
export async function createContact(ctx: Ctx, input: CreateContactBody): Promise<string> {
  if ((input.customerId ? 1 : 0) + (input.partnerId ? 1 : 0) !== 1) {
    throw fieldErrors(ctx.actor.locale, {
      customerId: { zh: '请选择所属客户或渠道商（二选一）', en: 'give either a customer or a partner' },
    });
  }
  requirePermission(ctx.actor, input.customerId ? 'customer.manage' : 'partner.manage');
  const phone = checkedPhone(input.phone, ctx.actor.locale) ?? null;
  return ctx.db.transaction(async (tx) => {
    let customerId: string | null = null;
    let partnerId: string | null = null;
    if (input.customerId) {
      customerId = (await loadVisible(tx, customers, input.customerId, await customerVisibility(tx, ctx.actor, 'customer.manage'))).id;
    } else if (input.partnerId) {
      partnerId = (await loadVisible(tx, partners, input.partnerId, await partnerVisibility(tx, ctx.actor, 'partner.manage'))).id;
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
        at: ctx.now,
        kind: 'contact.created',
        entityType: 'contact',
        entityId: row.id,
        customerId,
        actorId: ctx.actor.userId,
        title: crmMessages.message('timeline.contact_created', { name }),
        summary: values.title,
        data: { name, decisionRole: values.decisionRole },
      });
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'contact.create',
      entityType: 'contact',
      entityId: row.id,
      changes: diffFields({}, values),
    });
    return row.id;
  });
}
