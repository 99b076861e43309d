import { eq } from 'drizzle-orm';
import type { PasswordPolicy } from '../../core/password-policy.ts';
import type { Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';

export const DEFAULT_POLICY: PasswordPolicy = { minLength: 8, complianceMode: false, maxAgeDays: 90 };
export const SECURITY_KEY = 'security.password_policy';

/** The password policy in force (a run-time setting an admin may switch to 等保 mode). */
export async function loadPasswordPolicy(db: Db): Promise<PasswordPolicy & { version: number }> {
  const rows = await db.select().from(settings).where(eq(settings.key, SECURITY_KEY)).limit(1);
  const row = rows[0];
  if (!row) return { ...DEFAULT_POLICY, version: 0 };
  return { ...policyFromValue(row.value), version: row.version };
}

/** The policy stored in a settings value (defaults for anything missing). */
export function policyFromValue(value: unknown): PasswordPolicy {
  const v = (value ?? {}) as Partial<PasswordPolicy>;
  return {
    minLength: typeof v.minLength === 'number' ? v.minLength : DEFAULT_POLICY.minLength,
    complianceMode: v.complianceMode === true,
    maxAgeDays: typeof v.maxAgeDays === 'number' ? v.maxAgeDays : DEFAULT_POLICY.maxAgeDays,
  };
}
