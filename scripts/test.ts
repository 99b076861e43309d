/**
 * `npm test`: every check CI runs, in order, stopping at the first failure.
 *
 *   chromium → typecheck → format (prettier --check) → lint → db:check → tests on PGlite → tests on PostgreSQL (when
 *   TEST_DATABASE_URL is set) → web build → browser tests
 *
 * The last line is always `N passed, M failed`: tests summed over the vitest runs, plus one
 * failure for a failed step that is not a test run (so a red build never reads "0 failed").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = {
  tsc: path.join(root, 'node_modules/typescript/bin/tsc'),
  eslint: path.join(root, 'node_modules/eslint/bin/eslint.js'),
  prettier: path.join(root, 'node_modules/prettier/bin/prettier.cjs'),
  vitest: path.join(root, 'node_modules/vitest/vitest.mjs'),
  vite: path.join(root, 'node_modules/vite/bin/vite.js'),
};
const resultsDir = path.join(root, '.tmp/test-results');

interface StepResult {
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
}

const results: StepResult[] = [];
let passed = 0;
let failed = 0;

function header(name: string): void {
  process.stdout.write(`\n\x1b[1m━━ ${name} ━━\x1b[0m\n`);
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) process.stderr.write(`${r.error.message}\n`);
  return r.status === 0;
}

/** Runs one step with a header and timing; returns false when it failed. */
function step(name: string, body: () => boolean | 'skipped'): boolean {
  header(name);
  const t0 = performance.now();
  let outcome: boolean | 'skipped';
  try {
    outcome = body();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    outcome = false;
  }
  const ms = performance.now() - t0;
  const status = outcome === 'skipped' ? 'skipped' : outcome ? 'ok' : 'failed';
  results.push({ name, status, ms });
  process.stdout.write(`${status === 'ok' ? '✔' : status === 'skipped' ? '○' : '✘'} ${name} — ${status} in ${seconds(ms)}\n`);
  return status !== 'failed';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

interface VitestJson {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  testResults?: Array<{ status: string; assertionResults?: Array<{ status: string }> }>;
}

/** Runs vitest with the JSON reporter and adds its counts; a file that failed to load counts as one failure. */
function vitest(label: string, args: string[], env: Record<string, string>): boolean {
  mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, `vitest-${label}.json`);
  rmSync(out, { force: true });
  const ok = run(process.execPath, [bin.vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
  if (!existsSync(out)) {
    failed += 1;
    return false;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults ?? []) {
    const anyTestFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyTestFailed) failed += 1;
  }
  return ok && report.success;
}

function chromium(): boolean {
  const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(browser)) {
    process.stdout.write(`${browser}\n`);
    return true;
  }
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
    process.stderr.write(
      `Chromium not found at ${browser}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to its binary.\n`,
    );
    return false;
  }
  process.stdout.write('Chromium is missing: installing it with apt-get …\n');
  return run('sh', ['-c', 'apt-get update && apt-get install -y chromium']) && existsSync(browser);
}

function main(): number {
  const started = performance.now();
  const steps: Array<() => boolean> = [
    () => step('Chromium (browser tests)', chromium),
    () => step('Typecheck (tsc --noEmit)', () => run(process.execPath, [bin.tsc, '-p', 'tsconfig.json', '--noEmit'])),
    () => step('Format (prettier --check)', () => run(process.execPath, [bin.prettier, '--check', '--log-level', 'warn', '.'])),
    () => step('Lint (eslint .)', () => run(process.execPath, [bin.eslint, '.'])),
    () =>
      step('Migrations agree with the schema (db:check)', () => run(process.execPath, ['--import', 'tsx', 'scripts/check-migrations.ts'])),
    () => step('Unit, HTTP and database tests on PGlite', () => vitest('pglite', [], { TEST_DB_ENGINE: 'pglite' })),
    () =>
      step('Database and HTTP tests on PostgreSQL', () => {
        if (!process.env.TEST_DATABASE_URL) {
          process.stdout.write('TEST_DATABASE_URL is not set: skipped (.ci/run sets it).\n');
          return 'skipped';
        }
        // The PGlite-only reliability variants already ran in the previous step.
        return vitest('postgres', [], { TEST_DB_ENGINE: 'postgres', RELIABILITY_SKIP_PGLITE: '1' });
      }),
    () =>
      step('Web build (vite build)', () => {
        if (!existsSync(path.join(root, 'web/vite.config.ts'))) {
          process.stdout.write('warning: web/vite.config.ts does not exist yet: skipped.\n');
          return 'skipped';
        }
        return run(process.execPath, [bin.vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
      }),
    () =>
      step('Browser tests (e2e)', () => {
        if (!existsSync(path.join(root, 'e2e/vitest.e2e.config.ts'))) {
          process.stdout.write('e2e/vitest.e2e.config.ts does not exist yet: skipped.\n');
          return 'skipped';
        }
        return vitest('e2e', ['--config', 'e2e/vitest.e2e.config.ts'], {});
      }),
  ];
  let ok = true;
  for (const s of steps) {
    const before = failed;
    if (!s()) {
      // a failed step that is not a test run still has to show as a failure
      if (failed === before) failed += 1;
      ok = false;
      break;
    }
  }
  process.stdout.write('\n');
  for (const r of results) {
    process.stdout.write(
      `  ${r.status === 'ok' ? '✔' : r.status === 'skipped' ? '○' : '✘'} ${r.name.padEnd(48)} ${seconds(r.ms).padStart(8)}  ${r.status}\n`,
    );
  }
  process.stdout.write(`  total ${seconds(performance.now() - started)}${ok ? '' : ' — stopped at the first failure'}\n\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return ok ? 0 : 1;
}

process.exit(main());
