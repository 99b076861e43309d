/**
 * The pure part of the Excel import framework (server/imports/xlsx-import.ts): what a column
 * accepts, how a header cell is recognised, and how one cell becomes a typed value or a problem
 * in both languages. No workbook library and no Node: the server reads the cells, this decides.
 *
 * Column types: text (numbers become their digits, so phones and codes survive Excel), integer,
 * number, money (yuan in the sheet → integer fen), date ('YYYY-MM-DD'), datetime (a Date, typed as
 * Asia/Shanghai), enum (value or zh/en label → value), boolean (是/否, yes/no, 1/0). Empty optional
 * cells become `null`.
 */
import { l10n, type L10n } from './l10n.ts';

/** A cell's value as read from the workbook: text, number, boolean, date or empty. */
export type Raw = string | number | boolean | Date | null;

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

export type CellResult = { ok: true; value: unknown } | { ok: false; message: L10n };

/** A header as compared: no trailing `*` or 「（必填）」, no spaces, lower case. */
export function normalizeHeader(s: string): string {
  return s
    .replace(/[（(](必填|required)[)）]/gi, '')
    .replace(/[*＊\s]/g, '')
    .toLowerCase();
}

/** The column a header cell names (Chinese or English header, or the column key), if any. */
export function columnOfHeader<C extends ImportColumn>(columns: readonly C[], headerText: string): C | undefined {
  const h = normalizeHeader(headerText);
  if (!h) return undefined;
  return columns.find((c) => normalizeHeader(c.header['zh-CN']) === h || normalizeHeader(c.header.en) === h || c.key.toLowerCase() === h);
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A cell as text: whole numbers as their digits (no exponent), dates as `YYYY-MM-DD` (with
 * ` hh:mm` when they carry a time), booleans as TRUE / FALSE, text trimmed.
 */
export function cellText(r: Raw): string {
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

/** `2026-03-01`, `2026/3/1`, `2026年3月1日`, optionally followed by `14:30` (seconds ignored); null when not a real date. */
export function parseDateParts(s: string): { y: number; m: number; d: number; hh: number; mi: number } | null {
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

/**
 * One cell of a column: its typed value (null when empty and optional) or what is wrong with it,
 * in both languages and naming the column. `text` is the cell as text (`cellText(raw)`).
 */
export function parseCell(c: ImportColumn, raw: Raw, text: string): CellResult {
  const h = c.header;
  const bad = (zh: string, en: string): CellResult => ({ ok: false, message: l10n(`「${h['zh-CN']}」${zh}`, `"${h.en}" ${en}`) });
  if (text === '') {
    if (c.required) return bad('不能为空', 'is required');
    return { ok: true, value: null };
  }
  switch (c.type) {
    case 'text':
      if (c.maxLength && [...text].length > c.maxLength)
        return bad(`不能超过 ${c.maxLength} 个字`, `must be at most ${c.maxLength} characters`);
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
      if (!wall || Number.isNaN(wall.getTime()))
        return bad('应为日期时间，如 2026-03-01 14:30', 'must be a date and time such as 2026-03-01 14:30');
      // the sheet holds Beijing wall-clock time
      return { ok: true, value: new Date(wall.getTime() - 8 * 3600 * 1000) };
    }
    case 'enum': {
      const t = text.toLowerCase();
      const hit = (c.options ?? []).find(
        (o) => o.value.toLowerCase() === t || o.label['zh-CN'].toLowerCase() === t || o.label.en.toLowerCase() === t,
      );
      if (!hit) {
        const zh = (c.options ?? []).map((o) => o.label['zh-CN']).join('、');
        const en = (c.options ?? []).map((o) => o.label.en).join(', ');
        return {
          ok: false,
          message: l10n(`「${h['zh-CN']}」的值“${text}”无效，可选：${zh}`, `"${h.en}": "${text}" is not allowed; use one of: ${en}`),
        };
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

/** A problem of one row: the column it is about (null: the whole row) and the message. */
export interface RowProblem {
  column: string | null;
  message: L10n;
}

/**
 * The cells of one data row, column by column: the parsed values (only the cells that parsed) and
 * every problem, a column's own rule (`validate`) running on its non-empty parsed value.
 */
export function parseRowCells(
  columns: readonly ImportColumn[],
  raws: ReadonlyMap<string, Raw>,
  cells: Readonly<Record<string, string>>,
): { value: Record<string, unknown>; problems: RowProblem[] } {
  const value: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const c of columns) {
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
  return { value, problems };
}

/** Where each column is in the sheet: column key → column number of the header cell naming it (the first one wins). */
export function columnPositions(columns: readonly ImportColumn[], headerCells: readonly Raw[]): Map<string, number> {
  const positions = new Map<string, number>();
  headerCells.forEach((cell, colNumber) => {
    const col = columnOfHeader(columns, cellText(cell ?? null));
    if (col && !positions.has(col.key)) positions.set(col.key, colNumber);
  });
  return positions;
}
