import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { users } from '../../../db/schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import type { Ctx } from '../../../kernel/context.ts';

export interface ProfilePatch {
  displayName?: string | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  locale?: Locale | undefined;
}

/** A user edits their own display name, contact details and language. */
export async function updateOwnProfile(ctx: Ctx, patch: ProfilePatch): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('unauthenticated');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for('update');
    const before = rows[0];
    if (!before) throw new AppError('unauthenticated');
    const changes = diffFields(before as unknown as Record<string, unknown>, patch as Record<string, unknown>);
    if (!changes) return;
    await tx
      .update(users)
      .set({ ...patch, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(users.id, userId));
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'user.profile_update', entityType: 'user', entityId: userId, changes });
  });
}
