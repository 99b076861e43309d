import { eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { contacts } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { loadContactForChange } from './load-contact-for-change.ts';

/**
 * Removes a contact from the lists by archiving it (the row stays, so activities and the audit
 * log that name it keep their meaning). Stale `version` → 409.
 */
export async function archiveContact(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadContactForChange(tx, ctx, id);
    checkVersion(before, version);
    if (before.archivedAt) throw new AppError('not_found');
    // the row is locked and its version checked: the update cannot miss it
    await tx
      .update(contacts)
      .set({ archivedAt: ctx.now, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(contacts.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'contact.archive',
      entityType: 'contact',
      entityId: id,
      changes: { archivedAt: { before: null, after: ctx.now.toISOString() } },
    });
  });
}
