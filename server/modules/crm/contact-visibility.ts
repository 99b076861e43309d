import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customers, partners } from '../../db/schema.ts';
import type { Actor } from '../../policies/actor.ts';
import { hasPermission } from '../../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../../policies/visibility.ts';

/**
 * Which contacts an actor may see (`read`) or change (`manage`): exactly those of the customers
 * (or partners) they may see or change — the query must join both. Lists, search, the export and
 * the load-before-change of the contact commands use this one condition.
 */
export async function contactVisibility(db: Db, actor: Actor, mode: 'read' | 'manage'): Promise<SQL> {
  const cp = mode === 'read' ? 'customer.read' : 'customer.manage';
  const pp = mode === 'read' ? 'partner.read' : 'partner.manage';
  const cust = hasPermission(actor, cp) ? await customerVisibility(db, actor, cp) : sql`FALSE`;
  const part = hasPermission(actor, pp) ? await partnerVisibility(db, actor, pp) : sql`FALSE`;
  return sql`((${customers.id} IS NOT NULL AND ${cust}) OR (${partners.id} IS NOT NULL AND ${part}))`;
}
