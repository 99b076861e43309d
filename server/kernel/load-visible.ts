import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../db/client.ts';

type TableWithId = PgTable & { id: PgColumn };

/**
 * The one "load visible or 404" of every command and detail query: the row with this id that
 * the visibility condition (server/policies/visibility.ts) lets the actor see, optionally locked
 * `FOR UPDATE` for the rest of the transaction. A record outside the actor's reach and a record
 * that does not exist answer the same 404, so nothing leaks.
 */
export async function loadVisible<T extends TableWithId>(
  tx: Db,
  table: T,
  id: string,
  visible: SQL,
  opts: { lock?: boolean } = {},
): Promise<T['$inferSelect']> {
  const q = tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), visible))
    .limit(1);
  const rows = (opts.lock ? await q.for('update') : await q) as Array<T['$inferSelect']>;
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return row;
}
