/**
 * The .xlsx file of the customer-import measurement (issue 4: "a 10,000-row import finishes in
 * seconds without stalling other users"). The columns are taken from the server's own template
 * (GET /api/customers/import/template.xlsx), each filled by what its header names, so the file
 * follows the import contract; names and credit codes are new (company numbers above the
 * seeded ones), so every row is valid and none is a duplicate.
 */
import ExcelJS from 'exceljs';
import { company, personName } from './names.ts';

export const IMPORT_PATHS = {
  template: '/api/customers/import/template.xlsx',
  preview: '/api/customers/import/preview',
  commit: '/api/customers/import/commit',
} as const;

type Filler = (idx: number, n: number) => string | number | null;

/** header (Chinese or English) → the value of row n for company number idx */
const FILLERS: Array<[RegExp, Filler]> = [
  [/信用代码|credit/i, (idx) => company(idx).creditCode],
  [/名称|name/i, (idx) => company(idx).name],
  [/行业|industry/i, (idx) => company(idx).industry],
  [/省|province/i, (idx) => company(idx).province],
  [/区域|大区|region/i, (idx) => company(idx).region],
  [/级别|等级|level/i, (_idx, n) => ['A', 'B', 'C', 'D'][n % 4] ?? 'C'],
  [/来源|source/i, (_idx, n) => ['web', 'exhibition', 'prospecting', 'customer_referral'][n % 4] ?? 'web'],
  [/状态|status/i, () => 'potential'],
  [/地址|address/i, (idx, n) => `${company(idx).city}市高新区科技路 ${1 + (n % 300)} 号`],
  [/联系人|contact/i, (_idx, n) => personName(n + 50_000)],
  [/电话|手机|phone|mobile/i, (_idx, n) => `137${String(10_000_000 + n).padStart(8, '0')}`],
  [/备注|notes?/i, () => '批量导入（基准测试）'],
];

export type ImportFile = { ok: true; fileName: string; base64: string; headers: string[] } | { ok: false; note: string };

/** Builds `rows` rows for company numbers firstIdx…, with the columns of the server's template. */
export async function buildCustomerImportFile(base: string, cookie: string, firstIdx: number, rows: number): Promise<ImportFile> {
  const res = await fetch(base + IMPORT_PATHS.template, { headers: { cookie } });
  if (res.status !== 200) return { ok: false, note: `${IMPORT_PATHS.template} answered ${res.status}` };
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(await res.arrayBuffer());
  const sheet = template.worksheets[0];
  if (!sheet) return { ok: false, note: 'the template has no sheet' };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell) => headers.push(String(cell.text ?? '').trim()));
  const fill = headers.map((h) => FILLERS.find(([re]) => re.test(h.replace(/[*（(].*$/, '')))?.[1] ?? null);
  const required = headers.filter((h, i) => /\*|必填/.test(h) && !fill[i]);
  if (required.length) return { ok: false, note: `no value for required column(s) ${required.join(', ')}` };
  const book = new ExcelJS.Workbook();
  const out = book.addWorksheet(sheet.name || '客户');
  out.addRow(headers);
  for (let n = 0; n < rows; n++) out.addRow(fill.map((f) => (f ? f(firstIdx + n, n) : null)));
  const buf = Buffer.from(await book.xlsx.writeBuffer());
  return { ok: true, fileName: `客户导入-${rows}.xlsx`, base64: buf.toString('base64'), headers };
}
