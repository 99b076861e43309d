import { eq } from 'drizzle-orm';
import { settings } from '../../../db/schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { loadPasswordPolicy, SECURITY_KEY } from '../../../auth/security-settings.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';

/** Switches the password policy (e.g. to 等保 compliance mode); stale versions are refused. */
export async function updateSecuritySettings(
  ctx: Ctx,
  input: { version: number; minLength: number; complianceMode: boolean; maxAgeDays: number },
): Promise<void> {
  requirePermission(ctx.actor, 'system.settings');
  await ctx.db.transaction(async (tx) => {
    const current = await loadPasswordPolicy(tx);
    checkVersion(current, input.version);
    const { version: _v, ...value } = input;
    const changes = diffFields(current as unknown as Record<string, unknown>, value);
    if (!changes) return;
    if (current.version === 0) {
      await tx.insert(settings).values({ key: SECURITY_KEY, value, version: 1, updatedAt: ctx.now });
    } else {
      await tx
        .update(settings)
        .set({ value, version: current.version + 1, updatedAt: ctx.now })
        .where(eq(settings.key, SECURITY_KEY));
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'settings.security_update',
      entityType: 'settings',
      entityId: SECURITY_KEY,
      changes,
    });
  });
}
