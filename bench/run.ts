/**
 * `npm run bench`: the foundation load benchmark, the deadline sweep benchmark, then the presales
 * projects and customers benchmark. Flags are passed to each (each ignores the others' flags);
 * `--only foundation,deadlines,projects` runs a subset; `--help` lists every flag.
 */
import { spawnSync } from 'node:child_process';
import { PROJECTS_BENCH_HELP } from './support/projects-cli.ts';

const BENCHES: Record<string, string> = {
  foundation: 'bench/foundation.bench.ts',
  deadlines: 'bench/deadline-sweep.bench.ts',
  projects: 'bench/projects.bench.ts',
};

const HELP = `npm run bench [-- flags]

Runs, in order: foundation (bench/foundation.bench.ts), deadlines (bench/deadline-sweep.bench.ts),
projects (bench/projects.bench.ts). PGlite always; PostgreSQL too when BENCH_DATABASE_URL or
TEST_DATABASE_URL is set (each creates and drops its own scratch database).

  --only <names>          comma-separated subset: ${Object.keys(BENCHES).join(',')}
  --help                  this text

foundation: --users <n> [10000]  --audit <n> [300000]  --seconds <n> [10]  --concurrency <n> [50]
deadlines:  --deadlines <n> [100000]  --due-share <f> [0.2]  --users <n> [200]

${PROJECTS_BENCH_HELP}`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const onlyAt = argv.indexOf('--only');
const only =
  onlyAt >= 0
    ? (argv[onlyAt + 1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : Object.keys(BENCHES);
const unknown = only.filter((n) => !BENCHES[n]);
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})\n`);
  process.exit(2);
}
const passed = onlyAt >= 0 ? [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)] : argv;

for (const name of only) {
  const file = BENCHES[name] ?? '';
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...passed], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
