/**
 * Excel (.xlsx) import framework: one way for every module to import rows from a spreadsheet with
 * a downloadable template, a preview with a row-by-row error report in the user's language, and a
 * commit that imports nothing unless the whole file is valid (or, on request, only the valid rows).
 *
 * How a module plugs in (e.g. leads):
 *
 * 1. Describe the sheet once as an `ImportSpec<R>` (R = the typed row):
 *    ```ts
 *    export const leadImportSpec: ImportSpec<LeadRow> = {
 *      entity: 'lead', permission: 'customer.import',
 *      sheetName: l10n('线索', 'Leads'),
 *      columns: [
 *        { key: 'title', header: l10n('线索名称', 'Title'), type: 'text', required: true, maxLength: 200, example: '某市智慧园区项目' },
 *        { key: 'channel', header: l10n('来源渠道', 'Channel'), type: 'enum', required: true, options: CHANNEL_OPTIONS },
 *        { key: 'amountFen', header: l10n('预计金额（元）', 'Estimated amount (CNY)'), type: 'money' },
 *      ],
 *      // optional: per-row rules (pure), whole-row zod schema, uniqueness inside the file
 *      validateRow: (r) => (r.x && !r.y ? [{ column: 'y', message: l10n('…', '…') }] : []),
 *      uniqueInFile: [{ column: 'title', key: (r) => r.title }],
 *      // optional: batch checks against the database (look-ups, duplicates); add errors with addRowError
 *      check: async (db, rows, ctx) => { … addRowError(row, 'customer', l10n('客户不存在', 'unknown customer')); … },
 *      // required: insert one batch (≤ batchSize rows) inside the commit's transaction
 *      insert: async (tx, rows, ctx) => { await tx.insert(leads).values(rows.map((r) => ({ … }))); },
 *    };
 *    ```
 *    Column types: text (numbers become their digits, so phones and codes survive Excel), integer,
 *    number, money (yuan in the sheet → integer fen), date ('YYYY-MM-DD'), datetime (Date, typed
 *    as Asia/Shanghai), enum (value or zh/en label → value), boolean (是/否, yes/no, 1/0).
 *    Empty optional cells become `null`.
 * 2. Use cases (server/commands): `buildImportTemplate(spec, locale)`, `previewImport(ctx, spec, body)`
 *    and `commitImport(ctx, spec, body)`; `body` is `ImportFileBody` / `ImportCommitBody` from
 *    core/schemas/imports.schema.ts (file as base64 JSON: `{ fileName, contentBase64, mode }`).
 * 3. Routes: `GET /api/<module>/import/template.xlsx`, `POST /api/<module>/import/preview`
 *    (→ `ImportPreview`), `POST /api/<module>/import/commit` (→ `ImportCommitResult`); use
 *    `IMPORT_BODY_LIMIT` as the route's bodyLimit and `sendXlsx` from xlsx-export.ts for the template.
 *    See server/routes/customers/customers.routes.ts.
 *
 * Rules the framework keeps: the header row is matched by the Chinese or English header (a
 * trailing `*` or 「（必填）」 is ignored, column order is free); rows equal to the template's
 * example row and empty rows are skipped; at most `maxRows` rows (default 20,000). Commit parses
 * the file before opening a transaction, then re-runs `check` and inserts inside ONE transaction,
 * in batches (default 500 rows per statement), and writes ONE audit row `<entity>.import` summarising the file; with
 * `all_or_nothing` and any error it answers 400 `validation_failed` with `details.rows` (the
 * error report) and writes nothing.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Permission } from '../../core/permissions.ts';
import {
  MAX_IMPORT_FILE_MB, type ImportCommitBody, type ImportCommitResult, type ImportFileBody, type ImportPreview, type ImportRowError,
} from '../../core/schemas/imports.schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../kernel/context.ts';
import { fieldMessage } from '../http/field-messages.ts';
import { requirePermission } from '../policies/policy.ts';
import { readSheet, type Raw } from './xlsx-read.ts';

/** A text in both languages. */
export type L10n = Record<Locale, string>;

