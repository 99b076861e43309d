import ExcelJS from 'exceljs';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { auditLog, counters } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { jobActor } from '../policies/actor.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { addRowError, buildImportTemplate, commitImport, l10n, previewImport, type ImportSpec } from './xlsx-import.ts';
import { buildXlsx } from './xlsx-export.ts';

/** A throwaway import into the `counters` table: exercises the framework without any module. */
interface Row {
  key: string;
  value: number;
  kind: string | null;
  amountFen: number | null;
  day: string | null;
  at: Date | null;
  flag: boolean | null;
}

const spec: ImportSpec<Row> = {
  entity: 'test_counter',
  permission: 'customer.import',
  sheetName: l10n('计数器', 'Counters'),
  columns: [
    { key: 'key', header: l10n('名称', 'Name'), type: 'text', required: true, maxLength: 20, example: 'imp-example' },
    { key: 'value', header: l10n('数值', 'Value'), type: 'integer', required: true, example: 1 },
    {
      key: 'kind',
      header: l10n('类别', 'Kind'),
      type: 'enum',
      options: [
        { value: 'a', label: l10n('甲类', 'Class A') },
        { value: 'b', label: l10n('乙类', 'Class B') },
      ],
    },
    { key: 'amountFen', header: l10n('金额（元）', 'Amount (CNY)'), type: 'money' },
    { key: 'day', header: l10n('日期', 'Date'), type: 'date' },
    { key: 'at', header: l10n('时间', 'Time'), type: 'datetime' },
    { key: 'flag', header: l10n('启用', 'Enabled'), type: 'boolean' },
  ],
  validateRow: (r) => (r.value < 0 ? [{ column: 'value', message: l10n('数值不能为负', 'value must not be negative') }] : []),
  uniqueInFile: [{ column: 'key', key: (r) => r.key }],
  check: async (db, rows) => {
    const existing = await db.select({ key: counters.key }).from(counters).where(like(counters.key, 'imp-%'));
    const taken = new Set(existing.map((e) => e.key));
    for (const r of rows) if (taken.has(r.value.key)) addRowError(r, 'key', l10n('名称已存在', 'name already exists'));
  },
  insert: async (tx, rows) => {
    await tx.insert(counters).values(rows.map((r) => ({ key: r.value.key, value: r.value.value })));
  },
};

let t: TestApp;
const ctxFor = (locale: Locale): Ctx => ({
  db: t.database.db,
  actor: { ...jobActor('import-test', new Map([['customer.import', 'all']])), locale },
  now: new Date('2026-03-02T02:00:00Z'),
  config: t.config,
});

