import { ping } from '../../../db/client.ts';
import type { Db } from '../../../db/client.ts';

/** The database answers a trivial query. */
export async function databaseAnswers(db: Db): Promise<void> {
  await ping(db);
}
