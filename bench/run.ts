/** `npm run bench`: the foundation load benchmark, then the deadline sweep benchmark. */
import { spawnSync } from 'node:child_process';

for (const file of ['bench/foundation.bench.ts', 'bench/deadline-sweep.bench.ts']) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
