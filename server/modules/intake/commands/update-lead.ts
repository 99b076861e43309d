import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { maskPhone } from '../../../../core/crm/phone.ts';
import type { UpdateLeadBody } from '../../../../core/intake/intake.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { leads } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { loadIntakeSettings } from '../queries/intake-settings.ts';
import { hasPermission, requirePermission } from '../../../policies/policy.ts';
import { checkedPhone } from '../../crm/commands/checked-fields.ts';
import { findLeadDuplicates } from './register-lead.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { leadSearchText } from '../../../../core/intake/lead-search-text.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { customerRef } from '../../../kernel/references.ts';
import { leadVisibility } from '../../../policies/visibility.ts';
import { requireLeadAction } from '../lead-actions.ts';
import { appendLeadTimeline } from '../lead-timeline.ts';
import { intakeMessages } from '../intake.messages.ts';

/**
 * Edits a piece of information while it is open (registrar, screener or assignee): title,
 * channel, customer, contact, description, estimate, category. Changing the customer or the
 * title re-runs the duplicate check unless confirmed.
 */
export async function updateLead(ctx: Ctx, id: string, input: UpdateLeadBody & { confirmDuplicate?: boolean }): Promise<void> {
  requirePermission(ctx.actor, 'lead.read');
  const seePhone = hasPermission(ctx.actor, 'contact.phone');
  const settings = await loadIntakeSettings(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const before = await loadVisible(tx, leads, id, await leadVisibility(tx, ctx.actor), { lock: true });
    requireLeadAction(ctx.actor, before, 'edit');
    checkVersion(before, input.version);
    // a reader without contact.phone sees the number masked; sending the masked form back keeps the stored number
    const sentPhone = input.contactPhone;
    const keepsMasked =
      !seePhone && typeof sentPhone === 'string' && before.contactPhone !== null && sentPhone.trim() === maskPhone(before.contactPhone);
    const contactPhone = keepsMasked ? undefined : checkedPhone(sentPhone, ctx.actor.locale, 'body.contactPhone');
    const fields: Partial<typeof leads.$inferInsert> = {};
    if (input.title !== undefined) fields.title = input.title;
    if (input.channel !== undefined) fields.channel = input.channel;
    if (input.contactName !== undefined) fields.contactName = blankToNull(input.contactName);
    if (contactPhone !== undefined) fields.contactPhone = contactPhone;
    if (input.description !== undefined) fields.description = blankToNull(input.description);
    if (input.estimatedAmountFen !== undefined) fields.estimatedAmountFen = input.estimatedAmountFen;
    if (input.category !== undefined) {
      if (before.state === 'registered' && input.category !== null) {
        throw fieldErrors(ctx.actor.locale, {
          category: { zh: '分类在筛选保留时确定', en: 'the category is set when the information is kept' },
        });
      }
      fields.category = input.category;
    }
    if (input.customerId !== undefined) {
      fields.customerId = input.customerId;
      fields.customerName = input.customerId
        ? (await customerRef(tx, ctx.actor, input.customerId)).name
        : (blankToNull(input.customerName)?.trim() ?? before.customerName);
    } else if (input.customerName !== undefined && !before.customerId) {
      // a linked customer keeps the name of its record
      fields.customerName = blankToNull(input.customerName)?.trim() ?? null;
    }
    const after = { ...before, ...fields };
    if (!after.customerId && !after.customerName) {
      throw fieldErrors(ctx.actor.locale, { customerName: { zh: '请选择客户或填写客户名称', en: 'choose a customer or enter its name' } });
    }
    const changes = diffFields(before as unknown as Record<string, unknown>, fields as Record<string, unknown>) ?? {};
    if (Object.keys(changes).length === 0) return;
    if ((changes.title || changes.customerId || changes.customerName) && !input.confirmDuplicate) {
      const dups = await findLeadDuplicates(
        tx,
        ctx,
        { title: after.title, customerId: after.customerId, customerName: after.customerName, excludeId: id },
        settings.duplicateWindowDays,
      );
      if (dups.length > 0) {
        throw new AppError(
          'lead_duplicate',
          { days: settings.duplicateWindowDays, codes: dups.map((d) => d.code).join('、') },
          { duplicates: dups, confirmable: true },
        );
      }
    }
    // the row is locked and its version checked above: nobody can have changed it since
    await tx
      .update(leads)
      .set({
        ...fields,
        searchText: leadSearchText(after),
        version: before.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(leads.id, id));
    const phoneChange = changes.contactPhone;
    const audited =
      !seePhone && phoneChange
        ? {
            ...changes,
            contactPhone: {
              before: typeof phoneChange.before === 'string' ? maskPhone(phoneChange.before) : phoneChange.before,
              after: phoneChange.after,
            },
          }
        : changes;
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'lead.update', entityType: 'lead', entityId: id, changes: audited });
    await appendLeadTimeline(
      tx,
      ctx,
      { id, customerId: after.customerId },
      {
        kind: 'lead.updated',
        title: intakeMessages.message('timeline.updated'),
        summary: Object.keys(changes).join('、'),
        data: { fields: Object.keys(changes) },
      },
    );
  });
}
