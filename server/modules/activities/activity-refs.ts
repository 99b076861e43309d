import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customers, leads } from '../../db/schema.ts';
import type { Ctx } from '../../kernel/context.ts';
import { fieldErrors } from '../../kernel/guards.ts';
import { customerRef, projectRef } from '../../kernel/references.ts';
import { hasPermission } from '../../policies/policy.ts';
import { leadVisibility } from '../../policies/visibility.ts';

/** Customer and project of an activity: both visible to the actor, and the project belongs to the customer. */
export async function resolveRefs(tx: Db, ctx: Ctx, customerId: string | null | undefined, projectId: string | null | undefined) {
  let customer: { id: string; name: string } | null = customerId ? await customerRef(tx, ctx.actor, customerId) : null;
  const project = projectId ? await projectRef(tx, ctx.actor, projectId) : null;
  if (project && customer && project.customerId !== customer.id) {
    throw fieldErrors(ctx.actor.locale, { projectId: { zh: '该项目不属于所选客户', en: 'the project belongs to another customer' } });
  }
  if (project && !customer) {
    const row = (
      await tx.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.id, project.customerId)).limit(1)
    )[0];
    customer = row ?? null;
  }
  return { customer, project };
}

/** A lead the actor may see (an activity shows on the lead's timeline); 400 otherwise. */
export async function leadRef(tx: Db, ctx: Ctx, leadId: string): Promise<string> {
  const unknown = fieldErrors(ctx.actor.locale, { leadId: { zh: '信息不存在或无权查看', en: 'unknown lead or not visible to you' } });
  if (!hasPermission(ctx.actor, 'lead.read')) throw unknown;
  const row = (
    await tx
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.id, leadId), await leadVisibility(tx, ctx.actor)))
      .limit(1)
  )[0];
  if (!row) throw unknown;
  return row.id;
}
