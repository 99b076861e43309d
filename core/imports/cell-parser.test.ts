import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnOfHeader,
  columnPositions,
  normalizeHeader,
  parseCell,
  parseDateParts,
  parseRowCells,
  type ImportColumn,
  type Raw,
} from './cell-parser.ts';
import { l10n } from './l10n.ts';

const col = (type: ImportColumn['type'], extra: Partial<ImportColumn> = {}): ImportColumn => ({
  key: 'x',
  header: l10n('字段', 'Field'),
  type,
  ...extra,
});
/** Parses a raw cell the way the import does: its text first, then the typed value. */
const parse = (c: ImportColumn, raw: Raw) => parseCell(c, raw, cellText(raw));
const value = (c: ImportColumn, raw: Raw) => {
  const r = parse(c, raw);
  if (!r.ok) throw new Error(`expected a value, got ${r.message.en}`);
  return r.value;
};
const problem = (c: ImportColumn, raw: Raw) => {
  const r = parse(c, raw);
  if (r.ok) throw new Error(`expected a problem, got ${String(r.value)}`);
  return r.message;
};

describe('cell text', () => {
  it('keeps the digits of long numbers, writes dates as YYYY-MM-DD (with the time when there is one) and drops control characters', () => {
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(123456789012345680000)).toBe('123456789012345683968');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(cellText(new Date(Date.UTC(2026, 2, 1, 14, 30)))).toBe('2026-03-01 14:30');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
    expect(cellText('  孙\u0000工\u0007 ')).toBe('孙工');
    expect(cellText('第一行\n第二行\t')).toBe('第一行\n第二行');
  });
});

describe('headers', () => {
  const columns: ImportColumn[] = [
    { key: 'name', header: l10n('客户名称', 'Customer name'), type: 'text', required: true },
    { key: 'creditCode', header: l10n('统一社会信用代码', 'Unified social credit code'), type: 'text' },
  ];

  it('ignores a trailing * or （必填）, spaces and case', () => {
    expect(normalizeHeader('客户名称（必填）')).toBe('客户名称');
    expect(normalizeHeader('Customer Name (required) *')).toBe('customername');
    expect(columnOfHeader(columns, '客户名称*')?.key).toBe('name');
    expect(columnOfHeader(columns, 'customer name')?.key).toBe('name');
    expect(columnOfHeader(columns, 'CREDITCODE')?.key).toBe('creditCode');
    expect(columnOfHeader(columns, '备注')).toBeUndefined();
    expect(columnOfHeader(columns, '  ')).toBeUndefined();
  });

  it('finds each column in any order; the first header naming a column wins', () => {
    const positions = columnPositions(columns, [null, '备注', 'Unified social credit code', '客户名称', 'Customer name']);
    expect([...positions]).toEqual([
      ['creditCode', 2],
      ['name', 3],
    ]);
  });
});

