import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * The embedded database folder is damaged. Never re-initialised or repaired automatically:
 * the message tells the operator how to restore a backup.
 */
export class DamagedDataError extends Error {}

/** The PostgreSQL files an initialised data folder always has. */
const REQUIRED = ['PG_VERSION', 'global/pg_control', 'global/pg_filenode.map', 'base', 'pg_wal', 'pg_xact'];

/** pg_control is always exactly one 8 kB block. */
const PG_CONTROL_SIZE = 8192;

/** Folders whose files cannot change while the database is closed. */
const SEALED_FOLDERS = ['base', 'global', 'pg_xact'];
/** Files PostgreSQL itself rewrites or removes at start (caches, temp files). */
const UNSEALED_NAMES = new Set(['pg_internal.init', 'pgsql_tmp']);

export function pgDataDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/** Written at every clean shutdown: the size of each database file, checked at the next start. */
export function sealFile(dataDir: string): string {
  return path.join(dataDir, 'pgdata.seal.json');
}

export function restoreHelp(dataDir: string): string {
  return [
    `The embedded database in ${pgDataDir(dataDir)} is damaged. Bidflow did not start and did not repair, delete or re-initialise it.`,
    `嵌入式数据库 ${pgDataDir(dataDir)} 已损坏。Bidflow 未启动，也未修复、删除或重新初始化该目录。`,
    'To recover / 恢复步骤:',
    `  1. Keep the damaged folder for analysis / 保留损坏的目录以便分析: mv ${dataDir} ${dataDir}.damaged`,
    '  2. Restore the latest backup / 恢复最近的备份: npm run restore -- <backup-file.tar.gz>',
    '     (backups are written by `npm run backup`, default folder ./backups / 备份由 npm run backup 生成)',
    '  3. Start again / 重新启动: npm start',
  ].join('\n');
}

function damaged(dataDir: string, detail: string): DamagedDataError {
  return new DamagedDataError(`${restoreHelp(dataDir)}\nProblem / 问题: ${detail}`);
}

/**
 * Checks a data folder before PGlite opens it, without modifying anything: a missing or empty
 * folder is a new database; a folder missing core files, with a malformed pg_control, or whose
 * files changed size since the last clean shutdown is damage, never re-initialised.
 */
export function checkPgliteDataDir(dataDir: string): 'new' | 'existing' {
  const dir = pgDataDir(dataDir);
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    if (existsSync(sealFile(dataDir))) {
      throw damaged(dataDir, `${dir} is missing or empty, but ${sealFile(dataDir)} shows it held a database`);
    }
    return 'new';
  }
  const missing = REQUIRED.filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length) throw damaged(dataDir, `missing ${missing.join(', ')}`);
  const version = readFileSync(path.join(dir, 'PG_VERSION'), 'utf8').trim();
  if (!/^\d+$/.test(version)) throw damaged(dataDir, `PG_VERSION is not a version number (${JSON.stringify(version.slice(0, 20))})`);
  const controlSize = statSync(path.join(dir, 'global/pg_control')).size;
  if (controlSize !== PG_CONTROL_SIZE) {
    throw damaged(dataDir, `global/pg_control is ${controlSize} bytes, expected ${PG_CONTROL_SIZE}`);
  }
  const problems = compareSeal(dataDir);
  if (problems.length) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw damaged(dataDir, `files changed while Bidflow was stopped: ${shown}${more}`);
  }
  return 'existing';
}

type Sizes = Record<string, number>;

function sealedSizes(dataDir: string): Sizes {
  const root = pgDataDir(dataDir);
  const out: Sizes = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (UNSEALED_NAMES.has(entry.name)) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out[child] = statSync(path.join(root, child)).size;
    }
  };
  for (const folder of SEALED_FOLDERS) {
    if (existsSync(path.join(root, folder))) walk(folder);
  }
  return out;
}

function compareSeal(dataDir: string): string[] {
  const file = sealFile(dataDir);
  if (!existsSync(file)) return []; // first start, or the last run did not stop cleanly
  let sealed: Sizes;
  try {
    sealed = (JSON.parse(readFileSync(file, 'utf8')) as { files: Sizes }).files;
  } catch {
    return [`${path.basename(file)} is unreadable`];
  }
  const now = sealedSizes(dataDir);
  const problems: string[] = [];
  for (const [name, size] of Object.entries(sealed)) {
    const cur = now[name];
    if (cur === undefined) problems.push(`${name} is missing`);
    else if (cur !== size) problems.push(`${name} is ${cur} bytes, was ${size}`);
  }
  for (const name of Object.keys(now)) {
    if (!(name in sealed)) problems.push(`${name} appeared`);
  }
  return problems;
}

/** Records the file sizes of a cleanly closed database (call after close, while holding the lock). */
export function writeSeal(dataDir: string, now: Date = new Date()): void {
  const file = sealFile(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify({ sealedAt: now.toISOString(), files: sealedSizes(dataDir) }));
  renameSync(tmp, file);
}

/** The database is open (and may change): the seal no longer describes it. */
export function removeSeal(dataDir: string): void {
  try {
    unlinkSync(sealFile(dataDir));
  } catch {
    /* not sealed */
  }
}

export function isSealed(dataDir: string): boolean {
  return existsSync(sealFile(dataDir));
}

/**
 * Before opening a cleanly shut down folder: remembers the files PostgreSQL changes merely by
 * starting (pg_control, the relation-cache files, postmaster.pid). When the open or the probe
 * then fails, `undo` puts them back, so a damaged folder is left exactly as it was found.
 * Only valid while nothing was checkpointed, which holds for a clean folder that failed to open.
 */
export function rememberStartFiles(dataDir: string): () => void {
  const root = pgDataDir(dataDir);
  const names = ['global/pg_control', 'global/pg_internal.init'];
  for (const db of readdirSync(path.join(root, 'base'))) names.push(`base/${db}/pg_internal.init`);
  const saved = new Map<string, Buffer>();
  for (const name of names) {
    const file = path.join(root, name);
    if (existsSync(file)) saved.set(name, readFileSync(file));
  }
  const pidFile = path.join(root, 'postmaster.pid');
  const hadPid = existsSync(pidFile);
  return () => {
    for (const [name, content] of saved) writeFileSync(path.join(root, name), content);
    if (!hadPid && existsSync(pidFile)) unlinkSync(pidFile);
  };
}

/**
 * Reads every page of every table once (sequential scans; data checksums are on, so a flipped
 * bit or a garbled page fails here instead of in some later request).
 */
export async function probeAllTables(db: Db): Promise<void> {
  try {
    await db.execute(
      sql.raw(`DO $probe$
DECLARE r record; n bigint;
BEGIN
  SET LOCAL enable_indexscan = off;
  SET LOCAL enable_indexonlyscan = off;
  SET LOCAL enable_bitmapscan = off;
  FOR r IN SELECT schemaname, tablename FROM pg_tables WHERE schemaname <> 'information_schema' LOOP
    BEGIN
      EXECUTE format('SELECT count(*) FROM %I.%I', r.schemaname, r.tablename) INTO n;
    EXCEPTION WHEN OTHERS THEN
      RAISE EXCEPTION 'reading table %.%: %', r.schemaname, r.tablename, SQLERRM;
    END;
  END LOOP;
END
$probe$`),
    );
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    throw new Error(cause instanceof Error ? cause.message : (e as Error).message);
  }
}
