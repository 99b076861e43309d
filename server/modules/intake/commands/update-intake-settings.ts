import { sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { UpdateIntakeSettingsBody } from '../../../../core/intake/intake.schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { settings } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { INTAKE_SETTINGS_KEY, loadIntakeSettings } from '../queries/intake-settings.ts';
import { requirePermission } from '../../../policies/policy.ts';

/** Stores the intake settings; a stale version answers false. */
async function saveIntakeSettings(
  tx: Db,
  value: { partnerProtectionDays: number; duplicateWindowDays: number },
  version: number,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const res = await tx
      .insert(settings)
      .values({ key: INTAKE_SETTINGS_KEY, value, version: 1, updatedAt: now })
      .onConflictDoNothing()
      .returning({ key: settings.key });
    return res.length > 0;
  }
  const res = await tx
    .update(settings)
    .set({ value, version: sql`${settings.version} + 1`, updatedAt: now })
    .where(sql`${settings.key} = ${INTAKE_SETTINGS_KEY} AND ${settings.version} = ${version}`)
    .returning({ key: settings.key });
  return res.length > 0;
}

/** Sets the partner-registration protection period and the duplicate window (system settings). */
export async function updateIntakeSettings(ctx: Ctx, input: UpdateIntakeSettingsBody): Promise<void> {
  requirePermission(ctx.actor, 'system.settings');
  await ctx.db.transaction(async (tx) => {
    const before = await loadIntakeSettings(tx);
    checkVersion(before, input.version);
    const ok = await saveIntakeSettings(
      tx,
      { partnerProtectionDays: input.partnerProtectionDays, duplicateWindowDays: input.duplicateWindowDays },
      input.version,
      ctx.now,
    );
    // a concurrent save won between the read and the write
    if (!ok) throw new AppError('conflict_stale', { currentVersion: before.version }, { currentVersion: before.version });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'settings.intake',
      entityType: 'settings',
      entityId: 'intake.settings',
      changes: {
        partnerProtectionDays: { before: before.partnerProtectionDays, after: input.partnerProtectionDays },
        duplicateWindowDays: { before: before.duplicateWindowDays, after: input.duplicateWindowDays },
      },
    });
  });
}