async function fileOf(
  rows: unknown[][],
  header = ['名称', '数值*', '类别', '金额（元）', '日期', '时间', '启用'],
): Promise<{ fileName: string; contentBase64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: 'test.xlsx', contentBase64: buf.toString('base64') };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('xlsx import framework', () => {
  it('builds a template with a header row, an example row, notes and drop-downs', async () => {
    const buf = await buildImportTemplate(spec, 'zh-CN');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('计数器');
    expect(ws).toBeDefined();
    expect(ws?.getRow(1).values).toEqual([undefined, '名称', '数值', '类别', '金额（元）', '日期', '时间', '启用']);
    expect(ws?.getCell('A2').value).toBe('imp-example');
    const notes = wb.getWorksheet('填写说明');
    const texts: string[] = [];
    notes?.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts.some((x) => x.includes('第二行是示例'))).toBe(true);
    expect(texts).toContain('类别');
    expect(ws?.getCell('C2').dataValidation?.type ?? 'list').toBe('list');
    // the template itself imports cleanly: its example row is ignored
    const preview = await previewImport(ctxFor('zh-CN'), spec, { fileName: 't.xlsx', contentBase64: buf.toString('base64') });
    expect(preview.totalRows).toBe(0);
    expect(preview.ignoredExampleRows).toBe(1);
  });

  it('previews row-by-row errors in Chinese and in English, and writes nothing', async () => {
    const file = await fileOf([
      ['imp-1', 5, '甲类', '1,234.5', '2026-03-01', '2026-03-01 14:30', '是'],
      ['', 'x', '丙类', '1.234', '2026-02-30', 'soon', 'maybe'],
      ['imp-1', -1, 'b', 3, new Date(Date.UTC(2026, 2, 5)), new Date(Date.UTC(2026, 2, 5, 9, 0)), false],
      ['imp-3', 7, 'Class B', null, null, null, null],
      ['imp-toolong-xxxxxxxxxxxxxxxxx', 1],
    ]);
    const zh = await previewImport(ctxFor('zh-CN'), spec, file);
    expect(zh.totalRows).toBe(5);
    expect(zh.validRows).toBe(2);
    expect(zh.invalidRows).toBe(3);
    const row3 = zh.errors.filter((e) => e.row === 3).map((e) => e.message);
    expect(row3).toEqual([
      '「名称」不能为空',
      '「数值」应为整数',
      '「类别」的值“丙类”无效，可选：甲类、乙类',
      '「金额（元）」应为金额（元），最多两位小数',
      '「日期」应为日期，如 2026-03-01',
      '「时间」应为日期时间，如 2026-03-01 14:30',
      '「启用」应为“是”或“否”',
    ]);
    expect(zh.errors.find((e) => e.row === 4)?.message).toBe('数值不能为负');
    expect(zh.errors.find((e) => e.row === 6)?.message).toBe('「名称」不能超过 20 个字');
    expect(zh.rows[0]?.values.amountFen).toBe('1,234.5');
    const en = await previewImport(ctxFor('en'), spec, file);
    expect(en.errors.find((e) => e.row === 3 && e.column === 'key')?.message).toBe('"Name" is required');
    expect(en.errors.find((e) => e.row === 3 && e.column === 'key')?.header).toBe('Name');
    const [n] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(counters)
      .where(like(counters.key, 'imp-%'));
    expect(n?.n).toBe(0);
  });

  it('all_or_nothing refuses a file with errors; valid_only imports the rest with one audit row', async () => {
    const file = await fileOf([
      ['imp-a', 1],
      ['imp-a', 2],
      ['imp-b', 3],
    ]);
    let err: unknown;
    try {
      await commitImport(ctxFor('zh-CN'), spec, { ...file, mode: 'all_or_nothing' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const details = (err as AppError).details as { rows: Array<{ row: number; message: string }> };
    expect(details.rows).toEqual([{ row: 3, column: 'key', header: '名称', message: '「名称」与第 2 行重复' }]);
    expect(await t.database.db.select().from(counters).where(like(counters.key, 'imp-%'))).toHaveLength(0);

    const res = await commitImport(ctxFor('zh-CN'), spec, { ...file, mode: 'valid_only' });
    expect(res).toMatchObject({ totalRows: 3, imported: 2, skipped: 1 });
    const rows = await t.database.db.select().from(counters).where(like(counters.key, 'imp-%'));
    expect(rows.map((r) => r.key).sort()).toEqual(['imp-a', 'imp-b']);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'test_counter.import'));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toContain('3 rows, 2 imported, 1 skipped');

    // a second import sees the database: the same names are now errors
    const again = await previewImport(ctxFor('zh-CN'), spec, file);
    expect(again.errors.filter((e) => e.message === '名称已存在').map((e) => e.row)).toEqual([2, 4]);
  });

  it('refuses what is not an .xlsx, and a header without the required columns', async () => {
    await expect(
      previewImport(ctxFor('zh-CN'), spec, { fileName: 'a.csv', contentBase64: Buffer.from('a,b').toString('base64') }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { fields: { 'body.contentBase64': '请上传 Excel 文件（.xlsx）' } } });
    const wrong = await fileOf([['x']], ['随便']);
    await expect(previewImport(ctxFor('en'), spec, wrong)).rejects.toMatchObject({
      details: { fields: { 'body.contentBase64': 'the header row lacks required columns: Name, Value (use the downloaded template)' } },
    });
  });

  it('parses a large file off the main thread: other requests keep being served', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`imp-lag-${i}`, i, '甲类', i, '2026-01-01', '2026-01-01 09:00', '否']);
    const file = await fileOf(rows);
    let last = Date.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    const preview = await previewImport(ctxFor('zh-CN'), spec, file);
    clearInterval(timer);
    expect(preview.validRows).toBe(10_000);
    console.info(`longest event-loop pause during a 10,000-row preview: ${worst} ms`);
    expect(worst).toBeLessThan(400);
  });

  it('imports 10,000 rows in one transaction within seconds', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`imp-bulk-${i}`, i, i % 2 ? '甲类' : 'b', i / 4, '2026-01-01', null, '是']);
    const file = await fileOf(rows);
    const started = Date.now();
    const res = await commitImport(ctxFor('zh-CN'), spec, { ...file, mode: 'all_or_nothing' });
    const ms = Date.now() - started;
    expect(res.imported).toBe(10_000);
    expect(ms).toBeLessThan(20_000);
    const [n] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(counters)
      .where(like(counters.key, 'imp-bulk-%'));
    expect(n?.n).toBe(10_000);
  });
});

describe('xlsx export framework', () => {
  it('writes money as ¥ numbers and dates in Asia/Shanghai', async () => {
    const { buffer, rows } = await buildXlsx(
      {
        sheetName: l10n('测试', 'Test'),
        columns: [
          { header: l10n('名称', 'Name'), value: (r: { name: string; fen: number; at: Date; phone: string }) => r.name },
          { header: l10n('金额', 'Amount'), type: 'money', value: (r) => r.fen },
          { header: l10n('时间', 'Time'), type: 'datetime', value: (r) => r.at },
          { header: l10n('日期', 'Date'), type: 'date', value: (r) => r.at },
          { header: l10n('电话', 'Phone'), value: (r) => r.phone },
        ],
        rows: [{ name: '甲', fen: 123450, at: new Date('2026-03-01T17:30:00Z'), phone: '13800001234' }],
      },
      'zh-CN',
      new Date(),
    );
    expect(rows).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([undefined, '名称', '金额', '时间', '日期', '电话']);
    expect(ws?.getCell('B2').value).toBe(1234.5);
    expect(ws?.getCell('B2').numFmt).toBe('"¥"#,##0.00');
    expect((ws?.getCell('C2').value as Date).toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect((ws?.getCell('D2').value as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(ws?.getCell('E2').value).toBe('13800001234');
  });
});
