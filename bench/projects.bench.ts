/**
 * Presales projects and customers benchmark (issues 4 and 5). Per engine:
 *
 * 1. seed the data set (bench/support/generate.ts) into a scratch database;
 * 2. with the database opened in this process (the server not running — PGlite allows one
 *    process per data folder), pick the records each simulated user works on and time the
 *    read endpoints' query functions called directly (the in-process side of the overhead ratio);
 * 3. start the real server as a child process, sign the users in, time each read endpoint one
 *    request at a time (the HTTP side of the ratio), then drive N simulated users per endpoint;
 * 4. import 10,000 customers from .xlsx (preview + commit) while other users read the project list;
 * 5. report p50/p95/p99, throughput, errors, 409s, the ratios and the server's memory.
 *
 *   node --import tsx bench/projects.bench.ts --help
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import type { Permission } from '../core/permissions.ts';
import type { Database } from '../server/db/client.ts';
import { loadConfig } from '../server/config.ts';
import { customers, projects, timelineEntries } from '../server/db/schema.ts';
import type { Ctx } from '../server/kernel/context.ts';
import type { Actor } from '../server/policies/actor.ts';
import { loadUserGrants } from '../server/policies/grants.ts';
import { customerVisibility, projectVisibility } from '../server/policies/visibility.ts';
import { loginOver, spawnServer, type SpawnedServer } from '../server/test-support/spawn-server.ts';
import { createPgliteDatabase, createPostgresDatabase, postgresBaseUrl, type BenchDatabase, type EngineName } from './support/engines.ts';
import { BENCH_PASSWORD, generateDataset, type BenchUser, type Dataset } from './support/generate.ts';
import { runLoad, type LoadSpec } from './support/load.ts';
import { SEARCH_TERMS } from './support/names.ts';
import { PROJECTS_BENCH_HELP, parseProjectsBenchArgs, type ProjectsBenchOptions } from './support/projects-cli.ts';
import { renderReport, type EndpointResult, type EngineReport, type ImportResult, type ImportRun } from './support/report.ts';
import { buildCustomerImportFile, IMPORT_PATHS } from './support/import-file.ts';
import { directQueries, type Account, type DirectQuery } from './support/direct.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------- who the simulated users are

/**
 * The signed-in accounts, interleaved in proportion: 1 general manager + 3 sales directors
 * (data scope all), 5 marketing managers (their region), 10 sales supervisors (their
 * department) and 31 account managers (their own records) — 50 for 50 simulated users.
 */
const MIX: Array<[string, number]> = [['general_manager', 1], ['sales_director', 3], ['marketing_manager', 5], ['sales_supervisor', 10], ['account_manager', 31]];

function pickLoadUsers(users: BenchUser[], count: number): BenchUser[] {
  const ranked: Array<{ u: BenchUser; key: number }> = [];
  for (const [role, n] of MIX) {
    const pool = users.filter((u) => u.role === role).slice(0, n);
    pool.forEach((u, i) => ranked.push({ u, key: (i + 0.5) / pool.length }));
  }
  ranked.sort((a, b) => a.key - b.key);
  const all = ranked.map((r) => r.u);
  if (count >= all.length) return all;
  // fewer simulated users: spread the picks over the mix
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]).filter((u): u is BenchUser => !!u);
}

async function actorOf(db: Database['db'], u: BenchUser): Promise<Actor> {
  return {
    kind: 'user', userId: u.id, username: u.username, displayName: u.displayName, departmentId: u.deptId,
    grants: await loadUserGrants(db, u.id), locale: 'zh-CN', ip: '127.0.0.1',
  };
}

// ---------------------------------------------------------------- the endpoints

/** What one endpoint's simulated users work on, prepared before the server starts. */
interface Prepared {
  /** per account id: projects it may read / customers whose timeline it may read */
  projectIds: Map<string, string[]>;
  customerIds: Map<string, string[]>;
  /** per simulated user of the write load: its own projects (disjoint) with their stage and version */
  writePools: Array<Array<{ id: string; stage: string; version: number }>>;
  deepPage: number;
}

