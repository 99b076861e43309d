import { and, eq, gte, or, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { searchTerm } from '../../../../core/crm/search-text.ts';
import { LEAD_CHANNEL_LABELS, type LeadChannel } from '../../../../core/intake/labels.ts';
import { findDuplicates } from '../../../../core/intake/similarity.ts';
import type { RegisterLeadBody } from '../../../../core/intake/intake.schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { nextCode } from '../../../db/counters.ts';
import type { Db } from '../../../db/client.ts';
import { leads } from '../../../db/schema.ts';
import { startDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { loadIntakeSettings } from '../queries/intake-settings.ts';
import { leadToScreenEvent, LEAD_SUBJECT, POLICY_LEAD_SCREEN, STEP_SCREEN } from '../lead-events.ts';
import { notify } from '../../../notifications/notify.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { searchLike } from '../../../kernel/text-search.ts';
import { formatShanghai } from '../../../support/time.ts';
import { checkedPhone } from '../../crm/commands/checked-fields.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { leadSearchText } from '../../../../core/intake/lead-search-text.ts';
import { openDeadlineDue } from '../../../deadlines/open-deadline-due.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import { activeHoldersOf, nearestTo, userBrief, userHolds, type UserBrief } from '../../../kernel/people.ts';
import { customerRef } from '../../../kernel/references.ts';
import { appendLeadTimeline } from '../lead-timeline.ts';
import { intakeMessages } from '../intake.messages.ts';
import { leadVisibility } from '../../../policies/visibility.ts';

/** Prefix of information / lead codes (信息 XS-2026-00001). */
export const LEAD_CODE_PREFIX = 'XS';

export interface LeadDuplicate {
  id: string;
  code: string;
  title: string;
  registeredAt: string;
  state: string;
}

/**
 * Records registered within the window for the same customer with a similar title (PRODUCT.md
 * §3.1). Every lead counts, whoever can see it; titles of records outside the actor's reach are
 * not revealed.
 */
export async function findLeadDuplicates(
  tx: Db,
  ctx: Ctx,
  incoming: { title: string; customerId: string | null; customerName: string | null; excludeId?: string },
  windowDays: number,
): Promise<LeadDuplicate[]> {
  const since = new Date(ctx.now.getTime() - windowDays * 86_400_000);
  const key = incoming.customerName ? searchTerm(companyNameKey(incoming.customerName)) : null;
  const sameCustomer = or(
    incoming.customerId ? eq(leads.customerId, incoming.customerId) : undefined,
    // the name part of search_text only: a name key never matches phone digits
    key ? searchLike(sql`${leads.searchText}`, key, true) : undefined,
  );
  if (!sameCustomer) return [];
  const visible = await leadVisibility(tx, ctx.actor);
  const rows = await tx
    .select({
      id: leads.id,
      code: leads.code,
      title: leads.title,
      state: leads.state,
      customerId: leads.customerId,
      customerName: leads.customerName,
      registeredAt: leads.registeredAt,
      visible: sql<boolean>`(${visible})`,
    })
    .from(leads)
    .where(and(gte(leads.registeredAt, since), sameCustomer))
    .limit(500);
  const hits = findDuplicates(
    incoming,
    rows.filter((r) => r.id !== incoming.excludeId),
    ctx.now,
    windowDays,
  );
  return hits.map((h) => ({
    id: h.id,
    code: h.code,
    title: h.visible ? h.title : '—',
    registeredAt: h.registeredAt.toISOString(),
    state: h.state,
  }));
}

/**
 * Who answers for screening a new piece of information: the registrar when they may screen it;
 * otherwise the screener (业务主管) closest to the registrar's department; else the registrar.
 */
export async function screeningOwner(tx: Db, registrar: UserBrief): Promise<UserBrief> {
  if (await userHolds(tx, registrar.id, 'lead.screen')) return registrar;
  const screeners = (await activeHoldersOf(tx, 'lead.screen')).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
  const nearest = await nearestTo(tx, screeners, registrar.departmentId);
  return nearest[0] ?? registrar;
}

export interface NewLeadFields {
  title: string;
  channel: LeadChannel;
  customerId: string | null;
  customerName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string | null;
  estimatedAmountFen: number | null;
  registeredAt: Date;
  partnerId?: string | null;
  protectedUntil?: Date | null;
  conflictState?: 'pending' | null;
  conflictWith?: unknown;
}

/** Inserts a registered lead owned by the registrar, with its code and search text (no audit, no timeline). */
export async function insertLead(tx: Db, ctx: Ctx, registrar: UserBrief, f: NewLeadFields): Promise<{ id: string; code: string }> {
  const code = await nextCode(tx, LEAD_CODE_PREFIX, ctx.now);
  const [row] = await tx
    .insert(leads)
    .values({
      code,
      title: f.title,
      channel: f.channel,
      customerId: f.customerId,
      customerName: f.customerName,
      contactName: f.contactName,
      contactPhone: f.contactPhone,
      description: f.description,
      estimatedAmountFen: f.estimatedAmountFen,
      state: 'registered',
      registeredBy: registrar.id,
      registeredAt: f.registeredAt,
      partnerId: f.partnerId ?? null,
      protectedUntil: f.protectedUntil ?? null,
      conflictState: f.conflictState ?? null,
      conflictWith: f.conflictWith ?? null,
      ownerUserId: registrar.id,
      departmentId: registrar.departmentId,
      searchText: leadSearchText({
        code,
        title: f.title,
        customerName: f.customerName,
        contactName: f.contactName,
        contactPhone: f.contactPhone,
      }),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: leads.id });
  if (!row) throw new AppError('internal');
  return { id: row.id, code };
}

/**
 * Starts the screening deadline of a new lead (1 working day by default) and tells its owner
 * when somebody else registered the information.
 */
export async function startScreening(
  tx: Db,
  ctx: Ctx,
  registrar: UserBrief,
  lead: { id: string; code: string; title: string; customerName: string | null },
): Promise<void> {
  const owner = await screeningOwner(tx, registrar);
  await startDeadline(tx, ctx.now, {
    subjectType: LEAD_SUBJECT,
    subjectId: lead.id,
    step: STEP_SCREEN,
    policyCode: POLICY_LEAD_SCREEN,
    ownerUserId: owner.id,
    title: `${lead.code} ${lead.title}`,
    link: `/leads/${lead.id}`,
  });
  if (owner.id !== registrar.id) {
    const dueAt = await openDeadlineDue(tx, LEAD_SUBJECT, lead.id, STEP_SCREEN);
    await notify(tx, ctx.now, {
      event: leadToScreenEvent,
      recipientUserIds: [owner.id],
      params: {
        code: lead.code,
        title: lead.title,
        customer: lead.customerName ?? '—',
        by: registrar.displayName,
        due: dueAt ? formatShanghai(dueAt).slice(0, 16) : '—',
      },
      subject: { type: LEAD_SUBJECT, id: lead.id },
      link: `/leads/${lead.id}`,
    });
  }
}

/**
 * 信息登记: registers incoming information from any channel. A similar record of the same
 * customer within the duplicate window answers 409 `lead_duplicate` (with the matches) unless
 * the caller confirms; the screening deadline starts at once.
 */
export async function registerLead(ctx: Ctx, input: RegisterLeadBody): Promise<string> {
  requirePermission(ctx.actor, 'lead.register');
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden', {}, { reason: 'only a user can register information' });
  const settings = await loadIntakeSettings(ctx.db);
  const contactPhone = checkedPhone(input.contactPhone, ctx.actor.locale, 'body.contactPhone') ?? null;
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : ctx.now;
  if (receivedAt.getTime() > ctx.now.getTime() + 60_000) {
    throw fieldErrors(ctx.actor.locale, { receivedAt: { zh: '收到时间不能晚于现在', en: 'cannot be in the future' } });
  }
  return ctx.db.transaction(async (tx) => {
    const registrar = await userBrief(tx, userId);
    if (!registrar) throw new AppError('forbidden');
    let customerName = blankToNull(input.customerName)?.trim() ?? null;
    const customerId = input.customerId ?? null;
    if (customerId) customerName = (await customerRef(tx, ctx.actor, customerId)).name;
    if (!input.confirmDuplicate) {
      const dups = await findLeadDuplicates(tx, ctx, { title: input.title, customerId, customerName }, settings.duplicateWindowDays);
      if (dups.length > 0) {
        throw new AppError(
          'lead_duplicate',
          { days: settings.duplicateWindowDays, codes: dups.map((d) => d.code).join('、') },
          { duplicates: dups, confirmable: true },
        );
      }
    }
    const fields: NewLeadFields = {
      title: input.title,
      channel: input.channel,
      customerId,
      customerName,
      contactName: blankToNull(input.contactName) ?? null,
      contactPhone,
      description: blankToNull(input.description) ?? null,
      estimatedAmountFen: input.estimatedAmountFen ?? null,
      registeredAt: receivedAt,
    };
    const lead = await insertLead(tx, ctx, registrar, fields);
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'lead.register',
      entityType: 'lead',
      entityId: lead.id,
      changes: {
        state: { before: null, after: 'registered' },
        code: { before: null, after: lead.code },
        title: { before: null, after: input.title },
        channel: { before: null, after: input.channel },
        customerName: { before: null, after: customerName },
      },
      detail: input.confirmDuplicate ? 'duplicate confirmed' : null,
    });
    await appendLeadTimeline(
      tx,
      ctx,
      { id: lead.id, customerId },
      {
        kind: 'lead.registered',
        title: intakeMessages.message('timeline.registered', { title: input.title }),
        summary: `来源：${LEAD_CHANNEL_LABELS[input.channel].zh}${customerName ? `；客户：${customerName}` : ''}`,
        data: { code: lead.code, channel: input.channel },
      },
    );
    await startScreening(tx, ctx, registrar, { id: lead.id, code: lead.code, title: input.title, customerName });
    return lead.id;
  });
}
