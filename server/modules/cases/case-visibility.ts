import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customerCases } from '../../db/schema.ts';
import type { Actor } from '../../policies/actor.ts';
import { requirePermission, scopeCondition } from '../../policies/policy.ts';

/**
 * Which inquiries and complaints an actor may see: the `case.read` data scope over the case's
 * owner (who received it) and department, plus every case assigned to the actor. Lists, the
 * detail page and every change use this one condition; anything else answers 404.
 */
export async function caseAccess(db: Db, actor: Actor): Promise<SQL> {
  const scope = requirePermission(actor, 'case.read');
  const inScope = await scopeCondition(db, actor, scope, {
    ownerUserId: sql`${customerCases.ownerUserId}`,
    departmentId: sql`${customerCases.departmentId}`,
  });
  if (!actor.userId) return inScope;
  return sql`(${inScope} OR ${customerCases.assigneeId} = ${actor.userId}::uuid)`;
}
