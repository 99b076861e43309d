import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { searchTerm } from '../../../../core/crm/search-text.ts';
import {
  protectedUntil,
  registrationConflicts,
  type ExistingLead,
  type RegistrationConflict,
} from '../../../../core/intake/deal-registration.ts';
import { nextLeadState, type LeadState } from '../../../../core/intake/lead-states.ts';
import type { PartnerRegistrationBody, ResolveConflictBody } from '../../../../core/intake/intake.schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { customers, leads, partners } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { leadConflictEvent, LEAD_SUBJECT } from '../lead-events.ts';
import { loadIntakeSettings } from '../queries/intake-settings.ts';
import { notify } from '../../../notifications/notify.ts';
import { hasPermission, requirePermission } from '../../../policies/policy.ts';
import { searchLike } from '../../../kernel/text-search.ts';
import { checkedCreditCode, checkedPhone } from '../../crm/commands/checked-fields.ts';
import { insertLead, startScreening } from './register-lead.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { activeHoldersOf, nearestTo, userBrief } from '../../../kernel/people.ts';
import { customerRef } from '../../../kernel/references.ts';
import { leadVisibility, partnerVisibility } from '../../../policies/visibility.ts';
import { requireLeadAction } from '../lead-actions.ts';
import { appendLeadTimeline } from '../lead-timeline.ts';
import { intakeMessages } from '../intake.messages.ts';

/** Existing customers and leads that a registration for this customer might conflict with. */
async function conflictCandidates(tx: Db, customerId: string | null, customerName: string, creditCode: string | null) {
  const key = companyNameKey(customerName);
  const custRows = await tx
    .select({ id: customers.id, name: customers.name, nameKey: customers.nameKey, creditCode: customers.creditCode })
    .from(customers)
    .where(
      and(
        isNull(customers.archivedAt),
        or(
          eq(customers.nameKey, key),
          creditCode ? eq(customers.creditCode, creditCode) : undefined,
          customerId ? eq(customers.id, customerId) : undefined,
        ),
      ),
    )
    .limit(50);
  const ids = [...new Set([...(customerId ? [customerId] : []), ...custRows.map((c) => c.id)])];
  const term = searchTerm(key);
  const sameCustomer = or(
    ids.length ? inArray(leads.customerId, ids) : undefined,
    term ? searchLike(sql`${leads.searchText}`, term, true) : undefined,
  );
  const leadRows = sameCustomer
    ? await tx
        .select({
          id: leads.id,
          code: leads.code,
          title: leads.title,
          state: leads.state,
          customerId: leads.customerId,
          customerName: leads.customerName,
          partnerId: leads.partnerId,
          protectedUntil: leads.protectedUntil,
        })
        .from(leads)
        .where(sameCustomer)
        .limit(500)
    : [];
  return { customers: custRows, leads: leadRows.map((l): ExistingLead => ({ ...l, state: l.state as LeadState })) };
}

/** Those allowed to resolve conflicts (lead.decide), nearest to a department first. */
async function decidersNear(tx: Db, departmentId: string | null, exclude: string | null) {
  const all = (await activeHoldersOf(tx, 'lead.decide')).filter((u) => u.id !== exclude);
  return nearestTo(tx, all, departmentId);
}

/**
 * 代理商报备: registers a channel partner's lead on its behalf. It is checked against existing
 * customers (credit code, name key) and leads of the same customer; without conflicts it is
 * protected for the configured period (default 90 days) and goes to screening, otherwise it
 * waits for the sales director (`conflictState = pending`), who is notified.
 */
