import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { savedViews } from '../../../db/schema.ts';

/** Saved views (保存的视图): a user's named filters and sort of a list. Own views only. */

export interface SavedViewOut {
  id: string;
  list: string;
  name: string;
  state: Record<string, string>;
  createdAt: string;
}

/** A stored view as the API answers it (only string values of its state). */
export function savedViewOf(r: typeof savedViews.$inferSelect): SavedViewOut {
  const state: Record<string, string> = {};
  if (r.state && typeof r.state === 'object') {
    for (const [k, v] of Object.entries(r.state as Record<string, unknown>)) if (typeof v === 'string') state[k] = v;
  }
  return { id: r.id, list: r.list, name: r.name, state, createdAt: r.createdAt.toISOString() };
}

/** The actor's saved views of one list, by name. */
export async function listSavedViews(db: Db, userId: string | null, list: string): Promise<SavedViewOut[]> {
  if (!userId) return [];
  const rows = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.list, list)))
    .orderBy(asc(savedViews.name));
  return rows.map(savedViewOf);
}
