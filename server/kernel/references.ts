import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { customers, projects } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { hasPermission } from '../policies/policy.ts';
import { customerVisibility, projectVisibility } from '../policies/visibility.ts';
import { fieldErrors } from './guards.ts';

/**
 * References from one record to another (a lead's customer, an activity's project, a case's
 * customer): the referenced record must be visible to the actor, else the field is refused
 * (400, the same message whether it does not exist or is out of reach).
 */

/** A customer the actor may see; answers its name. */
export async function customerRef(tx: Db, actor: Actor, customerId: string, field = 'customerId'): Promise<{ id: string; name: string }> {
  const unknown = fieldErrors(actor.locale, { [field]: { zh: '客户不存在或无权查看', en: 'unknown customer or not visible to you' } });
  if (!hasPermission(actor, 'customer.read')) throw unknown;
  const cond = await customerVisibility(tx, actor);
  const row = (
    await tx
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(eq(customers.id, customerId), cond))
      .limit(1)
  )[0];
  if (!row) throw unknown;
  return row;
}

/** A project the actor may see; answers its name and customer. */
export async function projectRef(
  tx: Db,
  actor: Actor,
  projectId: string,
  field = 'projectId',
): Promise<{ id: string; name: string; customerId: string }> {
  const unknown = fieldErrors(actor.locale, { [field]: { zh: '项目不存在或无权查看', en: 'unknown project or not visible to you' } });
  if (!hasPermission(actor, 'project.read')) throw unknown;
  const cond = await projectVisibility(tx, actor);
  const row = (
    await tx
      .select({ id: projects.id, name: projects.name, customerId: projects.customerId })
      .from(projects)
      .where(and(eq(projects.id, projectId), cond))
      .limit(1)
  )[0];
  if (!row) throw unknown;
  return row;
}
