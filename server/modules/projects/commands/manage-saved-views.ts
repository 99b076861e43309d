import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { savedViews } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { stateConflict } from '../../../kernel/guards.ts';
import { savedViewOf, type SavedViewOut } from '../queries/saved-views.ts';

/** Saving and deleting saved views (保存的视图): a user's named filters and sort of a list. Own views only. */

const MAX_VIEWS_PER_LIST = 50;

/** Saves a view under a name; saving under an existing name replaces that view. */
export async function saveView(ctx: Ctx, input: { list: string; name: string; state: Record<string, string> }): Promise<SavedViewOut> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  return ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: savedViews.id, name: savedViews.name })
      .from(savedViews)
      .where(and(eq(savedViews.userId, userId), eq(savedViews.list, input.list)));
    if (!existing.some((e) => e.name === input.name) && existing.length >= MAX_VIEWS_PER_LIST) {
      throw stateConflict(ctx.actor.locale, {
        zh: `每个列表最多保存 ${MAX_VIEWS_PER_LIST} 个视图`,
        en: `at most ${MAX_VIEWS_PER_LIST} views per list`,
      });
    }
    const [row] = await tx
      .insert(savedViews)
      .values({ userId, list: input.list, name: input.name, state: input.state, createdAt: ctx.now })
      .onConflictDoUpdate({
        target: [savedViews.userId, savedViews.list, savedViews.name],
        set: { state: input.state, createdAt: ctx.now },
      })
      .returning();
    if (!row) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'saved_view.save',
      entityType: 'saved_view',
      entityId: row.id,
      changes: { name: { before: null, after: input.name } },
    });
    return savedViewOf(row);
  });
}

/** Deletes one of the actor's views; others' views answer 404. */
export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('not_found');
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(savedViews)
      .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
      .returning({ name: savedViews.name });
    if (!removed[0]) throw new AppError('not_found');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'saved_view.delete',
      entityType: 'saved_view',
      entityId: id,
      changes: { name: { before: removed[0].name, after: null } },
    });
  });
}
