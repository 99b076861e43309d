import { eq } from 'drizzle-orm';
import type { UpdateDeadlinePolicyBody } from '../../../../core/deadlines/deadlines.schema.ts';
import { deadlinePolicies } from '../../../db/schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';

/**
 * An administrator changes a deadline policy (时限规则): length and unit, tolerance, reminders,
 * escalation. Deadlines that already run keep the terms they started with; the module's
 * default no longer overwrites the policy after this.
 */
export async function updateDeadlinePolicy(ctx: Ctx, id: string, input: UpdateDeadlinePolicyBody): Promise<void> {
  requirePermission(ctx.actor, 'deadline.manage');
  const { version, ...fields } = input;
  if (fields.remindBefore) {
    const seen = new Set<string>();
    fields.remindBefore.forEach((r, i) => {
      const k = `${r.amount}/${r.unit}`;
      if (seen.has(k)) throw fieldErrors(ctx.actor.locale, { [`remindBefore.${i}`]: { zh: '重复的提醒', en: 'listed twice' } });
      seen.add(k);
    });
  }
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(deadlinePolicies).where(eq(deadlinePolicies.id, id)).limit(1).for('update');
    checkVersion(before, version);
    // 0 working days = by close of business the same day; other kinds need at least 1
    if ((fields.amount ?? before.amount) === 0 && (fields.kind ?? before.kind) !== 'working_days') {
      throw fieldErrors(ctx.actor.locale, { amount: { zh: '须至少为 1', en: 'must be at least 1' } });
    }
    const changes = diffFields(
      { ...before, remindBefore: before.remindBefore.map((r) => `${r.amount} ${r.unit}`) } as unknown as Record<string, unknown>,
      { ...fields, remindBefore: fields.remindBefore?.map((r) => `${r.amount} ${r.unit}`) },
    );
    if (!changes) return;
    // the row is locked: its version is still the one checked
    await tx
      .update(deadlinePolicies)
      .set({ ...fields, editedAt: ctx.now, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(deadlinePolicies.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'deadline_policy.update', entityType: 'deadline_policy', entityId: id, changes });
  });
}
