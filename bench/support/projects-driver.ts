/**
 * One engine of the projects benchmark, start to end: seed the data set, prepare the simulated
 * users and time the queries in-process (server stopped), start the server, probe and load each
 * endpoint, run the import, and collect what the report needs.
 */
import os from 'node:os';
import { loginOver, spawnServer, type SpawnedServer } from '../../server/test-support/spawn-server.ts';
import { BENCH_PASSWORD, type Dataset } from './dataset.ts';
import type { Account } from './direct.ts';
import type { BenchDatabase } from './engines.ts';
import { generateDataset } from './generate.ts';
import { runLoad, type LoadSpec } from './load.ts';
import type { ProjectsBenchOptions } from './projects-cli.ts';
import { runImport } from './projects-import.ts';
import { measureDirect, measureHttpSequential, procStatus } from './projects-measure.ts';
import { actorOf, at, endpoints, pickLoadUsers, prepare, type Endpoint, type Prepared } from './projects-scenarios.ts';
import type { EndpointResult, EngineReport, ImportResult } from './report.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

export async function runEngine(bdb: BenchDatabase, opts: ProjectsBenchOptions): Promise<EngineReport | null> {
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
    prep = await prepare(
      db.db,
      ds,
      [...accountsById.values()],
      mix.filter((a) => a.actor.grants.has('project.update')),
      opts,
    );
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
      const base: EndpointResult = {
        key: ep.key,
        kind: ep.kind,
        load: null,
        skipped: null,
        accounts,
        directP50: directP50.get(ep.key) ?? null,
        httpP50: null,
      };
      if (workers.length === 0) {
        results.push({ ...base, skipped: 'no account may call it' });
        continue;
      }
      // a read is probed as itself; a write with an empty body, which an existing route refuses with 400 before changing anything
      const probe =
        ep.kind === 'read'
          ? ep.request(at(workers, 0), 0, 0)
          : { method: 'POST', path: `/api/projects/${prep.writePools.flat()[0]?.id ?? ''}/stage` };
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
      if (ep.kind === 'read' && base.directP50 !== null)
        base.httpP50 = await measureHttpSequential(server.url, ep, workers, opts.directRuns);
      const spec: LoadSpec = {
        name: ep.name,
        request: (w, i) => ep.request(at(workers, w), w, i),
        ...(ep.okStatus ? { okStatus: ep.okStatus } : {}),
        ...(ep.conflictStatus ? { conflictStatus: ep.conflictStatus } : {}),
        ...(ep.onAnswer ? { onAnswer: ep.onAnswer } : {}),
      };
      const cookies = Array.from({ length: opts.concurrency }, (_, w) => at(workers, w).cookie);
      const load = await runLoad(server.url, cookies, spec, { concurrency: opts.concurrency, durationMs: opts.seconds * 1000 });
      log(
        `  ${ep.key.padEnd(10)} ${load.okRps.toFixed(0).padStart(6)} ok req/s  p50 ${load.p50.toFixed(1)}  p95 ${load.p95.toFixed(1)}  p99 ${load.p99.toFixed(1)} ms` +
          `  errors ${load.errors}  409 ${load.conflicts}${base.httpP50 !== null && base.directP50 ? `  ratio ${(base.httpP50 / base.directP50).toFixed(2)}` : ''}`,
      );
      results.push({ ...base, load });
    }
    if (wanted('import')) {
      log(`== ${bdb.label}: importing ${opts.importRows.toLocaleString('en')} customers while others read`);
      const accounts = [...accountsById.values()];
      importResult = await runImport(
        server.url,
        accounts.find((a) => a.actor.grants.has('customer.import')),
        accounts.filter((a) => a.actor.grants.has('project.read')),
        opts,
        ds,
      );
      for (const [label, r] of [
        ['alone', importResult.alone],
        ['with readers', importResult.withReaders],
      ] as const) {
        if (r)
          log(
            `  import ${label}: preview ${r.previewSeconds.toFixed(1)} s, commit ${r.commitSeconds?.toFixed(1) ?? '—'} s, imported ${r.imported ?? '—'}${r.note ? ` (${r.note})` : ''}`,
          );
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
    engine: bdb.engine,
    label: bdb.label,
    dataset: ds,
    endpoints: results,
    importResult,
    rssStartMb: rssStart,
    rssPeakMb: Math.max(rssPeak, rssEnd),
    rssEndMb: rssEnd,
    hwmMb: hwm,
    serverStartSeconds,
    loadAvg: { before: loadBefore, after: os.loadavg() },
    concurrency: opts.concurrency,
    seconds: opts.seconds,
    directRuns: opts.directRuns,
  };
}
