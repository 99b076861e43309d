import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../db/client.ts';

/**
 * The database a test runs on: in-memory PGlite by default; a fresh PostgreSQL database when
 * TEST_DB_ENGINE=postgres (created from TEST_DATABASE_URL and dropped afterwards).
 */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase extends Database {
  /** connection URL when on PostgreSQL (for tests that start another process) */
  url: string | undefined;
  drop(): Promise<void>;
}

/** The suite's engine by default; a test that needs PostgreSQL itself (several instances on one database) asks for it. */
export async function createTestDatabase(engine: 'pglite' | 'postgres' = testEngine()): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({});
    return { ...db, url: undefined, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `bf_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const pg = await import('pg');
  const admin = new pg.default.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 5 });
  return {
    ...db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const c = new pg.default.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
