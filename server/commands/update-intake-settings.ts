import { AppError } from '../../core/errors.ts';
import type { UpdateIntakeSettingsBody } from '../../core/schemas/leads.schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Ctx } from '../kernel/context.ts';
import { loadIntakeSettings, saveIntakeSettings } from '../intake/settings.ts';
import { requirePermission } from '../policies/policy.ts';

/** Sets the partner-registration protection period and the duplicate window (system settings). */
export async function updateIntakeSettings(ctx: Ctx, input: UpdateIntakeSettingsBody): Promise<void> {
  requirePermission(ctx.actor, 'system.settings');
  await ctx.db.transaction(async (tx) => {
    const before = await loadIntakeSettings(tx);
    if (before.version !== input.version) throw new AppError('conflict_stale', { currentVersion: before.version }, { currentVersion: before.version });
    const ok = await saveIntakeSettings(tx, { partnerProtectionDays: input.partnerProtectionDays, duplicateWindowDays: input.duplicateWindowDays }, input.version, ctx.now);
    if (!ok) throw new AppError('conflict_stale', { currentVersion: before.version }, { currentVersion: before.version });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'settings.intake', entityType: 'settings', entityId: 'intake.settings',
      changes: {
        partnerProtectionDays: { before: before.partnerProtectionDays, after: input.partnerProtectionDays },
        duplicateWindowDays: { before: before.duplicateWindowDays, after: input.duplicateWindowDays },
      },
    });
  });
}
