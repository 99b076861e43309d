/**
 * Command-line flags of bench/projects.bench.ts (also printed by `npm run bench -- --help`).
 */
import { DEFAULT_SIZES, scaleSizes, type Sizes } from './dataset.ts';
import { postgresBaseUrl, type EngineName } from './engines.ts';

export const PROJECTS_BENCH_HELP = `bench/projects.bench.ts — presales projects and customers (issues 4 and 5)

Seeds a large data set, starts the real server as a child process and drives closed-loop
simulated users against the project, customer, search and workspace endpoints; times a
10,000-row customer import while other users read; compares each read endpoint's median with
the same query function called in-process (the overhead ratio). Report: stdout and
bench/results/<date>-<engine>.md.

  --engine pglite|postgres|both   default: both when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, else pglite
  --scale <f>                     multiply every data-set size (e.g. 0.05 for a quick run)        [1]
  --customers <n>                 customers (search is measured at this size)                    [${DEFAULT_SIZES.customers}]
  --project-customers <n>         of which carry the projects and activities                     [${DEFAULT_SIZES.projectCustomers}]
  --contacts <n>                                                                                 [${DEFAULT_SIZES.contacts}]
  --partners <n>                                                                                 [${DEFAULT_SIZES.partners}]
  --leads <n>                                                                                    [${DEFAULT_SIZES.leads}]
  --projects <n>                                                                                 [${DEFAULT_SIZES.projects}]
  --activities <n>                (each also gets a timeline entry)                              [${DEFAULT_SIZES.activities}]
  --concurrency <n>               simulated users per endpoint                                   [50]
  --seconds <n>                   load duration per endpoint                                      [15]
  --direct-runs <n>               sequential runs for the overhead ratio (in-process and HTTP)   [200]
  --import-rows <n>               rows of the customer import (scaled too)                        [10000]
  --endpoints <k1,k2,…>           only these: list,deep,detail,kanban,timeline,search,stage,workspace,import
  --seed-only                     seed, print the seeding times, stop
  --keep                          keep the scratch database / data folder (path printed)
  --help                          this text

Sizes given explicitly are not scaled. PostgreSQL: a fresh database bidflow_bench_<timestamp>
is created on the server of BENCH_DATABASE_URL (or TEST_DATABASE_URL) and dropped at the end.`;

export interface ProjectsBenchOptions {
  engines: EngineName[];
  scale: number;
  sizes: Sizes;
  concurrency: number;
  seconds: number;
  directRuns: number;
  importRows: number;
  endpoints: Set<string> | null;
  seedOnly: boolean;
  keep: boolean;
  help: boolean;
}

const SIZE_FLAGS: Array<[keyof Sizes, string]> = [
  ['customers', 'customers'],
  ['projectCustomers', 'project-customers'],
  ['contacts', 'contacts'],
  ['partners', 'partners'],
  ['leads', 'leads'],
  ['projects', 'projects'],
  ['activities', 'activities'],
];

export function parseProjectsBenchArgs(argv: string[]): ProjectsBenchOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got "${v}"`);
    return n;
  };
  const scale = num('scale', 1);
  const sizes = scaleSizes(DEFAULT_SIZES, scale);
  for (const [key, flag] of SIZE_FLAGS) sizes[key] = Math.round(num(flag, sizes[key]));
  sizes.projectCustomers = Math.min(sizes.projectCustomers, sizes.customers);
  const engine = value('engine') ?? (postgresBaseUrl() ? 'both' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(engine)) throw new Error(`--engine must be pglite, postgres or both, got "${engine}"`);
  const engines: EngineName[] = engine === 'both' ? ['pglite', 'postgres'] : [engine as EngineName];
  const list = value('endpoints');
  return {
    engines,
    scale,
    sizes,
    concurrency: Math.round(num('concurrency', 50)),
    seconds: num('seconds', 15),
    directRuns: Math.round(num('direct-runs', 200)),
    importRows: Math.round(num('import-rows', Math.max(10, Math.round(10_000 * scale)))),
    endpoints: list
      ? new Set(
          list
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        )
      : null,
    seedOnly: argv.includes('--seed-only'),
    keep: argv.includes('--keep'),
    help: argv.includes('--help') || argv.includes('-h'),
  };
}
