import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { Raw } from '../../core/imports/cell-parser.ts';

/**
 * Reading the cells of an uploaded workbook for the import framework (xlsx-import.ts): the first
 * visible worksheet, row by row, each cell reduced to a plain value. Parsing runs in a worker
 * thread (xlsx-read-worker.mjs) so a large file never blocks other requests.
 */

/** A cell's value: text, number, boolean, date or empty (the type the cell parser in core/imports takes). */
export type { Raw } from '../../core/imports/cell-parser.ts';

export interface SheetRow {
  /** Excel row number */
  n: number;
  /** cell values by column number (1-based) */
  cells: Raw[];
}

type WorkerCell = string | number | boolean | { d: string } | null;

/**
 * Loads the first visible worksheet in a worker thread, so that parsing a large file (about a
 * second for 10,000 rows) never blocks other requests; falls back to this thread only when a
 * worker cannot be started. A worker that fails or dies while parsing (e.g. a zip bomb hitting
 * its memory limit) means the file is unreadable: null, never a retry on the main thread.
 */
export async function readSheet(content: Buffer): Promise<SheetRow[] | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./xlsx-read-worker.mjs', import.meta.url), {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
  } catch {
    return readSheetHere(content);
  }
  return readSheetOffThread(worker, content);
}

function readSheetOffThread(worker: Worker, content: Buffer): Promise<SheetRow[] | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (rows: SheetRow[] | null) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(rows);
    };
    worker.once('message', (m: { ok: boolean; rows?: Array<{ n: number; cells: WorkerCell[] }> }) => {
      if (!m.ok || !m.rows) return done(null);
      done(m.rows.map((r) => ({ n: r.n, cells: r.cells.map((c) => (c && typeof c === 'object' ? new Date(c.d) : (c ?? null))) })));
    });
    worker.once('error', () => done(null));
    worker.once('exit', () => done(null));
    const copy = new Uint8Array(content.byteLength);
    copy.set(content);
    worker.postMessage(copy.buffer, [copy.buffer]);
  });
}

async function readSheetHere(content: Buffer): Promise<SheetRow[] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) return [];
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: Raw[] = new Array<Raw>(row.cellCount + 1).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col] = rawOf(cell.value);
    });
    rows.push({ n, cells });
  });
  return rows;
}

function rawOf(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) {
    const t: unknown = v.text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t && Array.isArray(t.richText)) {
      return (t.richText as { text: string }[]).map((x) => x.text).join('');
    }
    return null;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const r: unknown = (v as { result?: unknown }).result;
    if (r === undefined || r === null) return null;
    if (r instanceof Date || typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean') return r;
    return null;
  }
  return null;
}
