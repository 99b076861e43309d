/**
 * The customer import of the projects benchmark (issue 4): a generated .xlsx previewed and
 * committed through the import endpoints, alone and while simulated users read the project list.
 */
import type { Dataset } from './dataset.ts';
import type { Account } from './direct.ts';
import { buildCustomerImportFile, IMPORT_PATHS } from './import-file.ts';
import { runLoad, type LoadSpec } from './load.ts';
import type { ProjectsBenchOptions } from './projects-cli.ts';
import type { ImportResult, ImportRun } from './report.ts';

async function importOnce(base: string, importer: Account, firstIdx: number, rows: number): Promise<ImportRun | string> {
  const file = await buildCustomerImportFile(base, importer.cookie, firstIdx, rows);
  if (!file.ok) return file.note;
  const post = async (p: string, body: unknown) => {
    const t0 = performance.now();
    const res = await fetch(base + p, {
      method: 'POST',
      headers: { cookie: importer.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, seconds: (performance.now() - t0) / 1000, text };
  };
  const preview = await post(IMPORT_PATHS.preview, { fileName: file.fileName, contentBase64: file.base64 });
  const run: ImportRun = {
    previewStatus: preview.status,
    previewSeconds: preview.seconds,
    commitStatus: 0,
    commitSeconds: null,
    imported: null,
    note: null,
  };
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
export async function runImport(
  base: string,
  importer: Account | undefined,
  readers: Account[],
  opts: ProjectsBenchOptions,
  ds: Dataset,
): Promise<ImportResult> {
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
  const readerSpec: LoadSpec = {
    name: 'GET /api/projects (page 1)',
    request: () => ({ method: 'GET', path: '/api/projects?page=1&pageSize=20' }),
  };
  const readerCookies = readers.map((a) => a.cookie);
  const readerUsers = Math.min(10, opts.concurrency);
  result.readerBefore = await runLoad(base, readerCookies, readerSpec, {
    concurrency: readerUsers,
    durationMs: Math.min(5, opts.seconds) * 1000,
  });
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
