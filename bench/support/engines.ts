/**
 * Scratch databases for a benchmark: PGlite in a temporary DATA_DIR, or a fresh PostgreSQL
 * database `bidflow_bench_<timestamp>` on the server of BENCH_DATABASE_URL / TEST_DATABASE_URL,
 * dropped afterwards unless kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { pgDataDir } from '../../server/db/pglite-check.ts';

export type EngineName = 'pglite' | 'postgres';

export interface BenchDatabase {
  engine: EngineName;
  label: string;
  /** environment for the server child process */
  env: Record<string, string>;
  /** where the data is (for the report) */
  where: string;
  /** opens the database in this process (migrations applied) */
  open(): Promise<Database>;
  /** removes the scratch database unless kept */
  cleanup(): Promise<void>;
}

export function postgresBaseUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
}

export function createPgliteDatabase(keep: boolean): BenchDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bf-bench-projects-'));
  return {
    engine: 'pglite',
    label: 'PGlite (embedded)',
    env: { DATA_DIR: dir },
    where: dir,
    open: () => openDatabase({ dataDir: pgDataDir(dir) }),
    cleanup: async () => {
      if (keep) process.stdout.write(`  kept the PGlite data folder: DATA_DIR=${dir}\n`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createPostgresDatabase(baseUrl: string, keep: boolean): Promise<BenchDatabase> {
  const pg = await import('pg');
  const name = `bidflow_bench_${Date.now()}`;
  const admin = new pg.default.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const version = await (async () => {
    const c = new pg.default.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      const r = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      return r.rows[0]?.v ?? '?';
    } finally {
      await c.end();
    }
  })();
  return {
    engine: 'postgres',
    label: `PostgreSQL ${version.split(' ')[0] ?? ''}`.trim(),
    env: { DATABASE_URL: url.toString() },
    where: `${url.host}/${name}`,
    open: () => openDatabase({ url: url.toString() }),
    cleanup: async () => {
      if (keep) {
        process.stdout.write(`  kept the PostgreSQL database: DATABASE_URL=${url.toString()}\n`);
        return;
      }
      const a = new pg.default.Client({ connectionString: baseUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
