import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { UpdateDeadlinePolicyBody } from '../../core/schemas/deadlines.schema.ts';
import { deadlinePolicies } from '../db/schema.ts';
import { appendAudit, diffFields } from '../audit/audit-log.ts';
import { requirePermission } from '../policies/policy.ts';
import type { Ctx } from '../kernel/context.ts';
import { staleOrMissing } from './support/guards.ts';

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
      if (seen.has(k)) throw new AppError('validation_failed', {}, { fields: { [`body.remindBefore.${i}`]: ctx.actor.locale === 'en' ? 'listed twice' : '重复的提醒' } });
      seen.add(k);
    });
  }
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(deadlinePolicies).where(eq(deadlinePolicies.id, id)).limit(1).for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== version) staleOrMissing(before);
    // 0 working days = by close of business the same day; other kinds need at least 1
    if ((fields.amount ?? before.amount) === 0 && (fields.kind ?? before.kind) !== 'working_days') {
      throw new AppError('validation_failed', {}, { fields: { 'body.amount': ctx.actor.locale === 'en' ? 'must be at least 1' : '须至少为 1' } });
    }
    const changes = diffFields(
      { ...before, remindBefore: before.remindBefore.map((r) => `${r.amount} ${r.unit}`) } as unknown as Record<string, unknown>,
      { ...fields, remindBefore: fields.remindBefore?.map((r) => `${r.amount} ${r.unit}`) },
    );
    if (!changes) return;
    const res = await tx
      .update(deadlinePolicies)
      .set({ ...fields, editedAt: ctx.now, version: before.version + 1, updatedAt: ctx.now })
      .where(and(eq(deadlinePolicies.id, id), eq(deadlinePolicies.version, version)))
      .returning({ id: deadlinePolicies.id });
    if (!res[0]) staleOrMissing(before);
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'deadline_policy.update', entityType: 'deadline_policy', entityId: id, changes });
  });
}
