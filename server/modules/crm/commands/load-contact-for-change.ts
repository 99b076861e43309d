import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { Db } from '../../../db/client.ts';
import { contacts, customers, partners } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { contactVisibility } from '../contact-visibility.ts';

/** Loads (and locks) a contact for a change: 404 unless the actor may manage its customer / partner. */
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
