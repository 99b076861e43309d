import { eq, sql } from 'drizzle-orm';
import { DEFAULT_PROTECTION_DAYS } from '../../core/intake/deal-registration.ts';
import { DEFAULT_DUPLICATE_WINDOW_DAYS } from '../../core/intake/similarity.ts';
import type { Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';

/**
 * Run-time settings of information intake and the visit log, stored in `settings` (one row per
 * key, defaults for anything missing): the partner-registration protection period, the
 * duplicate-detection window, and who keeps a daily visit log / receives the weekly roll-up.
 */
export const INTAKE_SETTINGS_KEY = 'intake.settings';
export const VISIT_LOG_SETTINGS_KEY = 'activities.visit_log';

export interface IntakeSettings {
  partnerProtectionDays: number;
  duplicateWindowDays: number;
  version: number;
}

export interface VisitLogSettings {
  /** role codes whose holders keep a daily visit log (客户巡访登记表) */
  loggerRoles: string[];
  /** role codes that receive the Monday roll-up */
  rollupRecipientRoles: string[];
}

export const DEFAULT_VISIT_LOG_SETTINGS: VisitLogSettings = {
  loggerRoles: ['account_manager'],
  rollupRecipientRoles: ['marketing_assistant', 'marketing_manager'],
};

function positiveInt(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
}

function stringList(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fallback;
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

/** Stores the intake settings; a stale version answers false. */
export async function saveIntakeSettings(tx: Db, value: { partnerProtectionDays: number; duplicateWindowDays: number }, version: number, now: Date): Promise<boolean> {
  if (version === 0) {
    const res = await tx.insert(settings).values({ key: INTAKE_SETTINGS_KEY, value, version: 1, updatedAt: now }).onConflictDoNothing().returning({ key: settings.key });
    return res.length > 0;
  }
  const res = await tx
    .update(settings)
    .set({ value, version: sql`${settings.version} + 1`, updatedAt: now })
    .where(sql`${settings.key} = ${INTAKE_SETTINGS_KEY} AND ${settings.version} = ${version}`)
    .returning({ key: settings.key });
  return res.length > 0;
}

/** Who keeps a visit log and who receives the roll-up. */
export async function loadVisitLogSettings(db: Db): Promise<VisitLogSettings> {
  const row = (await db.select().from(settings).where(eq(settings.key, VISIT_LOG_SETTINGS_KEY)).limit(1))[0];
  const v = (row?.value ?? {}) as Record<string, unknown>;
  return {
    loggerRoles: stringList(v.loggerRoles, DEFAULT_VISIT_LOG_SETTINGS.loggerRoles),
    rollupRecipientRoles: stringList(v.rollupRecipientRoles, DEFAULT_VISIT_LOG_SETTINGS.rollupRecipientRoles),
  };
}
