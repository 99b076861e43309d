import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { settings } from '../../../db/schema.ts';

/**
 * Run-time settings of the visit log, stored in `settings` (defaults for anything missing): who
 * keeps a daily visit log and who receives the weekly roll-up.
 */
export const VISIT_LOG_SETTINGS_KEY = 'activities.visit_log';

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

function stringList(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fallback;
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
