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
 * This file parses the flags and writes each engine's report; in bench/support/: projects-driver.ts
 * runs one engine (steps 1–5), projects-scenarios.ts holds the simulated users, the endpoints and
 * their preparation, projects-measure.ts the sequential timings, projects-import.ts the import,
 * report.ts the Markdown.
 *
 *   node --import tsx bench/projects.bench.ts --help
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteDatabase, createPostgresDatabase, postgresBaseUrl, type BenchDatabase, type EngineName } from './support/engines.ts';
import { PROJECTS_BENCH_HELP, parseProjectsBenchArgs } from './support/projects-cli.ts';
import { runEngine } from './support/projects-driver.ts';
import { renderReport } from './support/report.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opts = parseProjectsBenchArgs(argv);
  if (opts.help) {
    log(PROJECTS_BENCH_HELP);
    return;
  }
  const command = `node --import tsx bench/projects.bench.ts ${argv.join(' ')}`.trim();
  log(
    `Projects benchmark: engines ${opts.engines.join(', ')}; ${opts.concurrency} users, ${opts.seconds} s per endpoint; scale ${opts.scale}`,
  );
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
