import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { Db } from '../../../db/client.ts';
import { users } from '../../../db/schema.ts';
import { fieldErrors } from '../../../kernel/guards.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';

/**
 * The owner of a new or transferred customer or partner: an active user. Naming somebody else
 * needs `customer.transfer` (or `partner.manage` for partners) — otherwise a creator with the
 * `own` scope would create records they cannot see.
 */
export async function resolveOwner(
  tx: Db,
  actor: Actor,
  ownerUserId: string | null | undefined,
  othersPermission: 'customer.transfer' | 'partner.manage',
  field = 'body.ownerUserId',
): Promise<{ id: string; departmentId: string | null; displayName: string }> {
  const id = ownerUserId ?? actor.userId;
  if (!id) throw fieldErrors(actor.locale, { [field]: { zh: '请选择负责人', en: 'an owner is required' } });
  if (id !== actor.userId && !hasPermission(actor, othersPermission)) {
    throw new AppError('forbidden', {}, { permission: othersPermission });
  }
  const [u] = await tx
    .select({ id: users.id, departmentId: users.departmentId, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  if (!u) throw fieldErrors(actor.locale, { [field]: { zh: 'unknown or inactive user', en: 'unknown or inactive user' } });
  return u;
}
