import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the real server (`node --import tsx server/main.ts`) as a child process, the way an
 * operator does, for reliability tests: start with an environment, wait until /api/health
 * answers, read what it printed, stop it with a signal.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SPAWN_ADMIN_PASSWORD = 'Admin@12345';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedServer {
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** everything the process wrote so far, stdout and stderr interleaved */
  output(): string;
  /** resolves when the process has exited */
  exited: Promise<Exit>;
  /** sends the signal and waits for the exit (SIGKILL after `timeoutMs`) */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh empty folder under the OS temp dir; `removeTempDir` deletes it. */
export function tempDir(prefix = 'bidflow-rel-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Variables of the test runner that must not leak into the child's configuration. */
const SCRUBBED = [
  'DATABASE_URL',
  'DATA_DIR',
  'PORT',
  'HOST',
  'ADMIN_PASSWORD',
  'WEB_DIST',
  'LOG_LEVEL',
  'NODE_OPTIONS',
  'VITEST',
  'VITEST_POOL_ID',
  'VITEST_WORKER_ID',
  'TEST',
  'NODE_ENV',
];

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SCRUBBED) delete base[k];
  return {
    ...base,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ADMIN_PASSWORD: SPAWN_ADMIN_PASSWORD,
    WEB_DIST: path.join(os.tmpdir(), 'bidflow-no-web-dist'),
    ...env,
  };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<Exit>;
}

function launch(script: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (text += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (text += d));
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      // let the pipes drain so output() holds the last words
      setTimeout(() => resolve({ code, signal }), 20);
    });
  });
  return { child, output: () => text, exited };
}

/**
 * Starts the server and resolves once GET /api/health answers 200. Rejects (with the output)
 * when the process exits first or `timeoutMs` passes. PORT is chosen when not given.
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 45_000): Promise<SpawnedServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const { child, output, exited } = launch('server/main.ts', [], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  let exit: Exit | null = null;
  void exited.then((e) => (exit = e));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exit) {
      const e: Exit = exit;
      throw new Error(`server exited during start (code ${e.code}, signal ${e.signal}):\n${output()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  const pid = child.pid ?? 0;
  return {
    pid,
    port,
    url,
    output,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM', stopTimeoutMs = 20_000) => {
      if (exit) return exit;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/**
 * Runs a script (default the server) that is expected to stop by itself, e.g. on bad
 * configuration or damaged data; resolves with its exit and output. SIGKILL after timeoutMs.
 */
export async function runToExit(
  env: Record<string, string>,
  opts: { script?: string; args?: string[]; timeoutMs?: number } = {},
): Promise<Exit & { output: string }> {
  const port = env.PORT ?? String(await freePort());
  const { child, output, exited } = launch(opts.script ?? 'server/main.ts', opts.args ?? [], { PORT: port, ...env });
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 45_000);
  const e = await exited;
  clearTimeout(timer);
  return { ...e, output: output() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Logs in over HTTP and returns the `bf_sid=…` cookie pair. */
export async function loginOver(url: string, username = 'admin', password = SPAWN_ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('bf_sid='));
  if (!cookie) throw new Error('login answered without a bf_sid cookie');
  return cookie.split(';')[0] ?? '';
}

/** JSON request with the session cookie; state-changing requests carry the JSON content type. */
export async function callJson(
  url: string,
  method: string,
  pathName: string,
  cookie: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${pathName}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}

export interface TemplateInfo {
  /** path of the users table's file, relative to pgdata (e.g. base/5/16541) */
  usersFile: string;
}

let template: Promise<string> | null = null;

function templateKey(): string {
  const h = createHash('sha256');
  const migrations = path.join(REPO_ROOT, 'server/db/migrations');
  for (const f of readdirSync(migrations).sort()) {
    if (f.endsWith('.sql')) h.update(f).update(readFileSync(path.join(migrations, f)));
  }
  for (const f of ['server/commands/bootstrap.ts', 'core/default-roles.ts', 'node_modules/@electric-sql/pglite/package.json']) {
    const p = path.join(REPO_ROOT, f);
    if (existsSync(p)) h.update(readFileSync(p));
  }
  h.update(SPAWN_ADMIN_PASSWORD);
  return h.digest('hex').slice(0, 16);
}

/**
 * A DATA_DIR holding a migrated, bootstrapped (admin / SPAWN_ADMIN_PASSWORD), cleanly closed
 * PGlite database: a private copy of a template built once per machine and schema version,
 * so tests skip the seconds initdb takes.
 */
export async function seededDataDir(): Promise<{ dataDir: string; info: TemplateInfo }> {
  template ??= buildTemplate();
  const src = await template;
  const dataDir = tempDir();
  cpSync(src, dataDir, { recursive: true });
  const info = JSON.parse(readFileSync(path.join(src, '..', `${path.basename(src)}.json`), 'utf8')) as TemplateInfo;
  return { dataDir, info };
}

