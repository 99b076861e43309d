/**
 * Excel (.xlsx) export framework: a list of columns → one workbook, the same way for every list.
 *
 * How a module plugs in (e.g. leads), once per list in server/modules/<module>/commands/:
 * ```ts
 * const columns: ExportColumn<LeadRow>[] = [
 *   { header: l10n('编号', 'Code'), value: (r) => r.code, width: 16 },
 *   { header: l10n('预计金额', 'Estimated amount'), type: 'money', value: (r) => r.estimatedAmountFen },
 *   { header: l10n('登记时间', 'Registered at'), type: 'datetime', value: (r) => r.registeredAt },
 *   { header: l10n('状态', 'State'), value: (r, locale) => STATE_LABELS[r.state][locale] },
 * ];
 * // rows come from the SAME query (and visibility condition) as the list
 * export const leadsExport = defineListExport<LeadRow, LeadExportQuery>({
 *   entity: 'lead', permissions: ['customer.export'], sheetName: l10n('线索', 'Leads'), fileName: l10n('线索', 'leads'),
 *   columns, rows: (ctx, filter) => leadsForExport(ctx.db, ctx.actor, filter),
 * });
 * // the route's handler: exportXlsx: async ({ ctx, query, reply }) => leadsExport.send(reply, ctx, query)
 * ```
 * Cell types: text (default; written as text so phones and codes keep their digits), integer,
 * number, money (integer fen → a number in yuan with the `¥#,##0.00` format), date
 * ('YYYY-MM-DD' string or Date → an Excel date), datetime (Date → an Excel date-time showing
 * Asia/Shanghai wall-clock time, `yyyy-mm-dd hh:mm`), boolean (是/否). `exportXlsx` writes one
 * audit row `<entity>.export` with the row count and the filter.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Permission } from '../../core/permissions.ts';
import { requirePermission } from '../policies/policy.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Ctx } from '../kernel/context.ts';
import type { L10n } from '../../core/imports/l10n.ts';

export type ExportCellType = 'text' | 'integer' | 'number' | 'money' | 'date' | 'datetime' | 'boolean';
export type ExportValue = string | number | boolean | Date | null | undefined;

export interface ExportColumn<T> {
  header: L10n;
  type?: ExportCellType;
  width?: number;
  value: (row: T, locale: Locale) => ExportValue;
}

export interface WorkbookSpec<T> {
  sheetName: L10n;
  columns: readonly ExportColumn<T>[];
  rows: Iterable<T> | AsyncIterable<T>;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A Date as the Excel value showing its Asia/Shanghai wall-clock time (Excel dates carry no zone). */
export function shanghaiWallClock(d: Date): Date {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS);
}

function cellValue(type: ExportCellType, v: ExportValue, locale: Locale): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (type) {
    case 'text':
      return v instanceof Date ? v.toISOString() : String(v);
    case 'integer':
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'money':
      return typeof v === 'number' ? v / 100 : Number(v) / 100;
    case 'date': {
      if (v instanceof Date) {
        const w = shanghaiWallClock(v);
        return new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()));
      }
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v));
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(v);
    }
    case 'datetime':
      return v instanceof Date ? shanghaiWallClock(v) : String(v);
    case 'boolean':
      return v ? (locale === 'en' ? 'yes' : '是') : locale === 'en' ? 'no' : '否';
  }
}

const NUM_FMT: Partial<Record<ExportCellType, string>> = {
  text: '@',
  money: '"¥"#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
};

