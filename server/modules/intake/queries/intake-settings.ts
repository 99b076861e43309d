import { eq } from 'drizzle-orm';
import { DEFAULT_PROTECTION_DAYS } from '../../../../core/intake/deal-registration.ts';
import { DEFAULT_DUPLICATE_WINDOW_DAYS } from '../../../../core/intake/similarity.ts';
import type { Db } from '../../../db/client.ts';
import { settings } from '../../../db/schema.ts';

/**
 * Run-time settings of information intake, stored in `settings` (defaults for anything
 * missing): the partner-registration protection period and the duplicate-detection window.
 */
export const INTAKE_SETTINGS_KEY = 'intake.settings';

export interface IntakeSettings {
  partnerProtectionDays: number;
  duplicateWindowDays: number;
  version: number;
}

function positiveInt(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
}

/** The intake settings in force. */
export async function loadIntakeSettings(db: Db): Promise<IntakeSettings> {
  const row = (await db.select().from(settings).where(eq(settings.key, INTAKE_SETTINGS_KEY)).limit(1))[0];
  const v = (row?.value ?? {}) as Record<string, unknown>;
  return {
    partnerProtectionDays: positiveInt(v.partnerProtectionDays, DEFAULT_PROTECTION_DAYS),
    duplicateWindowDays: positiveInt(v.duplicateWindowDays, DEFAULT_DUPLICATE_WINDOW_DAYS),
    version: row?.version ?? 0,
  };
}
