import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client.ts';
import { settings } from '../../../db/schema.ts';

/**
 * The weekly project tracking table (项目跟踪表, seed 003): one row per open project per week
 * for its account manager, generated on Monday (the hourly schedule does it once per week) and
 * on demand for one account manager's projects. Idempotent: a row that exists stays as is.
 */

export const TRACKING_MARKER_KEY = 'project.tracking.generated_week';

/**
 * Creates the missing rows of `weekStart` for the open projects (all, or one owner's). The
 * full generation runs once per week: a marker in settings remembers the last week done.
 * Returns the number of rows created.
 */
export async function generateTrackingRows(db: Db, weekStart: string, now: Date, ownerUserId: string | null): Promise<number> {
  return db.transaction(async (tx) => {
    if (!ownerUserId) {
      const [marker] = await tx.select().from(settings).where(eq(settings.key, TRACKING_MARKER_KEY)).limit(1).for('update');
      if (marker && typeof marker.value === 'string' && marker.value >= weekStart) return 0;
    }
    const owner = ownerUserId ? sql`AND p.owner_user_id = ${ownerUserId}::uuid` : sql``;
    const res = await tx.execute(sql`
      WITH ins AS (INSERT INTO project_weekly_updates (week_start, project_id, owner_user_id, department_id, stage, created_at, updated_at)
      SELECT ${weekStart}::date, p.id, p.owner_user_id, p.department_id, p.stage, ${now}, ${now}
      FROM projects p
      WHERE p.status = 'open' AND p.stage <> 'closed' ${owner}
      ON CONFLICT (week_start, project_id) DO NOTHING
      RETURNING 1) SELECT count(*)::int AS n FROM ins`);
    if (!ownerUserId) {
      await tx
        .insert(settings)
        .values({ key: TRACKING_MARKER_KEY, value: weekStart, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: weekStart, updatedAt: now, version: sql`${settings.version} + 1` } });
    }
    return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
  });
}
