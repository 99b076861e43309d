import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';

/**
 * The next value of a named counter, inside the caller's transaction. The row lock makes
 * concurrent callers (on any instance sharing the database) wait and get distinct values; a
 * rolled-back transaction gives its value back, so codes have no gaps.
 */
export async function nextCounter(tx: Db, key: string): Promise<number> {
  const res = await tx.execute(sql`
    INSERT INTO counters (key, value) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET value = counters.value + 1
    RETURNING value`);
  const row = rowsOf<{ value: string | number }>(res)[0];
  if (!row) throw new Error(`counter ${key} returned nothing`);
  return Number(row.value);
}

/** A readable code such as `XX-2026-00042`: prefix, the Asia/Shanghai year of `now`, a yearly counter. */
export async function nextCode(tx: Db, prefix: string, now: Date): Promise<string> {
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now);
  const n = await nextCounter(tx, `${prefix}-${year}`);
  return `${prefix}-${year}-${String(n).padStart(5, '0')}`;
}