/** Shorthand for an `L10n`. */
export function l10n(zh: string, en: string): L10n {
  return { 'zh-CN': zh, en };
}

export type ImportColumnType = 'text' | 'integer' | 'number' | 'money' | 'date' | 'datetime' | 'enum' | 'boolean';

export interface ImportOption {
  value: string;
  label: L10n;
}

export interface ImportColumn<K extends string = string> {
  key: K;
  header: L10n;
  type: ImportColumnType;
  required?: boolean;
  maxLength?: number;
  /** enum columns: the accepted values (a cell may hold the value or either label) */
  options?: readonly ImportOption[];
  /** the template's example cell (as typed in Excel) */
  example?: string | number;
  /** shown on the template's notes sheet */
  note?: L10n;
  /** column width in the template */
  width?: number;
  /** a rule on this cell's parsed (non-empty) value; returns the problem or null */
  validate?: (value: unknown) => L10n | null;
}

export interface RowProblem {
  column: string | null;
  message: L10n;
}

/** One data row of the file while it is being checked. */
export interface ImportRow<R> {
  /** the Excel row number (the header is row 1) */
  rowNumber: number;
  /** parsed values; complete and typed only when `problems` is empty */
  value: R;
  /** the cells as text, by column key */
  cells: Record<string, string>;
  problems: RowProblem[];
}

export interface ImportSpec<R> {
  /** audit entity type and action prefix (`<entity>.import`) */
  entity: string;
  /** required for preview and commit (the route should require it too) */
  permission: Permission;
  sheetName: L10n;
  columns: readonly ImportColumn<keyof R & string>[];
  /** optional whole-row schema run after the cell checks; its issues are localized by Zod's tables */
  schema?: z.ZodType<R>;
  /** pure per-row rules after the cell checks */
  validateRow?: (row: R) => RowProblem[];
  /** values that must not repeat inside the file */
  uniqueInFile?: readonly { column: keyof R & string; key: (row: R) => string | null; message?: L10n }[];
  /** batch checks against the database for the rows without problems; report with `addRowError` */
  check?: (db: Db, rows: ImportRow<R>[], ctx: Ctx) => Promise<void>;
  /** inserts one batch of valid rows inside the commit's transaction */
  insert: (tx: Db, rows: ImportRow<R>[], ctx: Ctx) => Promise<void>;
  maxRows?: number;
  batchSize?: number;
  /** extra lines for the template's notes sheet */
  notes?: readonly L10n[];
}

export const DEFAULT_MAX_IMPORT_ROWS = 20_000;
const PREVIEW_ROWS = 100;
const MAX_REPORTED_ERRORS = 2_000;
const TEMPLATE_VALIDATION_ROWS = 20_000;

/** Route body limit for imports: the largest file, base64-encoded, plus the JSON envelope. */
export const IMPORT_BODY_LIMIT = Math.ceil((MAX_IMPORT_FILE_MB * 1024 * 1024 * 4) / 3) + 64 * 1024;

/** Records a problem on a row (used by `check`). */
export function addRowError<R>(row: ImportRow<R>, column: (keyof R & string) | null, message: L10n): void {
  row.problems.push({ column, message });
}

// ---------------------------------------------------------------------------------------------
// template