/** Templates of earlier schema versions, unused for an hour, are deleted. */
function pruneOldTemplates(current: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith('bidflow-template-') || name.startsWith(current) || name.startsWith('bidflow-template-build-')) continue;
    const p = path.join(os.tmpdir(), name);
    try {
      if (statSync(p).mtimeMs < hourAgo) rmSync(p, { recursive: true, force: true });
    } catch {
      /* another worker removed it */
    }
  }
}

async function buildTemplate(): Promise<string> {
  const finalDir = path.join(os.tmpdir(), `bidflow-template-${templateKey()}`);
  const infoFile = `${finalDir}.json`;
  if (existsSync(infoFile) && existsSync(path.join(finalDir, 'pgdata.seal.json'))) return finalDir;
  const { loadConfig } = await import('../config.ts');
  const { openConfiguredDatabase } = await import('../start.ts');
  const { bootstrap } = await import('../commands/bootstrap.ts');
  const { sql } = await import('drizzle-orm');
  pruneOldTemplates(path.basename(finalDir));
  const work = tempDir('bidflow-template-build-');
  const opened = await openConfiguredDatabase(loadConfig({ DATA_DIR: work, LOG_LEVEL: 'silent' }));
  await bootstrap(opened.database.db, new Date(), SPAWN_ADMIN_PASSWORD);
  const { rowsOf } = await import('../db/client.ts');
  const [row] = rowsOf<{ f: string }>(await opened.database.db.execute(sql`SELECT pg_relation_filepath('users') AS f`));
  const info: TemplateInfo = { usersFile: row?.f ?? '' };
  await opened.close();
  try {
    renameSync(work, finalDir);
    writeFileSync(infoFile, JSON.stringify(info));
  } catch {
    // another worker built the same template first; use theirs
    removeTempDir(work);
    for (let i = 0; i < 100 && !existsSync(infoFile); i++) await sleep(100);
  }
  return finalDir;
}

export type ReliabilityEngine = 'pglite' | 'postgres';

/**
 * Reliability tests run on PGlite always and on PostgreSQL when TEST_DB_ENGINE=postgres.
 * `npm test` sets RELIABILITY_SKIP_PGLITE=1 on its PostgreSQL pass so the PGlite variants
 * do not run twice.
 */
export function engineEnabled(engine: ReliabilityEngine): boolean {
  if (engine === 'postgres') return process.env.TEST_DB_ENGINE === 'postgres';
  return process.env.RELIABILITY_SKIP_PGLITE !== '1';
}

export interface DatabaseTarget {
  engine: ReliabilityEngine;
  /** DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL) for spawnServer */
  env: Record<string, string>;
  dataDir: string | undefined;
  cleanup(): Promise<void>;
}

/**
 * A seeded PGlite DATA_DIR, or a fresh PostgreSQL database (migrated by test-db.ts; with
 * `empty`, one with no tables at all, so the servers under test migrate it themselves).
 */
export async function databaseTarget(engine: ReliabilityEngine, opts: { empty?: boolean } = {}): Promise<DatabaseTarget> {
  if (engine === 'pglite') {
    const { dataDir } = await seededDataDir();
    return { engine, env: { DATA_DIR: dataDir }, dataDir, cleanup: async () => removeTempDir(dataDir) };
  }
  if (opts.empty) return emptyPostgres();
  const { createTestDatabase } = await import('./test-db.ts');
  const db = await createTestDatabase();
  if (!db.url) throw new Error('createTestDatabase gave no URL');
  return { engine, env: { DATABASE_URL: db.url }, dataDir: undefined, cleanup: () => db.drop() };
}

export interface SentRequest {
  /** resolves once the whole request has been handed to the kernel */
  sent: Promise<void>;
  /** the response status; rejects when the connection fails */
  status: Promise<number>;
}

/**
 * One POST on its own connection (no keep-alive reuse), so "sent" means exactly this request
 * is on its way to the server — what in-flight tests need.
 */
export function postOnOwnConnection(url: string, pathName: string, body: unknown, cookie?: string): SentRequest {
  const data = JSON.stringify(body);
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((r) => (markSent = r));
  const status = new Promise<number>((resolve, reject) => {
    const req = http.request(`${url}${pathName}`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(data),
        ...(cookie ? { cookie } : {}),
      },
    });
    req.on('finish', markSent);
    req.on('error', (e) => {
      markSent();
      reject(e);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.end(data);
  });
  return { sent, status };
}

async function emptyPostgres(): Promise<DatabaseTarget> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL');
  const pg = await import('pg');
  const name = `bf_rel_${Date.now().toString(36)}_${process.pid}`;
  const admin = async (text: string) => {
    const c = new pg.default.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url.toString() },
    dataDir: undefined,
    cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