export async function registerPartnerLead(ctx: Ctx, input: PartnerRegistrationBody): Promise<string> {
  requirePermission(ctx.actor, 'lead.register');
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  const locale = ctx.actor.locale;
  const creditCode = checkedCreditCode(input.creditCode, locale, 'body.creditCode') ?? null;
  const contactPhone = checkedPhone(input.contactPhone, locale, 'body.contactPhone') ?? null;
  const settings = await loadIntakeSettings(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const unknownPartner = fieldErrors(locale, {
      partnerId: { zh: '渠道商不存在或无权查看', en: 'unknown partner or not visible to you' },
    });
    if (!hasPermission(ctx.actor, 'partner.read')) throw unknownPartner;
    const pcond = await partnerVisibility(tx, ctx.actor);
    const partner = (
      await tx
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(and(eq(partners.id, input.partnerId), pcond))
        .limit(1)
    )[0];
    if (!partner) throw unknownPartner;
    const registrar = await userBrief(tx, userId);
    if (!registrar) throw new AppError('forbidden');
    let customerName = input.customerName.trim();
    const customerId = input.customerId ?? null;
    if (customerId) customerName = (await customerRef(tx, ctx.actor, customerId)).name;
    const conflicts: RegistrationConflict[] = registrationConflicts(
      { customerId, customerName, creditCode, partnerId: partner.id },
      await conflictCandidates(tx, customerId, customerName, creditCode),
      ctx.now,
    );
    const pending = conflicts.length > 0;
    const until = pending ? null : protectedUntil(ctx.now, settings.partnerProtectionDays);
    const lead = await insertLead(tx, ctx, registrar, {
      title: input.title,
      channel: 'partner',
      customerId,
      customerName,
      contactName: blankToNull(input.contactName) ?? null,
      contactPhone,
      description: blankToNull(input.description) ?? null,
      estimatedAmountFen: input.estimatedAmountFen ?? null,
      registeredAt: ctx.now,
      partnerId: partner.id,
      protectedUntil: until,
      conflictState: pending ? 'pending' : null,
      conflictWith: pending ? conflicts : null,
    });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.partner_register',
      entityType: 'lead',
      entityId: lead.id,
      changes: {
        state: { before: null, after: 'registered' },
        code: { before: null, after: lead.code },
        partner: { before: null, after: partner.name },
        customerName: { before: null, after: customerName },
        protectedUntil: { before: null, after: until?.toISOString() ?? null },
        conflictState: { before: null, after: pending ? 'pending' : null },
      },
      detail: pending ? `conflicts: ${conflicts.map((c) => `${c.kind}:${c.label}`).join('; ')}` : null,
    });
    await appendLeadTimeline(
      tx,
      ctx,
      { id: lead.id, customerId },
      {
        kind: 'lead.partner_registered',
        title: intakeMessages.message('timeline.partner_registered', { partner: partner.name }),
        summary: pending
          ? `与已有记录冲突，待市场总监裁定：${conflicts.map((c) => c.label).join('、')}`
          : `保护期至 ${until ? until.toISOString().slice(0, 10) : ''}`,
        data: { partnerId: partner.id, conflicts: pending ? conflicts : [] },
      },
    );
    if (pending) {
      const recipients = await decidersNear(tx, registrar.departmentId, userId);
      await notify(tx, ctx.now, {
        event: leadConflictEvent,
        recipientUserIds: recipients.map((r) => r.id),
        params: {
          code: lead.code,
          title: input.title,
          customer: customerName,
          partner: partner.name,
          conflicts: conflicts.map((c) => c.label).join('、'),
        },
        subject: { type: LEAD_SUBJECT, id: lead.id },
        link: `/leads/${lead.id}`,
      });
    } else {
      await startScreening(tx, ctx, registrar, { id: lead.id, code: lead.code, title: input.title, customerName });
    }
    return lead.id;
  });
}

/**
 * The sales director resolves a registration conflict: accept (protection starts now, the
 * information goes to screening) or reject with a reason (closed).
 */
export async function resolveLeadConflict(ctx: Ctx, id: string, input: ResolveConflictBody): Promise<void> {
  requirePermission(ctx.actor, 'lead.decide');
  const settings = await loadIntakeSettings(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const lead = await loadVisible(tx, leads, id, await leadVisibility(tx, ctx.actor), { lock: true });
    requireLeadAction(ctx.actor, lead, 'resolve_conflict');
    checkVersion(lead, input.version);
    const note = blankToNull(input.note) ?? null;
    if (input.decision === 'accept') {
      const until = protectedUntil(ctx.now, settings.partnerProtectionDays);
      await tx
        .update(leads)
        .set({ conflictState: 'accepted', protectedUntil: until, version: lead.version + 1, updatedAt: ctx.now })
        .where(eq(leads.id, id));
      await appendAudit(tx, ctx.actor, ctx.now, {
        action: 'lead.resolve_conflict',
        entityType: 'lead',
        entityId: id,
        changes: { conflictState: { before: 'pending', after: 'accepted' }, protectedUntil: { before: null, after: until.toISOString() } },
        detail: note,
      });
      await appendLeadTimeline(tx, ctx, lead, {
        kind: 'lead.conflict_resolved',
        title: intakeMessages.message('timeline.conflict_accepted'),
        summary: `保护期至 ${until.toISOString().slice(0, 10)}${note ? `；${note}` : ''}`,
        data: { decision: 'accept' },
      });
      const registrar = await userBrief(tx, lead.registeredBy);
      if (registrar) await startScreening(tx, ctx, registrar, lead);
      return;
    }
    const next = nextLeadState(lead.state as LeadState, 'conflict_rejected');
    if (!next) throw new AppError('conflict_state', { reason: lead.state });
    await tx
      .update(leads)
      .set({
        conflictState: 'rejected',
        state: next,
        screeningNote: note,
        screenedBy: ctx.actor.userId,
        screenedAt: ctx.now,
        version: lead.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(leads.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.resolve_conflict',
      entityType: 'lead',
      entityId: id,
      changes: { conflictState: { before: 'pending', after: 'rejected' }, state: { before: lead.state, after: next } },
      detail: note,
    });
    await appendLeadTimeline(tx, ctx, lead, {
      kind: 'lead.conflict_resolved',
      title: intakeMessages.message('timeline.conflict_rejected'),
      summary: note,
      data: { decision: 'reject' },
    });
  });
}