describe('parsing one cell', () => {
  it('empty: null when optional, a problem naming the column when required', () => {
    expect(value(col('text'), null)).toBeNull();
    expect(value(col('integer'), '  ')).toBeNull();
    expect(problem(col('text', { required: true }), '')).toEqual(l10n('「字段」不能为空', '"Field" is required'));
  });

  it('text: at most maxLength characters (counted as characters, not UTF-16 units)', () => {
    expect(value(col('text', { maxLength: 3 }), '杭州市')).toBe('杭州市');
    expect(value(col('text', { maxLength: 2 }), '𠀀𠀀')).toBe('𠀀𠀀');
    expect(problem(col('text', { maxLength: 2 }), '杭州市').en).toBe('"Field" must be at most 2 characters');
  });

  it('integer and number: thousands separators, whole numbers only for integers', () => {
    expect(value(col('integer'), '1,234')).toBe(1234);
    expect(value(col('integer'), 42)).toBe(42);
    expect(problem(col('integer'), '1.5')['zh-CN']).toBe('「字段」应为整数');
    expect(value(col('number'), '2.5')).toBe(2.5);
    expect(problem(col('number'), 'abc').en).toBe('"Field" must be a number');
  });

  it('money: yuan to integer fen, ¥ and 元 accepted, at most two decimals', () => {
    expect(value(col('money'), '¥1,234.5元')).toBe(123450);
    expect(value(col('money'), 99.99)).toBe(9999);
    expect(value(col('money'), '-3')).toBe(-300);
    expect(value(col('money'), '1.50')).toBe(150);
    expect(problem(col('money'), '1.234').en).toBe('"Field" must be an amount in yuan with at most 2 decimals');
    expect(problem(col('money'), '99999999999999999').en).toBe('"Field" is too large');
  });

  it('date: typed dates, Excel serial numbers and Chinese or dashed text; impossible dates refused', () => {
    expect(value(col('date'), new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(value(col('date'), 46082)).toBe('2026-03-01');
    expect(value(col('date'), '2026年3月1日')).toBe('2026-03-01');
    expect(value(col('date'), '2026/3/1')).toBe('2026-03-01');
    expect(problem(col('date'), '2026-02-30')['zh-CN']).toBe('「字段」应为日期，如 2026-03-01');
    expect(parseDateParts('2026-03-01 24:00')).toBeNull();
    expect(parseDateParts('2026-03-01 14:30:59')).toEqual({ y: 2026, m: 3, d: 1, hh: 14, mi: 30 });
  });

  it('datetime: the sheet holds Beijing time', () => {
    expect(value(col('datetime'), '2026-03-01 14:30')).toEqual(new Date('2026-03-01T06:30:00.000Z'));
    expect(value(col('datetime'), new Date(Date.UTC(2026, 2, 1, 8)))).toEqual(new Date('2026-03-01T00:00:00.000Z'));
    expect(problem(col('datetime'), 'tomorrow').en).toBe('"Field" must be a date and time such as 2026-03-01 14:30');
  });

  it('enum: the value or either label, any case; otherwise the allowed labels are listed', () => {
    const c = col('enum', {
      options: [
        { value: 'a', label: l10n('甲类', 'Class A') },
        { value: 'b', label: l10n('乙类', 'Class B') },
      ],
    });
    expect(value(c, '乙类')).toBe('b');
    expect(value(c, 'class a')).toBe('a');
    expect(value(c, 'B')).toBe('b');
    expect(problem(c, '丙类')).toEqual(
      l10n('「字段」的值“丙类”无效，可选：甲类、乙类', '"Field": "丙类" is not allowed; use one of: Class A, Class B'),
    );
  });

  it('boolean: 是/否, yes/no, 1/0, typed booleans', () => {
    expect(value(col('boolean'), '是')).toBe(true);
    expect(value(col('boolean'), 'No')).toBe(false);
    expect(value(col('boolean'), 1)).toBe(true);
    expect(value(col('boolean'), false)).toBe(false);
    expect(problem(col('boolean'), '也许').en).toBe('"Field" must be yes or no');
  });
});

describe('parsing one row', () => {
  it('collects the parsed values and every problem, the column rule running only on parsed non-empty values', () => {
    const columns: ImportColumn[] = [
      { key: 'name', header: l10n('名称', 'Name'), type: 'text', required: true },
      {
        key: 'count',
        header: l10n('数量', 'Count'),
        type: 'integer',
        validate: (v) => (Number(v) < 0 ? l10n('不能为负', 'must not be negative') : null),
      },
      { key: 'code', header: l10n('代码', 'Code'), type: 'text', validate: () => l10n('总是错', 'always wrong') },
    ];
    const raws = new Map<string, Raw>([
      ['name', ''],
      ['count', -2],
      ['code', null],
    ]);
    const cells = { name: '', count: '-2', code: '' };
    const { value: v, problems } = parseRowCells(columns, raws, cells);
    expect(v).toEqual({ count: -2, code: null });
    expect(problems).toEqual([
      { column: 'name', message: l10n('「名称」不能为空', '"Name" is required') },
      { column: 'count', message: l10n('不能为负', 'must not be negative') },
    ]);
  });
});