/** The .xlsx template: a header row, one example row, a notes sheet and drop-downs for enum columns. */
export async function buildImportTemplate<R>(spec: ImportSpec<R>, locale: Locale): Promise<Buffer> {
  const en = locale === 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bidflow';
  const ws = wb.addWorksheet(spec.sheetName[locale]);
  const notes = wb.addWorksheet(en ? 'Notes' : '填写说明');
  const lists = wb.addWorksheet('options', { state: 'veryHidden' });

  ws.addRow(spec.columns.map((c) => c.header[locale]));
  ws.addRow(spec.columns.map((c) => c.example ?? ''));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.height = 20;
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(12, c.header[locale].length * (en ? 1.2 : 2.2) + 4);
    if (c.type === 'text' || c.type === 'enum') col.numFmt = '@';
    if (c.type === 'money') col.numFmt = '#,##0.00';
    if (c.type === 'date') col.numFmt = 'yyyy-mm-dd';
    if (c.type === 'datetime') col.numFmt = 'yyyy-mm-dd hh:mm';
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E2' : 'FFEFEFEF' } };
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = describeColumn(c, locale);
  });
  ws.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  // drop-downs: option labels on a hidden sheet, referenced by a list validation per enum column
  let listCol = 0;
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  spec.columns.forEach((c, i) => {
    if (c.type !== 'enum' && c.type !== 'boolean') return;
    const labels = c.type === 'boolean' ? (en ? ['yes', 'no'] : ['是', '否']) : (c.options ?? []).map((o) => o.label[locale]);
    if (labels.length === 0) return;
    listCol++;
    labels.forEach((l, j) => {
      lists.getCell(j + 1, listCol).value = l;
    });
    const letter = lists.getColumn(listCol).letter;
    const target = ws.getColumn(i + 1).letter;
    validations.add(`${target}2:${target}${TEMPLATE_VALIDATION_ROWS + 1}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`options!$${letter}$1:$${letter}$${labels.length}`],
      showErrorMessage: false,
    });
  });

  notes.addRow([en ? 'How to fill in this template' : '填写说明']).font = { bold: true, size: 14 };
  const general: L10n[] = [
    l10n('第一行是表头，请勿修改列名；列的顺序可以调整，多余的列会被忽略。', 'Row 1 is the header: keep the column names; the order may change, extra columns are ignored.'),
    l10n('第二行是示例，导入时会自动忽略（也可以直接删除）。', 'Row 2 is an example and is ignored on import (you may delete it).'),
    l10n('红色列名为必填项。', 'Red headers are required.'),
    l10n(`每个文件最多 ${(spec.maxRows ?? DEFAULT_MAX_IMPORT_ROWS).toLocaleString('en-US')} 行、${MAX_IMPORT_FILE_MB} MB。`,
      `At most ${(spec.maxRows ?? DEFAULT_MAX_IMPORT_ROWS).toLocaleString('en-US')} rows and ${MAX_IMPORT_FILE_MB} MB per file.`),
    l10n('上传后先预览：每行的错误都会列出；可以修正后重新上传，或只导入无错误的行。', 'Upload shows a preview with every row\'s errors: fix and upload again, or import only the valid rows.'),
    ...(spec.notes ?? []),
  ];
  for (const g of general) notes.addRow([`• ${g[locale]}`]);
  notes.addRow([]);
  const th = notes.addRow(en ? ['Column', 'Required', 'Format', 'Allowed values', 'Notes'] : ['列名', '必填', '格式', '可选值', '说明']);
  th.font = { bold: true };
  for (const c of spec.columns) {
    notes.addRow([
      c.header[locale],
      c.required ? (en ? 'yes' : '是') : (en ? 'no' : '否'),
      formatLabel(c, locale),
      c.type === 'enum' ? (c.options ?? []).map((o) => o.label[locale]).join(en ? ', ' : '、') : c.type === 'boolean' ? (en ? 'yes, no' : '是、否') : '',
      c.note?.[locale] ?? '',
    ]);
  }
  [22, 8, 28, 60, 50].forEach((w, i) => {
    notes.getColumn(i + 1).width = w;
  });
  notes.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function formatLabel(c: ImportColumn, locale: Locale): string {
  const en = locale === 'en';
  switch (c.type) {
    case 'text':
      return c.maxLength ? (en ? `text, ≤ ${c.maxLength} characters` : `文本，不超过 ${c.maxLength} 个字`) : (en ? 'text' : '文本');
    case 'integer':
      return en ? 'whole number' : '整数';
    case 'number':
      return en ? 'number' : '数字';
    case 'money':
      return en ? 'amount in yuan, up to 2 decimals' : '金额（元），最多两位小数';
    case 'date':
      return en ? 'date, e.g. 2026-03-01' : '日期，如 2026-03-01';
    case 'datetime':
      return en ? 'date and time (Beijing time), e.g. 2026-03-01 14:30' : '日期时间（北京时间），如 2026-03-01 14:30';
    case 'enum':
      return en ? 'one of the allowed values' : '从可选值中选择';
    case 'boolean':
      return en ? 'yes / no' : '是 / 否';
  }
}

function describeColumn(c: ImportColumn, locale: Locale): string {
  const parts = [formatLabel(c, locale)];
  if (c.required) parts.unshift(locale === 'en' ? 'Required' : '必填');
  if (c.note) parts.push(c.note[locale]);
  return parts.join(locale === 'en' ? '; ' : '；');
}

// ---------------------------------------------------------------------------------------------
// reading and checking

interface Checked<R> {
  fileName: string;
  rows: ImportRow<R>[];
  ignoredExampleRows: number;
}

function fileError(locale: Locale, zh: string, en: string): AppError {
  return new AppError('validation_failed', {}, { fields: { 'body.contentBase64': locale === 'en' ? en : zh } });
}

function decodeFile(body: ImportFileBody, locale: Locale): Buffer {
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length === 0) throw fileError(locale, '文件为空', 'the file is empty');
  if (content.length > MAX_IMPORT_FILE_MB * 1024 * 1024) throw new AppError('payload_too_large');
  if (!/\.xlsx$/i.test(body.fileName) || content[0] !== 0x50 || content[1] !== 0x4b) {
    throw fileError(locale, '请上传 Excel 文件（.xlsx）', 'upload an Excel file (.xlsx)');
  }
  return content;
}

function normHeader(s: string): string {
  return s.replace(/[（(](必填|required)[)）]/gi, '').replace(/[*＊\s]/g, '').toLowerCase();
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function textOf(r: Raw): string {
  if (r === null) return '';
  if (r instanceof Date) {
    const hasTime = r.getUTCHours() !== 0 || r.getUTCMinutes() !== 0;
    const d = r.toISOString();
    return hasTime ? `${d.slice(0, 10)} ${d.slice(11, 16)}` : d.slice(0, 10);
  }
  if (typeof r === 'number') return Number.isInteger(r) && Math.abs(r) < 1e21 ? BigInt(r).toString() : String(r);
  if (typeof r === 'boolean') return r ? 'TRUE' : 'FALSE';
  // a cell may hold control characters (e.g. `_x0000_` in the XML decodes to NUL, which
  // PostgreSQL refuses in text): drop them, keeping tabs and line breaks
  return r.replace(CONTROL_CHARS, '').trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

function parseDateParts(s: string): { y: number; m: number; d: number; hh: number; mi: number } | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2})[:：](\d{2})(?::\d{2})?)?$/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const hh = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || hh > 23 || mi > 59) return null;
  return { y, m: mo, d, hh, mi };
}

/** Excel serial day number (1900 date system) → UTC wall-clock date. */
function fromSerial(n: number): Date {
  return new Date(Math.round((n - 25569) * 86400 * 1000));
}

type CellResult = { ok: true; value: unknown } | { ok: false; message: L10n };

function parseCell(c: ImportColumn, raw: Raw, text: string): CellResult {
  const h = c.header;
  const bad = (zh: string, en: string): CellResult => ({ ok: false, message: l10n(`「${h['zh-CN']}」${zh}`, `"${h.en}" ${en}`) });
  if (text === '') {
    if (c.required) return bad('不能为空', 'is required');
    return { ok: true, value: null };
  }
  switch (c.type) {
    case 'text':
      if (c.maxLength && [...text].length > c.maxLength) return bad(`不能超过 ${c.maxLength} 个字`, `must be at most ${c.maxLength} characters`);
      return { ok: true, value: text };
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(text.replace(/,/g, ''));
      if (c.type === 'integer' && !Number.isInteger(n)) return bad('应为整数', 'must be a whole number');
      if (!Number.isFinite(n)) return bad('应为数字', 'must be a number');
      return { ok: true, value: n };
    }
    case 'money': {
      const s = typeof raw === 'number' ? raw.toFixed(6) : text.replace(/[¥￥,，\s]/g, '').replace(/元$/, '');
      const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
      const frac = (m?.[3] ?? '').replace(/0+$/, '');
      if (!m || frac.length > 2) return bad('应为金额（元），最多两位小数', 'must be an amount in yuan with at most 2 decimals');
      const fen = Number(m[2]) * 100 + Number(frac.padEnd(2, '0'));
      if (!Number.isSafeInteger(fen)) return bad('金额过大', 'is too large');
      return { ok: true, value: m[1] === '-' ? -fen : fen };
    }
    case 'date': {
      let d: { y: number; m: number; d: number } | null = null;
      if (raw instanceof Date) d = { y: raw.getUTCFullYear(), m: raw.getUTCMonth() + 1, d: raw.getUTCDate() };
      else if (typeof raw === 'number' && raw > 0 && raw < 2958466) {
        const x = fromSerial(raw);
        d = { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
      } else d = parseDateParts(text);
      if (!d) return bad('应为日期，如 2026-03-01', 'must be a date such as 2026-03-01');
      return { ok: true, value: `${d.y}-${pad(d.m)}-${pad(d.d)}` };
    }
    case 'datetime': {
      let wall: Date | null = null;
      if (raw instanceof Date) wall = raw;
      else if (typeof raw === 'number' && raw > 0 && raw < 2958466) wall = fromSerial(raw);
      else {
        const p = parseDateParts(text);
        if (p) wall = new Date(Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mi));
      }
      if (!wall || Number.isNaN(wall.getTime())) return bad('应为日期时间，如 2026-03-01 14:30', 'must be a date and time such as 2026-03-01 14:30');
      // the sheet holds Beijing wall-clock time
      return { ok: true, value: new Date(wall.getTime() - 8 * 3600 * 1000) };
    }
    case 'enum': {
      const t = text.toLowerCase();
      const hit = (c.options ?? []).find((o) => o.value.toLowerCase() === t || o.label['zh-CN'].toLowerCase() === t || o.label.en.toLowerCase() === t);
      if (!hit) {
        const zh = (c.options ?? []).map((o) => o.label['zh-CN']).join('、');
        const en = (c.options ?? []).map((o) => o.label.en).join(', ');
        return { ok: false, message: l10n(`「${h['zh-CN']}」的值“${text}”无效，可选：${zh}`, `"${h.en}": "${text}" is not allowed; use one of: ${en}`) };
      }
      return { ok: true, value: hit.value };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (raw === true || ['是', 'y', 'yes', 'true', '1', '√'].includes(t)) return { ok: true, value: true };
      if (raw === false || ['否', 'n', 'no', 'false', '0', '×'].includes(t)) return { ok: true, value: false };
      return bad('应为“是”或“否”', 'must be yes or no');
    }
  }
}

/** Reads the file and runs every check that needs no database (no transaction is open meanwhile). */
async function readFile<R>(ctx: Ctx, spec: ImportSpec<R>, body: ImportFileBody): Promise<Checked<R>> {
  const locale = ctx.actor.locale;
  const content = decodeFile(body, locale);
  const sheet = await readSheet(content);
  if (!sheet) {
    throw fileError(locale, '无法读取该文件，请使用模板另存为 .xlsx 后重新上传', 'the file cannot be read: save it as .xlsx from the template and upload again');
  }

  // header row → column positions
  const positions = new Map<string, number>();
  (sheet.find((r) => r.n === 1)?.cells ?? []).forEach((cell, colNumber) => {
    const h = normHeader(textOf(cell));
    if (!h) return;
    const col = spec.columns.find((c) => normHeader(c.header['zh-CN']) === h || normHeader(c.header.en) === h || c.key.toLowerCase() === h);
    if (col && !positions.has(col.key)) positions.set(col.key, colNumber);
  });
  const missing = spec.columns.filter((c) => c.required && !positions.has(c.key));
  if (positions.size === 0 || missing.length > 0) {
    const list = (missing.length ? missing : spec.columns.filter((c) => c.required)).map((c) => c.header[locale]);
    throw fileError(locale, `表头缺少必填列：${list.join('、')}（请使用下载的模板）`, `the header row lacks required columns: ${list.join(', ')} (use the downloaded template)`);
  }

  const exampleKey = spec.columns.map((c) => (c.example === undefined ? '' : textOf(c.example))).join('\u0001');
  const maxRows = spec.maxRows ?? DEFAULT_MAX_IMPORT_ROWS;
  const rows: ImportRow<R>[] = [];
  let ignoredExampleRows = 0;
  for (const sheetRow of sheet) {
    const r = sheetRow.n;
    if (r < 2) continue;
    const raws = new Map<string, Raw>();
    const cells: Record<string, string> = {};
    for (const c of spec.columns) {
      const pos = positions.get(c.key);
      const raw = pos ? sheetRow.cells[pos] ?? null : null;
      raws.set(c.key, raw);
      cells[c.key] = textOf(raw);
    }
    if (Object.values(cells).every((v) => v === '')) continue;
    if (spec.columns.map((c) => cells[c.key] ?? '').join('\u0001') === exampleKey) {
      ignoredExampleRows++;
      continue;
    }
    if (rows.length >= maxRows) {
      throw fileError(locale, `行数超过上限 ${maxRows.toLocaleString('en-US')} 行，请拆分文件`, `more than ${maxRows.toLocaleString('en-US')} rows: split the file`);
    }
    const value: Record<string, unknown> = {};
    const problems: RowProblem[] = [];
    for (const c of spec.columns) {
      const res = parseCell(c, raws.get(c.key) ?? null, cells[c.key] ?? '');
      if (!res.ok) {
        problems.push({ column: c.key, message: res.message });
        continue;
      }
      value[c.key] = res.value;
      if (res.value !== null && c.validate) {
        const p = c.validate(res.value);
        if (p) problems.push({ column: c.key, message: p });
      }
    }
    let typed = value as unknown as R;
    if (problems.length === 0 && spec.schema) {
      const parsed = spec.schema.safeParse(value);
      if (parsed.success) typed = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          const key = typeof issue.path[0] === 'string' ? issue.path[0] : null;
          const col = spec.columns.find((c) => c.key === key);
          const zh = fieldMessage(issue, 'zh-CN');
          const en = fieldMessage(issue, 'en');
          problems.push({ column: key, message: col ? l10n(`「${col.header['zh-CN']}」${zh}`, `"${col.header.en}" ${en}`) : l10n(zh, en) });
        }
      }
    }
    if (problems.length === 0 && spec.validateRow) problems.push(...spec.validateRow(typed));
    rows.push({ rowNumber: r, value: typed, cells, problems });
  }

  for (const u of spec.uniqueInFile ?? []) {
    const seen = new Map<string, number>();
    const col = spec.columns.find((c) => c.key === u.column);
    for (const row of rows) {
      if (row.problems.length > 0) continue;
      const k = u.key(row.value);
      if (k === null || k === '') continue;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, row.rowNumber);
      else {
        row.problems.push({
          column: u.column,
          message: u.message ?? l10n(`「${col?.header['zh-CN'] ?? u.column}」与第 ${first} 行重复`, `"${col?.header.en ?? u.column}" repeats row ${first}`),
        });
      }
    }
  }

  return { fileName: body.fileName, rows, ignoredExampleRows };
}

/** The module's batch checks against the database, for the rows that passed the cell checks. */
async function checkAgainstDb<R>(ctx: Ctx, spec: ImportSpec<R>, checked: Checked<R>, db: Db): Promise<void> {
  if (!spec.check) return;
  const clean = checked.rows.filter((r) => r.problems.length === 0);
  if (clean.length > 0) await spec.check(db, clean, ctx);
}

function reportOf<R>(spec: ImportSpec<R>, rows: ImportRow<R>[], locale: Locale): { errors: ImportRowError[]; truncated: boolean } {
  const errors: ImportRowError[] = [];
  let total = 0;
  for (const r of rows) {
    for (const p of r.problems) {
      total++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(toError(spec, r.rowNumber, p, locale));
    }
  }
  return { errors, truncated: total > errors.length };
}

function toError<R>(spec: ImportSpec<R>, row: number, p: RowProblem, locale: Locale): ImportRowError {
  const col = spec.columns.find((c) => c.key === p.column);
  return { row, column: p.column, header: col ? col.header[locale] : null, message: p.message[locale] };
}

/** Reads and checks the file without writing anything: the preview step of the import wizard. */
export async function previewImport<R>(ctx: Ctx, spec: ImportSpec<R>, body: ImportFileBody): Promise<ImportPreview> {
  requirePermission(ctx.actor, spec.permission);
  const locale = ctx.actor.locale;
  const checked = await readFile(ctx, spec, body);
  await checkAgainstDb(ctx, spec, checked, ctx.db);
  const invalid = checked.rows.filter((r) => r.problems.length > 0).length;
  const report = reportOf(spec, checked.rows, locale);
  return {
    fileName: checked.fileName,
    columns: spec.columns.map((c) => ({ key: c.key, header: c.header[locale], required: c.required ?? false })),
    totalRows: checked.rows.length,
    validRows: checked.rows.length - invalid,
    invalidRows: invalid,
    ignoredExampleRows: checked.ignoredExampleRows,
    rows: checked.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      row: r.rowNumber,
      values: r.cells,
      errors: r.problems.map((p) => toError(spec, r.rowNumber, p, locale)),
    })),
    errors: report.errors,
    errorsTruncated: report.truncated,
  };
}

/**
 * Imports the file in one transaction: re-checks every row, then inserts the valid rows in
 * batches and writes one audit row. `all_or_nothing` with any error writes nothing (400).
 */
export async function commitImport<R>(ctx: Ctx, spec: ImportSpec<R>, body: ImportCommitBody): Promise<ImportCommitResult> {
  requirePermission(ctx.actor, spec.permission);
  const locale = ctx.actor.locale;
  const batchSize = spec.batchSize ?? 500;
  const checked = await readFile(ctx, spec, body);
  if (checked.rows.length === 0) throw fileError(locale, '文件中没有可导入的数据行', 'the file has no data rows');
  return ctx.db.transaction(async (tx) => {
    await checkAgainstDb(ctx, spec, checked, tx);
    const valid = checked.rows.filter((r) => r.problems.length === 0);
    const report = reportOf(spec, checked.rows, locale);
    const invalid = checked.rows.length - valid.length;
    if (body.mode === 'all_or_nothing' && invalid > 0) {
      throw new AppError('validation_failed', {}, {
        import: { totalRows: checked.rows.length, invalidRows: invalid, validRows: valid.length },
        rows: report.errors,
        errorsTruncated: report.truncated,
      });
    }
    for (let i = 0; i < valid.length; i += batchSize) {
      await spec.insert(tx, valid.slice(i, i + batchSize), ctx);
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: `${spec.entity}.import`,
      entityType: spec.entity,
      changes: { imported: { before: null, after: valid.length }, skipped: { before: null, after: invalid } },
      detail: `${checked.fileName}: ${checked.rows.length} rows, ${valid.length} imported, ${invalid} skipped (${body.mode})`,
    });
    return {
      mode: body.mode,
      totalRows: checked.rows.length,
      imported: valid.length,
      skipped: invalid,
      errors: report.errors,
      errorsTruncated: report.truncated,
    };
  });
}