/** Builds the workbook of one list in the user's language; returns the file and the row count. */
export async function buildXlsx<T>(spec: WorkbookSpec<T>, locale: Locale, now: Date): Promise<{ buffer: Buffer; rows: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bidflow';
  wb.created = now;
  const ws = wb.addWorksheet(spec.sheetName[locale]);
  ws.addRow(spec.columns.map((c) => c.header[locale]));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width =
      c.width ??
      (c.type === 'datetime' ? 18 : c.type === 'money' ? 16 : Math.max(10, c.header[locale].length * (locale === 'en' ? 1.2 : 2.2) + 4));
    const fmt = NUM_FMT[c.type ?? 'text'];
    if (fmt) col.numFmt = fmt;
  });
  let n = 0;
  for await (const row of spec.rows) {
    ws.addRow(spec.columns.map((c) => cellValue(c.type ?? 'text', c.value(row, locale), locale)));
    n++;
  }
  if (n > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows: n };
}

/** Builds a list's export and records it in the audit log (who exported what, with which filter). */
export async function exportXlsx<T>(
  ctx: Ctx,
  spec: WorkbookSpec<T> & { entity: string; filter?: unknown },
): Promise<{ buffer: Buffer; rows: number }> {
  const out = await buildXlsx(spec, ctx.actor.locale, ctx.now);
  await ctx.db.transaction((tx) =>
    appendAudit(tx, ctx.actor, ctx.now, {
      action: `${spec.entity}.export`,
      entityType: spec.entity,
      detail: `${out.rows} rows; filter ${JSON.stringify(spec.filter ?? {})}`,
    }),
  );
  return out;
}

/** `<name>-YYYYMMDD.xlsx` in the user's language (date in Asia/Shanghai). */
export function xlsxFileName(base: L10n, ctx: Pick<Ctx, 'actor' | 'now'>): { name: string; ascii: string } {
  const stamp = shanghaiWallClock(ctx.now).toISOString().slice(0, 10).replace(/-/g, '');
  return { name: `${base[ctx.actor.locale]}-${stamp}.xlsx`, ascii: `${base.en.replace(/[^A-Za-z0-9_-]+/g, '-')}-${stamp}.xlsx` };
}

/** Sends an .xlsx as a download with a UTF-8 file name. */
export function sendXlsx(reply: FastifyReply, buffer: Buffer, file: { name: string; ascii: string }): FastifyReply {
  return reply
    .header('Content-Type', XLSX_CONTENT_TYPE)
    .header('Content-Disposition', `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('Cache-Control', 'private, no-store')
    .send(buffer);
}

/**
 * A list's .xlsx export, declared once: who may export, the columns, where the rows come from
 * (the same reach and filters as the list on screen), and the file's name. `send` is the whole
 * route handler: permission check, workbook, audit row (`<entity>.export`), download.
 */
export interface ListExportSpec<T, Q> {
  entity: string;
  /** every permission needed, e.g. `customer.export` plus the list's read permission */
  permissions: readonly Permission[];
  sheetName: L10n;
  /** the download's base name; the Shanghai date is appended */
  fileName: L10n;
  columns: readonly ExportColumn<T>[];
  rows: (ctx: Ctx, filter: Q) => Iterable<T> | AsyncIterable<T> | Promise<Iterable<T> | AsyncIterable<T>>;
}

export interface ListExport<Q> {
  /** the workbook (permission-checked and audited) */
  build(ctx: Ctx, filter: Q): Promise<Buffer>;
  /** builds it and sends it as a download */
  send(reply: FastifyReply, ctx: Ctx, filter: Q): Promise<FastifyReply>;
}

export function defineListExport<T, Q>(spec: ListExportSpec<T, Q>): ListExport<Q> {
  const build = async (ctx: Ctx, filter: Q): Promise<Buffer> => {
    for (const p of spec.permissions) requirePermission(ctx.actor, p);
    const rows = await spec.rows(ctx, filter);
    const { buffer } = await exportXlsx(ctx, { entity: spec.entity, sheetName: spec.sheetName, columns: spec.columns, rows, filter });
    return buffer;
  };
  return {
    build,
    send: async (reply, ctx, filter) => sendXlsx(reply, await build(ctx, filter), xlsxFileName(spec.fileName, ctx)),
  };
}
