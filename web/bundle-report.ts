/**
 * Bundle budget: how much JavaScript the browser loads for the login page and the shell.
 *
 * Reads `web/dist/.vite/manifest.json` (build.manifest is on), takes the entry chunk with all
 * of its static imports (transitively; `imports`, not `dynamicImports`), adds the login route
 * chunk and the chunks it statically imports, and sums their gzip sizes. Also prints a table of
 * every chunk. Run after `npm run build`:
 *
 *   node --import tsx web/bundle-report.ts [distDir]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface MeasuredFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface ShellBundle {
  totalGzipBytes: number;
  totalBytes: number;
  files: MeasuredFile[];
}

/** The budget for the login page + shell JavaScript, gzip. */
export const SHELL_BUDGET_GZIP_BYTES = 350 * 1024;

/** The page the first visit renders; its chunk counts towards the shell budget. */
const LOGIN_PAGE_SRC = 'src/features/auth/pages/login-page.tsx';

export function readManifest(distDir: string): Manifest {
  const file = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} not found: run npm run build first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

export function measureFile(distDir: string, file: string): MeasuredFile {
  const content = readFileSync(path.join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Manifest keys of `start` and everything it imports statically. */
function staticClosure(manifest: Manifest, start: string, into: Set<string>): void {
  if (into.has(start)) return;
  const chunk = manifest[start];
  if (!chunk) throw new Error(`manifest has no chunk ${start}`);
  into.add(start);
  for (const dep of chunk.imports ?? []) staticClosure(manifest, dep, into);
}

/** Gzip size of the JavaScript loaded for the login page and the signed-in shell. */
export function measureShellBundle(distDir: string): ShellBundle {
  const manifest = readManifest(distDir);
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk in the manifest, found ${entries.length}`);
  const keys = new Set<string>();
  staticClosure(manifest, entries[0]?.[0] ?? '', keys);
  const loginKey = Object.keys(manifest).find((k) => k === LOGIN_PAGE_SRC || manifest[k]?.src === LOGIN_PAGE_SRC);
  if (!loginKey) throw new Error(`login page chunk (${LOGIN_PAGE_SRC}) not found in the manifest`);
  staticClosure(manifest, loginKey, keys);
  const files = [...keys]
    .map((k) => manifest[k]?.file)
    .filter((f): f is string => typeof f === 'string' && f.endsWith('.js'))
    .map((f) => measureFile(distDir, f))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    files,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Every chunk of the build with its raw and gzip size, marking the ones in the shell. */
export function report(distDir: string): string {
  const manifest = readManifest(distDir);
  const shell = measureShellBundle(distDir);
  const inShell = new Set(shell.files.map((f) => f.file));
  const seen = new Set<string>();
  const rows: Array<MeasuredFile & { shell: boolean }> = [];
  for (const chunk of Object.values(manifest)) {
    for (const file of [chunk.file, ...(chunk.css ?? [])]) {
      if (seen.has(file) || !/\.(js|css)$/.test(file)) continue;
      seen.add(file);
      rows.push({ ...measureFile(distDir, file), shell: inShell.has(file) });
    }
  }
  rows.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const width = Math.max(...rows.map((r) => r.file.length), 10);
  const lines = [
    `${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  shell`,
    ...rows.map((r) => `${r.file.padEnd(width)}  ${kb(r.bytes).padStart(10)}  ${kb(r.gzipBytes).padStart(10)}  ${r.shell ? '  *' : ''}`),
    '',
    `login page + shell JavaScript: ${kb(shell.totalGzipBytes)} gzip (${kb(shell.totalBytes)} raw) in ${shell.files.length} files; budget ${kb(SHELL_BUDGET_GZIP_BYTES)}`,
  ];
  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const distDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist'));
  try {
    console.log(report(distDir));
    const { totalGzipBytes } = measureShellBundle(distDir);
    if (totalGzipBytes > SHELL_BUDGET_GZIP_BYTES) {
      console.error(`over budget by ${kb(totalGzipBytes - SHELL_BUDGET_GZIP_BYTES)}`);
      process.exitCode = 1;
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
