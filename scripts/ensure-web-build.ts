/**
 * `prestart`: builds the web app when web/dist is missing or older than its sources, so that
 * `npm install && npm start` works on a fresh clone. Silent when the build is up to date.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = 'web/vite.config.ts';
const BUILT = path.join(root, 'web/dist/index.html');
/** Everything the bundle is made from. */
const SOURCES = ['web/src', 'web/public', 'web/index.html', CONFIG, 'core', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(p, e.name)));
  }
  return newest;
}

function main(): number {
  if (!existsSync(path.join(root, CONFIG))) return 0; // no web app yet
  const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built >= sources) return 0;
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) {
    process.stderr.write(
      `web/dist is ${built ? 'out of date' : 'missing'} and vite is not installed (npm install without --omit=dev builds it); ` +
        'starting with the API only.\n',
    );
    return 0;
  }
  process.stdout.write(`Building the web app (web/dist is ${built ? 'older than its sources' : 'missing'}) …\n`);
  const r = spawnSync(process.execPath, [vite, 'build', '--config', CONFIG, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('The web build failed; fix it or run `npm run build` to see why.\n');
    return r.status ?? 1;
  }
  return 0;
}

process.exit(main());
