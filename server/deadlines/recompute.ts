import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/**
 * Flags open deadlines whose schedule may change because the calendar changed: those computed
 * provisionally, paused ones, and those whose span (start → last event) touches an edited
 * year; every open one when the working hours change. The sweep recomputes flagged rows.
 */
export async function markDeadlinesForRecompute(tx: Db, what: { years: number[] } | 'all'): Promise<void> {
  let touches: SQL;
  if (what === 'all') {
    touches = sql`TRUE`;
  } else {
    if (!what.years.length) return;
    const spans = what.years.map((y) => {
      const start = new Date(`${y}-01-01T00:00:00+08:00`);
      const end = new Date(`${y + 1}-01-01T00:00:00+08:00`);
      return sql`(started_at < ${end} AND coalesce(escalation2_at, breach_at) >= ${start})`;
    });
    touches = sql`(provisional OR state = 'paused' OR ${sql.join(spans, sql` OR `)})`;
  }
  await tx.execute(sql`
    UPDATE deadlines SET recompute = TRUE
    WHERE state IN ('running', 'paused', 'breached') AND NOT recompute AND ${touches}`);
}