interface Endpoint {
  key: string;
  kind: 'read' | 'write';
  name: string;
  /** which accounts take part (default: every account of the mix) */
  who?: (a: Account) => boolean;
  /** choose among all signed-in accounts, not only the mix (the deep page: the wide-scope users) */
  anyAccount?: boolean;
  request: (a: Account, w: number, i: number) => { method: string; path: string; body?: unknown } | null;
  okStatus?: number[];
  conflictStatus?: number[];
  onAnswer?: (w: number, status: number, body: ArrayBuffer) => void;
  direct?: DirectQuery;
}

const scopeOf = (a: Account, p: Permission) => a.actor.grants.get(p);
const at = <T>(xs: readonly T[], i: number): T => {
  const x = xs[((i % xs.length) + xs.length) % xs.length];
  if (x === undefined) throw new Error('empty list');
  return x;
};

function endpoints(prep: Prepared, ds: Dataset, stage: { from: string; to: string }): Endpoint[] {
  const listPath = `/api/projects?stage=${stage.to}&sort=-amount&page=1&pageSize=20`;
  const deepPath = `/api/projects?status=open&sort=-amount&page=${prep.deepPage}&pageSize=20`;
  const direct = directQueries();
  const pools = prep.writePools;
  // the write load moves each of a user's projects back and forth: from → to → from …
  const cursor = pools.map(() => 0);
  const pending = pools.map((): { id: string; stage: string; version: number } | null => null);
  return [
    {
      key: 'list', kind: 'read', name: `GET /api/projects?stage=${stage.to}&sort=-amount (page 1)`,
      who: (a) => !!scopeOf(a, 'project.read'),
      request: () => ({ method: 'GET', path: listPath }),
      direct: direct.list({ stage: stage.to, sort: '-amount', page: 1, pageSize: 20 }),
    },
    {
      key: 'deep', kind: 'read', name: `GET /api/projects?status=open&sort=-amount (page ${prep.deepPage})`,
      who: (a) => scopeOf(a, 'project.read') === 'all',
      anyAccount: true,
      request: () => ({ method: 'GET', path: deepPath }),
      direct: direct.list({ status: 'open', sort: '-amount', page: prep.deepPage, pageSize: 20 }),
    },
    {
      key: 'detail', kind: 'read', name: 'GET /api/projects/:id',
      who: (a) => (prep.projectIds.get(a.user.id)?.length ?? 0) > 0,
      request: (a, _w, i) => ({ method: 'GET', path: `/api/projects/${at(prep.projectIds.get(a.user.id) ?? [], i * 7919)}` }),
      direct: direct.detail((a, i) => at(prep.projectIds.get(a.user.id) ?? [], i * 7919)),
    },
    {
      key: 'kanban', kind: 'read', name: 'GET /api/projects/kanban (column counts and sums)',
      who: (a) => !!scopeOf(a, 'project.read'),
      request: () => ({ method: 'GET', path: '/api/projects/kanban' }),
      direct: direct.kanban(),
    },
    {
      key: 'timeline', kind: 'read', name: 'GET /api/customers/:id/timeline',
      who: (a) => (prep.customerIds.get(a.user.id)?.length ?? 0) > 0,
      request: (a, _w, i) => ({ method: 'GET', path: `/api/customers/${at(prep.customerIds.get(a.user.id) ?? [], i * 7919)}/timeline` }),
      direct: direct.timeline((a, i) => at(prep.customerIds.get(a.user.id) ?? [], i * 7919)),
    },
    {
      key: 'search', kind: 'read', name: `GET /api/search?q=<2 Chinese characters> (${ds.sizes.customers.toLocaleString('en')} customers)`,
      who: (a) => !!scopeOf(a, 'customer.read'),
      request: (_a, w, i) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(at(SEARCH_TERMS, w + i))}` }),
      direct: direct.search((w, i) => at(SEARCH_TERMS, w + i)),
    },
    {
      key: 'stage', kind: 'write', name: `POST /api/projects/:id/stage (${stage.from} ⇄ ${stage.to}, audit)`,
      who: (a) => !!scopeOf(a, 'project.update'),
      okStatus: [200, 204],
      conflictStatus: [409],
      request: (_a, w) => {
        const pool = pools[w];
        if (!pool?.length) return null;
        const p = at(pool, cursor[w] ?? 0);
        cursor[w] = (cursor[w] ?? 0) + 1;
        pending[w] = p;
        return { method: 'POST', path: `/api/projects/${p.id}/stage`, body: { version: p.version, stage: p.stage === stage.from ? stage.to : stage.from } };
      },
      onAnswer: (w, status, body) => {
        const p = pending[w];
        if (!p || status < 200 || status >= 300) return;
        // the answer is the project page: take its version and stage
        const view = JSON.parse(Buffer.from(body).toString('utf8')) as { version?: number; stage?: string };
        p.version = view.version ?? p.version + 1;
        p.stage = view.stage ?? (p.stage === stage.from ? stage.to : stage.from);
      },
    },
    {
      key: 'workspace', kind: 'read', name: 'GET /api/workspace (dashboard aggregate)',
      request: () => ({ method: 'GET', path: '/api/workspace' }),
      direct: direct.workspace(),
    },
  ];
}

// ---------------------------------------------------------------- preparation (server stopped)

/**
 * `writers` are the simulated users of the write load in order (worker w is writers[w % n]), so
 * pool w holds projects its account may update; pools never share a project.
 */
async function prepare(db: Database['db'], ds: Dataset, accounts: Account[], writers: Account[], opts: ProjectsBenchOptions): Promise<Prepared> {
  const projectIds = new Map<string, string[]>();
  const customerIds = new Map<string, string[]>();
  for (const a of accounts) {
    if (projectIds.has(a.user.id)) continue;
    if (a.actor.grants.has('project.read')) {
      const vis = await projectVisibility(db, a.actor);
      const rows = await db.select({ id: projects.id }).from(projects).where(vis).orderBy(projects.id).limit(400);
      projectIds.set(a.user.id, rows.map((r) => r.id));
    }
    if (a.actor.grants.has('customer.read')) {
      const vis = await customerVisibility(db, a.actor);
      const rows = await db.select({ id: customers.id }).from(customers)
        .where(and(vis, sql`EXISTS (SELECT 1 FROM ${timelineEntries} te WHERE te.customer_id = ${customers.id})`))
        .orderBy(customers.id).limit(400);
      customerIds.set(a.user.id, rows.map((r) => r.id));
    }
  }
  const writePools: Prepared['writePools'] = [];
  const taken = new Set<string>();
  const byAccount = new Map<string, Array<{ id: string; version: number }>>();
  for (let w = 0; w < opts.concurrency; w++) {
    const a = writers.length ? at(writers, w) : null;
    if (!a) {
      writePools.push([]);
      continue;
    }
    let candidates = byAccount.get(a.user.id);
    if (!candidates) {
      const vis = await projectVisibility(db, a.actor, 'project.update');
      candidates = await db.select({ id: projects.id, version: projects.version }).from(projects)
        .where(and(vis, eq(projects.stage, ds.stages.move.from), eq(projects.status, 'open'))).orderBy(projects.id).limit(2000);
      byAccount.set(a.user.id, candidates);
    }
    const mine = candidates.filter((c) => !taken.has(c.id)).slice(0, 40);
    mine.forEach((c) => taken.add(c.id));
    writePools.push(mine.map((c) => ({ id: c.id, stage: ds.stages.move.from, version: c.version })));
  }
  const open = (await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(eq(projects.status, 'open')))[0]?.n ?? 0;
  return { projectIds, customerIds, writePools, deepPage: Math.max(2, Math.floor((open * 2) / 3 / 20)) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? 0) : 0;
}

/** The in-process side of the overhead ratio: the query function itself, one call at a time. */
async function measureDirect(db: Database['db'], ep: Endpoint, workers: Account[], runs: number): Promise<number | null> {
  if (!ep.direct || workers.length === 0) return null;
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const w = i % workers.length;
    const a = at(workers, w);
    const ctx: Ctx = { db, actor: a.actor, now: new Date(), config };
    const t0 = performance.now();
    await ep.direct(ctx, a, w, i);
    if (i >= 5) times.push(performance.now() - t0); // the first calls warm caches
  }
  return median(times);
}

/** The HTTP side: the same requests, one at a time. */
async function measureHttpSequential(base: string, ep: Endpoint, workers: Account[], runs: number): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const w = i % workers.length;
    const a = at(workers, w);
    const req = ep.request(a, w, i);
    if (!req) break;
    const t0 = performance.now();
    const res = await fetch(base + req.path, {
      method: req.method,
      headers: { cookie: a.cookie, ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
    });
    await res.arrayBuffer();
    if (i >= 5) times.push(performance.now() - t0);
  }
  return times.length ? median(times) : null;
}

// ---------------------------------------------------------------- server memory

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------- the import (issue 4)

/** Preview then commit (all or nothing) of one file, as the import wizard does. */
async function importOnce(base: string, importer: Account, firstIdx: number, rows: number): Promise<ImportRun | string> {
  const file = await buildCustomerImportFile(base, importer.cookie, firstIdx, rows);
  if (!file.ok) return file.note;
  const post = async (p: string, body: unknown) => {
    const t0 = performance.now();
    const res = await fetch(base + p, { method: 'POST', headers: { cookie: importer.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, seconds: (performance.now() - t0) / 1000, text };
  };
  const preview = await post(IMPORT_PATHS.preview, { fileName: file.fileName, contentBase64: file.base64 });
  const run: ImportRun = { previewStatus: preview.status, previewSeconds: preview.seconds, commitStatus: 0, commitSeconds: null, imported: null, note: null };
  if (preview.status !== 200) {
    run.note = `preview answered ${preview.status}: ${preview.text.slice(0, 300)}`;
    return run;
  }
  const pv = JSON.parse(preview.text) as { invalidRows?: number; errors?: Array<{ row: number; message: string }> };
  if (pv.invalidRows) run.note = `${pv.invalidRows} rows invalid in the preview, first: ${JSON.stringify(pv.errors?.slice(0, 2))}`;
  const commit = await post(IMPORT_PATHS.commit, { fileName: file.fileName, contentBase64: file.base64, mode: 'all_or_nothing' });
  run.commitStatus = commit.status;
  run.commitSeconds = commit.seconds;
  if (commit.status === 200) run.imported = (JSON.parse(commit.text) as { imported?: number }).imported ?? null;
  else run.note = `commit answered ${commit.status}: ${commit.text.slice(0, 300)}`;
  return run;
}

/**
 * Issue 4's import: first alone (how long it takes), then a second file of the same size while
 * simulated users read the project list (whether it stalls them), with the readers' latency
 * measured just before as the baseline.
 */
async function runImport(base: string, importer: Account | undefined, readers: Account[], opts: ProjectsBenchOptions, ds: Dataset): Promise<ImportResult> {
  const rows = opts.importRows;
  const result: ImportResult = { rows, alone: null, withReaders: null, note: null, readerBefore: null, readerDuring: null };
  if (!importer) {
    result.note = 'no account with customer.import';
    return result;
  }
  const firstIdx = ds.sizes.customers + 1_000_000;
  const alone = await importOnce(base, importer, firstIdx, rows);
  if (typeof alone === 'string') {
    result.note = alone;
    return result;
  }
  result.alone = alone;
  if (alone.commitStatus !== 200) return result;
  const readerSpec: LoadSpec = { name: 'GET /api/projects (page 1)', request: () => ({ method: 'GET', path: '/api/projects?page=1&pageSize=20' }) };
  const readerCookies = readers.map((a) => a.cookie);
  const readerUsers = Math.min(10, opts.concurrency);
  result.readerBefore = await runLoad(base, readerCookies, readerSpec, { concurrency: readerUsers, durationMs: Math.min(5, opts.seconds) * 1000 });
  let done = false;
  const during = runLoad(base, readerCookies, readerSpec, { concurrency: readerUsers, durationMs: 3_600_000, shouldStop: () => done });
  try {
    const second = await importOnce(base, importer, firstIdx + rows, rows);
    if (typeof second === 'string') result.note = second;
    else result.withReaders = second;
  } finally {
    done = true;
    result.readerDuring = await during;
  }
  return result;
}

// ---------------------------------------------------------------- one engine

async function runEngine(bdb: BenchDatabase, opts: ProjectsBenchOptions): Promise<EngineReport | null> {
  log(`\n== ${bdb.label}: seeding (${bdb.where})`);
  const loadBefore = os.loadavg();
  let db = await bdb.open();
  let ds: Dataset;
  try {
    ds = await generateDataset(db, opts.sizes, { now: new Date(), log });
  } finally {
    await db.close();
  }
  if (opts.seedOnly) return null;

  const loadUsers = pickLoadUsers(ds.users, opts.concurrency);
  // the general manager and the sales directors are always signed in: the deep page and the import need them
  const wide = ds.users.filter((u) => u.role === 'general_manager' || u.role === 'sales_director');
  const distinct = [...new Map([...loadUsers, ...wide].map((u) => [u.id, u])).values()];
  const accountsById = new Map<string, Account>();
  db = await bdb.open();
  let prep: Prepared;
  let eps: Endpoint[];
  const directP50 = new Map<string, number | null>();
  const workersOf = (ep: Endpoint): Account[] => {
    const all = (ep.anyAccount ? distinct : loadUsers).map((u) => accountsById.get(u.id)).filter((a): a is Account => !!a);
    return all.filter((a) => !ep.who || ep.who(a));
  };
  const wanted = (key: string) => !opts.endpoints || opts.endpoints.has(key);
  try {
    for (const u of distinct) accountsById.set(u.id, { user: u, actor: await actorOf(db.db, u), cookie: '' });
    log(`== ${bdb.label}: preparing ${loadUsers.length} simulated users (${distinct.length} accounts) and timing the queries in-process`);
    const mix = loadUsers.map((u) => accountsById.get(u.id)).filter((a): a is Account => !!a);
    prep = await prepare(db.db, ds, [...accountsById.values()], mix.filter((a) => a.actor.grants.has('project.update')), opts);
    eps = endpoints(prep, ds, ds.stages.move).filter((e) => wanted(e.key));
    for (const ep of eps) {
      if (ep.kind !== 'read') continue;
      const p50 = await measureDirect(db.db, ep, workersOf(ep), opts.directRuns).catch((e: unknown) => {
        log(`  ${ep.key}: in-process call failed: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      });
      directP50.set(ep.key, p50);
      if (p50 !== null) log(`  ${ep.key.padEnd(10)} in-process p50 ${p50.toFixed(2)} ms`);
    }
  } finally {
    await db.close();
  }

  log(`== ${bdb.label}: starting the server`);
  const t0 = performance.now();
  const server: SpawnedServer = await spawnServer({ ...bdb.env, LOGIN_IP_LIMIT: '100000', LOG_LEVEL: 'warn' }, 900_000);
  const serverStartSeconds = (performance.now() - t0) / 1000;
  const rssStart = procStatus(server.pid, 'VmRSS');
  let rssPeak = 0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, procStatus(server.pid, 'VmRSS'));
  }, 250);
  const results: EndpointResult[] = [];
  let importResult: ImportResult | null = null;
  let rssEnd = 0;
  let hwm = 0;
  try {
    for (const a of accountsById.values()) a.cookie = await loginOver(server.url, a.user.username, BENCH_PASSWORD);
    for (const ep of eps) {
      const workers = workersOf(ep);
      const accounts = new Set(workers.map((a) => a.user.id)).size;
      const base: EndpointResult = { key: ep.key, kind: ep.kind, load: null, skipped: null, accounts, directP50: directP50.get(ep.key) ?? null, httpP50: null };
      if (workers.length === 0) {
        results.push({ ...base, skipped: 'no account may call it' });
        continue;
      }
      // a read is probed as itself; a write with an empty body, which an existing route refuses with 400 before changing anything
      const probe = ep.kind === 'read' ? ep.request(at(workers, 0), 0, 0) : { method: 'POST', path: `/api/projects/${prep.writePools.flat()[0]?.id ?? ''}/stage` };
      if (probe) {
        const res = await fetch(server.url + probe.path, {
          method: probe.method,
          headers: { cookie: at(workers, 0).cookie, ...(probe.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(probe.method === 'POST' ? { body: '{}' } : {}),
        });
        const text = await res.text();
        if (res.status === 404) {
          log(`  ${ep.key}: ${probe.path} answered 404 — skipped (${text.slice(0, 120)})`);
          results.push({ ...base, skipped: `${probe.method} ${probe.path.split('?')[0] ?? ''} answered 404` });
          continue;
        }
      }
      if (ep.kind === 'read' && base.directP50 !== null) base.httpP50 = await measureHttpSequential(server.url, ep, workers, opts.directRuns);
      const spec: LoadSpec = {
        name: ep.name,
        request: (w, i) => ep.request(at(workers, w), w, i),
        ...(ep.okStatus ? { okStatus: ep.okStatus } : {}),
        ...(ep.conflictStatus ? { conflictStatus: ep.conflictStatus } : {}),
        ...(ep.onAnswer ? { onAnswer: ep.onAnswer } : {}),
      };
      const cookies = Array.from({ length: opts.concurrency }, (_, w) => at(workers, w).cookie);
      const load = await runLoad(server.url, cookies, spec, { concurrency: opts.concurrency, durationMs: opts.seconds * 1000 });
      log(`  ${ep.key.padEnd(10)} ${load.okRps.toFixed(0).padStart(6)} ok req/s  p50 ${load.p50.toFixed(1)}  p95 ${load.p95.toFixed(1)}  p99 ${load.p99.toFixed(1)} ms` +
        `  errors ${load.errors}  409 ${load.conflicts}${base.httpP50 !== null && base.directP50 ? `  ratio ${(base.httpP50 / base.directP50).toFixed(2)}` : ''}`);
      results.push({ ...base, load });
    }
    if (wanted('import')) {
      log(`== ${bdb.label}: importing ${opts.importRows.toLocaleString('en')} customers while others read`);
      const accounts = [...accountsById.values()];
      importResult = await runImport(server.url, accounts.find((a) => a.actor.grants.has('customer.import')), accounts.filter((a) => a.actor.grants.has('project.read')), opts, ds);
      for (const [label, r] of [['alone', importResult.alone], ['with readers', importResult.withReaders]] as const) {
        if (r) log(`  import ${label}: preview ${r.previewSeconds.toFixed(1)} s, commit ${r.commitSeconds?.toFixed(1) ?? '—'} s, imported ${r.imported ?? '—'}${r.note ? ` (${r.note})` : ''}`);
      }
      if (importResult.note) log(`  import: ${importResult.note}`);
    }
    rssEnd = procStatus(server.pid, 'VmRSS');
    hwm = procStatus(server.pid, 'VmHWM');
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
  return {
    engine: bdb.engine, label: bdb.label, dataset: ds, endpoints: results, importResult, rssStartMb: rssStart, rssPeakMb: Math.max(rssPeak, rssEnd), rssEndMb: rssEnd,
    hwmMb: hwm, serverStartSeconds, loadAvg: { before: loadBefore, after: os.loadavg() }, concurrency: opts.concurrency, seconds: opts.seconds,
    directRuns: opts.directRuns,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opts = parseProjectsBenchArgs(argv);
  if (opts.help) {
    log(PROJECTS_BENCH_HELP);
    return;
  }
  const command = `node --import tsx bench/projects.bench.ts ${argv.join(' ')}`.trim();
  log(`Projects benchmark: engines ${opts.engines.join(', ')}; ${opts.concurrency} users, ${opts.seconds} s per endpoint; scale ${opts.scale}`);
  const date = new Date();
  for (const engine of opts.engines) {
    const bdb = await openEngine(engine, opts.keep);
    if (!bdb) continue;
    try {
      const report = await runEngine(bdb, opts);
      if (!report) continue;
      const md = renderReport(report, command, date);
      log(`\n${md}`);
      const dir = path.join(ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${date.toISOString().slice(0, 10)}-${engine}.md`);
      writeFileSync(file, `${md}\n`);
      log(`(written to ${path.relative(ROOT, file)})`);
    } finally {
      await bdb.cleanup();
    }
  }
}

async function openEngine(engine: EngineName, keep: boolean): Promise<BenchDatabase | null> {
  if (engine === 'pglite') return createPgliteDatabase(keep);
  const base = postgresBaseUrl();
  if (!base) {
    log('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return null;
  }
  return createPostgresDatabase(base, keep);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
