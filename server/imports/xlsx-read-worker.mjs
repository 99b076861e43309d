// Reads the first visible worksheet of an .xlsx off the main thread (loading a 10,000-row file
// takes about a second of CPU, which would otherwise stall every other request). Plain JavaScript
// so it runs in a worker thread without the TypeScript loader. Used by readSheetOffThread in
// xlsx-read.ts; the answer is { ok: true, rows: [{ n, cells }] } with cells as string | number |
// boolean | { d: ISO string } | null, or { ok: false }.
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';

function cellOf(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { d: v.toISOString() };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('hyperlink' in v) {
      if (typeof v.text === 'string') return v.text;
      if (v.text && Array.isArray(v.text.richText)) return v.text.richText.map((t) => t.text).join('');
      return null;
    }
    if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result);
  }
  return null;
}

parentPort?.on('message', async (buffer) => {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer);
    const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
    if (!ws) {
      parentPort?.postMessage({ ok: true, rows: [] });
      return;
    }
    const rows = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells = new Array(row.cellCount + 1).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col] = cellOf(cell.value);
      });
      rows.push({ n, cells });
    });
    parentPort?.postMessage({ ok: true, rows });
  } catch {
    parentPort?.postMessage({ ok: false });
  }
});
