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
 *    Column types and cell parsing: core/imports/cell-parser.ts (pure, unit-tested). Empty
 *    optional cells become `null`.
 * 2. Use cases (server/modules/<module>/commands): `buildImportTemplate(spec, locale)`,
 *    `previewImport(ctx, spec, body)` and `commitImport(ctx, spec, body)`; `body` is `ImportFileBody`
 *    / `ImportCommitBody` from core/imports/imports.schema.ts (file as base64 JSON:
 *    `{ fileName, contentBase64, mode }`).
 * 3. Endpoints: spread `importEndpoints('<base>', { zh, en })` (core/imports/import-endpoints.ts)
 *    into the module's contract — `GET /api/<base>/import/template.xlsx`, `POST …/preview`
 *    (→ `ImportPreview`), `POST …/commit` (→ `ImportCommitResult`), with `IMPORT_BODY_LIMIT` —
 *    and `importHandlers({ template, templateFileName, preview, commit })`
 *    (server/imports/import-handlers.ts) into its `mountContract` handlers. See
 *    server/modules/crm/customers.routes.ts.
 *
 * Rules the framework keeps: the header row is matched by the Chinese or English header (a
 * trailing `*` or 「（必填）」 is ignored, column order is free); rows equal to the template's
 * example row and empty rows are skipped; at most `maxRows` rows (default 20,000). Commit parses
 * the file before opening a transaction, then re-runs `check` and inserts inside ONE transaction,
 * in batches (default 500 rows per statement), and writes ONE audit row `<entity>.import` summarising the file; with
 * `all_or_nothing` and any error it answers 400 `validation_failed` with `details.rows` (the
 * error report) and writes nothing.
 */
import { columnPositions, cellText, parseRowCells, type Raw, type RowProblem } from '../../core/imports/cell-parser.ts';
import {
  MAX_IMPORT_FILE_MB,
  type ImportCommitBody,
  type ImportCommitResult,
  type ImportFileBody,
  type ImportPreview,
  type ImportRowError,
} from '../../core/imports/imports.schema.ts';
import { l10n } from '../../core/imports/l10n.ts';
import { AppError } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../kernel/context.ts';
import { fieldMessage } from '../http/field-messages.ts';
import { requirePermission } from '../policies/policy.ts';
import { DEFAULT_MAX_IMPORT_ROWS, type ImportRow, type ImportSpec } from './import-spec.ts';
import { readSheet } from './xlsx-read.ts';

// The pure pieces (column types, cell parsing) live in core/imports/; re-exported so every module
// imports the framework from one place.
export { l10n, type L10n } from '../../core/imports/l10n.ts';
export type { ImportColumn, ImportColumnType, ImportOption, RowProblem } from '../../core/imports/cell-parser.ts';
export { IMPORT_BODY_LIMIT } from '../../core/imports/imports.schema.ts';
export { buildImportTemplate } from './xlsx-template.ts';
export { addRowError, DEFAULT_MAX_IMPORT_ROWS, type ImportRow, type ImportSpec } from './import-spec.ts';

const PREVIEW_ROWS = 100;
const MAX_REPORTED_ERRORS = 2_000;

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

/** Reads the file and runs every check that needs no database (no transaction is open meanwhile). */
async function readFile<R>(ctx: Ctx, spec: ImportSpec<R>, body: ImportFileBody): Promise<Checked<R>> {
  const locale = ctx.actor.locale;
  const content = decodeFile(body, locale);
  const sheet = await readSheet(content);
  if (!sheet) {
    throw fileError(
      locale,
      '无法读取该文件，请使用模板另存为 .xlsx 后重新上传',
      'the file cannot be read: save it as .xlsx from the template and upload again',
    );
  }

  // header row → column positions
  const positions = columnPositions(spec.columns, sheet.find((r) => r.n === 1)?.cells ?? []);
  const missing = spec.columns.filter((c) => c.required && !positions.has(c.key));
  if (positions.size === 0 || missing.length > 0) {
    const list = (missing.length ? missing : spec.columns.filter((c) => c.required)).map((c) => c.header[locale]);
    throw fileError(
      locale,
      `表头缺少必填列：${list.join('、')}（请使用下载的模板）`,
      `the header row lacks required columns: ${list.join(', ')} (use the downloaded template)`,
    );
  }

  const exampleKey = spec.columns.map((c) => (c.example === undefined ? '' : cellText(c.example))).join('\u0001');
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
      const raw = pos ? (sheetRow.cells[pos] ?? null) : null;
      raws.set(c.key, raw);
      cells[c.key] = cellText(raw);
    }
    if (Object.values(cells).every((v) => v === '')) continue;
    if (spec.columns.map((c) => cells[c.key] ?? '').join('\u0001') === exampleKey) {
      ignoredExampleRows++;
      continue;
    }
    if (rows.length >= maxRows) {
      throw fileError(
        locale,
        `行数超过上限 ${maxRows.toLocaleString('en-US')} 行，请拆分文件`,
        `more than ${maxRows.toLocaleString('en-US')} rows: split the file`,
      );
    }
    const { value, problems } = parseRowCells(spec.columns, raws, cells);
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
          message:
            u.message ??
            l10n(`「${col?.header['zh-CN'] ?? u.column}」与第 ${first} 行重复`, `"${col?.header.en ?? u.column}" repeats row ${first}`),
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
      throw new AppError(
        'validation_failed',
        {},
        {
          import: { totalRows: checked.rows.length, invalidRows: invalid, validRows: valid.length },
          rows: report.errors,
          errorsTruncated: report.truncated,
        },
      );
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
