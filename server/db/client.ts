import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The Drizzle handle shared by both engines; a transaction has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs raw SQL text (several statements allowed); for maintenance and tests. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite engine is used */
  url?: string | undefined;
  /** PGlite data folder; undefined = in memory (tests) */
  dataDir?: string | undefined;
  poolSize?: number;
  /** PGlite: runs once the engine is open, before migrations (start-up integrity read-through) */
  beforeMigrate?: ((db: Db) => Promise<void>) | undefined;
}

/** Applying the committed migrations failed; they run in one transaction, so nothing changed. */
export class MigrationError extends Error {}

function migrationError(e: unknown): MigrationError {
  const cause = (e as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? cause.message : (e as Error).message;
  return new MigrationError(
    `Updating the database schema failed; the update runs in one transaction, so the database is unchanged.\n` +
      `数据库结构升级失败（在一个事务中执行，数据库未被改动）。\nCause / 原因: ${detail}`,
  );
}

/** Opens the configured engine and applies pending migrations (serialized across instances). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.url ? await openPostgres(opts.url, opts.poolSize ?? 10) : await openPglite(opts.dataDir, opts.beforeMigrate);
  return database;
}

async function openPglite(dataDir: string | undefined, beforeMigrate: OpenOptions['beforeMigrate']): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = dataDir ? await PGlite.create({ dataDir }) : await PGlite.create();
  const db = drizzle({ client, schema }) as unknown as Db;
  if (beforeMigrate) await beforeMigrate(db);
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }).catch((e: unknown) => {
    throw migrationError(e);
  });
  return {
    db,
    engine: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // int8 (count, bigserial) as JS numbers; our values stay far below 2^53.
  pg.default.types.setTypeParser(20, (v: string) => Number(v));
  // JIT compilation pays off for long analytic queries, not for an OLTP app: PostgreSQL's cost
  // estimate of a scoped list at 100k rows crossed the JIT threshold and took 4x longer.
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  const lockClient = await pool.connect();
  try {
    // Several instances may start at once: one migrates, the others wait for it.
    await lockClient.query('SELECT pg_advisory_lock(727274001)');
    await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }).catch((e: unknown) => {
      throw migrationError(e);
    });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(727274001)').catch(() => undefined);
    lockClient.release();
  }
  return {
    db,
    engine: 'postgres',
    exec: async (text) => {
      await pool.query(text);
    },
    close: async () => {
      await pool.end();
    },
  };
}

/** The rows of a raw `db.execute` result (same shape on both drivers). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Checks the connection answers. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
