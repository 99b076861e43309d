/**
 * The downloadable .xlsx template of an import (see xlsx-import.ts): a header row (required
 * columns in red), one example row, a notes sheet describing every column, and drop-downs for
 * enum and yes/no columns.
 */
import ExcelJS from 'exceljs';
import type { ImportColumn } from '../../core/imports/cell-parser.ts';
import { MAX_IMPORT_FILE_MB } from '../../core/imports/imports.schema.ts';
import { l10n, type L10n } from '../../core/imports/l10n.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { DEFAULT_MAX_IMPORT_ROWS, type ImportSpec } from './import-spec.ts';

const TEMPLATE_VALIDATION_ROWS = 20_000;

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
    l10n(
      '第一行是表头，请勿修改列名；列的顺序可以调整，多余的列会被忽略。',
      'Row 1 is the header: keep the column names; the order may change, extra columns are ignored.',
    ),
    l10n('第二行是示例，导入时会自动忽略（也可以直接删除）。', 'Row 2 is an example and is ignored on import (you may delete it).'),
    l10n('红色列名为必填项。', 'Red headers are required.'),
    l10n(
      `每个文件最多 ${(spec.maxRows ?? DEFAULT_MAX_IMPORT_ROWS).toLocaleString('en-US')} 行、${MAX_IMPORT_FILE_MB} MB。`,
      `At most ${(spec.maxRows ?? DEFAULT_MAX_IMPORT_ROWS).toLocaleString('en-US')} rows and ${MAX_IMPORT_FILE_MB} MB per file.`,
    ),
    l10n(
      '上传后先预览：每行的错误都会列出；可以修正后重新上传，或只导入无错误的行。',
      "Upload shows a preview with every row's errors: fix and upload again, or import only the valid rows.",
    ),
    ...(spec.notes ?? []),
  ];
  for (const g of general) notes.addRow([`• ${g[locale]}`]);
  notes.addRow([]);
  const th = notes.addRow(en ? ['Column', 'Required', 'Format', 'Allowed values', 'Notes'] : ['列名', '必填', '格式', '可选值', '说明']);
  th.font = { bold: true };
  for (const c of spec.columns) {
    notes.addRow([
      c.header[locale],
      c.required ? (en ? 'yes' : '是') : en ? 'no' : '否',
      formatLabel(c, locale),
      c.type === 'enum'
        ? (c.options ?? []).map((o) => o.label[locale]).join(en ? ', ' : '、')
        : c.type === 'boolean'
          ? en
            ? 'yes, no'
            : '是、否'
          : '',
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
      return c.maxLength ? (en ? `text, ≤ ${c.maxLength} characters` : `文本，不超过 ${c.maxLength} 个字`) : en ? 'text' : '文本';
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
