/**
 * Reads the text of a State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知)
 * and turns it into holiday periods and make-up working days (调休上班) for one year. Pure: the
 * admin pastes the notice, the server answers a preview, the admin checks it and saves.
 *
 * Understood wording (the notices of the last decade):
 *  - items "一、元旦：…", "六、国庆节、中秋节：…" (also plain lines "春节：…")
 *  - "1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天" (ranges over months)
 *  - "4月4日（周五）至6日（周日）放假，共3天" (the end inherits the month)
 *  - "1月1日（周三）放假1天，不调休"; "4月5日放假，与周末连休" (the adjacent weekend joins the period)
 *  - "5月1日放假，5月4日（星期一）补休" (a 补休 day is a day off)
 *  - "1月26日（周日）、2月8日（周六）上班" (make-up working days)
 * Anything with dates it cannot place becomes a warning, never a guess.
 */
import { addCalendarDays, isIsoDate } from './working-calendar.ts';

export interface NoticePeriod {
  name: string;
  from: string;
  to: string;
  /** calendar days in the period */
  days: number;
  /** "共N天" / "放假N天" as written in the notice, if it says */
  statedDays: number | null;
}

export type NoticeWarning =
  | { code: 'no_items' }
  | { code: 'year_mismatch'; noticeYear: number }
  | { code: 'outside_year'; item: string; date: string }
  | { code: 'days_mismatch'; item: string; stated: number; counted: number }
  | { code: 'workday_not_weekend'; item: string; date: string }
  | { code: 'workday_in_holiday'; item: string; date: string }
  | { code: 'unrecognized'; item: string; text: string };

export interface NoticeParseResult {
  year: number;
  /** the notice title and document number when the text contains them */
  source: string | null;
  periods: NoticePeriod[];
  /** every day of every holiday period, sorted */
  holidays: string[];
  /** make-up working days, sorted */
  workdays: string[];
  warnings: NoticeWarning[];
}

const ITEM_RE = /(?:^|(?<=[\n。；;\s]))([一二三四五六七八九十]{1,3})[、.．]\s*([^：:\n。]{1,24}?)\s*[：:]/g;
const LINE_ITEM_RE = /^\s*([^\s：:，,。]{2,24})\s*[：:](.*)$/;
const DATE_RE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const RANGE_JOIN_RE = /^\s*(?:至|到|—|–|-|～|~)\s*$/;
const STATED_RE = /(?:共|放假)\s*(\d{1,3})\s*天/;

/** Full-width digits and punctuation to their ASCII forms; parenthesised notes removed. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\r\n?/g, '\n')
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/[ \t\u3000]+/g, ' ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

interface RawItem {
  name: string;
  body: string;
}

function splitItems(text: string): RawItem[] {
  const marks: Array<{ name: string; start: number; end: number }> = [];
  for (const m of text.matchAll(ITEM_RE)) {
    const name = (m[2] ?? '').trim();
    if (!name) continue;
    marks.push({ name, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  if (marks.length) {
    return marks.map((mk, i) => ({ name: mk.name, body: text.slice(mk.end, marks[i + 1]?.start ?? text.length) }));
  }
  // No numbered items: lines "春节：…" that mention a date.
  const out: RawItem[] = [];
  for (const line of text.split('\n')) {
    const m = LINE_ITEM_RE.exec(line);
    if (m && DATE_RE.test(m[2] ?? '')) out.push({ name: (m[1] ?? '').trim(), body: m[2] ?? '' });
    DATE_RE.lastIndex = 0;
  }
  return out;
}

interface DateToken {
  year: number | null;
  month: number | null;
  day: number;
  index: number;
  end: number;
}

function tokens(clause: string): DateToken[] {
  const out: DateToken[] = [];
  for (const m of clause.matchAll(DATE_RE)) {
    out.push({
      year: m[1] ? Number(m[1]) : null,
      month: m[2] ? Number(m[2]) : null,
      day: Number(m[3]),
      index: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    });
  }
  return out;
}

type ClauseKind = 'off' | 'work' | null;

function clauseKind(clause: string): ClauseKind {
  if (/上班/.test(clause)) return 'work';
  if (/放假|补休|休息|休假|调休/.test(clause)) return 'off';
  return null;
}

/**
 * Parses a notice for `year`. Dates outside the year are reported and left out (they belong
 * to the neighbouring year's schedule).
 */
export function parseHolidayNotice(rawText: string, year: number): NoticeParseResult {
  const text = normalize(rawText);
  const warnings: NoticeWarning[] = [];
  const titleYear = /关于\s*(\d{4})\s*年\s*部分节假日安排的通知/.exec(text);
  if (titleYear && Number(titleYear[1]) !== year) warnings.push({ code: 'year_mismatch', noticeYear: Number(titleYear[1]) });
  const titleMatch = /国务院办公厅关于\s*\d{4}\s*年\s*部分节假日安排的通知/.exec(text);
  const docNo = /国办发(?:明电)?\s*〔\s*\d{4}\s*〕\s*\d+\s*号/.exec(text);
  const source = titleMatch ? [titleMatch[0].replace(/\s+/g, ''), docNo?.[0].replace(/\s+/g, '')].filter(Boolean).join(' ') : null;

  const items = splitItems(text);
  if (!items.length) warnings.push({ code: 'no_items' });

  const periods: NoticePeriod[] = [];
  const allWork = new Set<string>();
  const itemOff: Array<{ name: string; days: Set<string>; stated: number | null; joinWeekend: boolean }> = [];

  for (const item of items) {
    const off = new Set<string>();
    let stated: number | null = null;
    let joinWeekend = false;
    let lastMonth: number | null = null;
    let lastYear = year;
    const sentences = item.body
      .split(/[。\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    let seenDates = false;
    for (const sentence of sentences) {
      if (!tokens(sentence).length) {
        if (seenDates) break; // the text after the last dated sentence is not part of the item
        continue;
      }
      seenDates = true;
      const clauses = sentence
        .split(/[，,；;]/)
        .map((c) => c.trim())
        .filter(Boolean);
      for (let ci = 0; ci < clauses.length; ci++) {
        const clause = clauses[ci] ?? '';
        const st = STATED_RE.exec(clause);
        if (st && stated === null) stated = Number(st[1]);
        if (/与周末连休/.test(clause)) joinWeekend = true;
        const toks = tokens(clause);
        if (!toks.length) continue;
        let kind = clauseKind(clause);
        for (let k = ci + 1; kind === null && k < clauses.length; k++) {
          const next = clauses[k] ?? '';
          if (tokens(next).length) break;
          kind = clauseKind(next);
        }
        if (kind === null) {
          warnings.push({ code: 'unrecognized', item: item.name, text: clause });
          continue;
        }
        const dates: string[] = [];
        let prev: string | null = null;
        for (let ti = 0; ti < toks.length; ti++) {
          const tk = toks[ti];
          if (!tk) continue;
          const month: number | null = tk.month ?? lastMonth;
          if (month === null || month < 1 || month > 12) {
            warnings.push({ code: 'unrecognized', item: item.name, text: clause });
            prev = null;
            continue;
          }
          const between = ti > 0 ? clause.slice(toks[ti - 1]?.end ?? 0, tk.index) : '';
          const rangeEnd = prev !== null && RANGE_JOIN_RE.test(between);
          // A month without a year is in the notice's year, except the end of a range that
          // runs past December (12月31日至1月2日); a bare day keeps the month and year before it.
          let y = tk.year ?? (tk.month !== null ? year : lastYear);
          if (tk.year === null && rangeEnd && lastMonth !== null && month < lastMonth) y = lastYear + 1;
          const date = `${y}-${pad(month)}-${pad(tk.day)}`;
          if (!isIsoDate(date)) {
            warnings.push({ code: 'unrecognized', item: item.name, text: clause });
            prev = null;
            continue;
          }
          if (prev !== null && rangeEnd && date >= prev) {
            for (let d = addCalendarDays(prev, 1), i = 0; d <= date && i < 400; d = addCalendarDays(d, 1), i++) dates.push(d);
          } else {
            dates.push(date);
          }
          prev = date;
          lastMonth = month;
          lastYear = y;
        }
        for (const d of dates) (kind === 'work' ? allWork : off).add(d);
      }
    }
    itemOff.push({ name: item.name, days: off, stated, joinWeekend });
  }

  for (const d of [...allWork].sort()) {
    if (!isWeekend(d)) warnings.push({ code: 'workday_not_weekend', item: itemOf(items, d), date: d });
  }

  for (const item of itemOff) {
    const days = [...item.days].sort();
    const runs: Array<{ from: string; to: string }> = [];
    for (const d of days) {
      const last = runs[runs.length - 1];
      if (last && gapIsWeekend(last.to, d, allWork)) last.to = d;
      else runs.push({ from: d, to: d });
    }
    if (item.joinWeekend) {
      for (const r of runs) {
        for (let p = addCalendarDays(r.from, -1); isWeekend(p) && !allWork.has(p); p = addCalendarDays(p, -1)) r.from = p;
        for (let n = addCalendarDays(r.to, 1); isWeekend(n) && !allWork.has(n); n = addCalendarDays(n, 1)) r.to = n;
      }
    }
    let counted = 0;
    for (const r of runs) {
      const n = spanDays(r.from, r.to);
      counted += n;
      periods.push({ name: item.name, from: r.from, to: r.to, days: n, statedDays: item.stated });
    }
    if (item.stated !== null && runs.length && item.stated !== counted) {
      warnings.push({ code: 'days_mismatch', item: item.name, stated: item.stated, counted });
    }
  }

  const holidays = new Set<string>();
  const inYear = (d: string) => d.startsWith(`${year}-`);
  for (const p of periods) {
    for (let d = p.from; d <= p.to; d = addCalendarDays(d, 1)) {
      if (!inYear(d)) {
        warnings.push({ code: 'outside_year', item: p.name, date: d });
        continue;
      }
      if (allWork.has(d)) warnings.push({ code: 'workday_in_holiday', item: p.name, date: d });
      holidays.add(d);
    }
  }
  const workdays: string[] = [];
  for (const d of [...allWork].sort()) {
    if (inYear(d)) workdays.push(d);
    else warnings.push({ code: 'outside_year', item: itemOf(items, d), date: d });
  }
  periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    year,
    source,
    periods: periods.filter((p) => inYear(p.from) || inYear(p.to)),
    holidays: [...holidays].sort(),
    workdays,
    warnings,
  };
}

function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** True when every day strictly between `a` and `b` is a weekend day that is not worked. */
function gapIsWeekend(a: string, b: string, work: ReadonlySet<string>): boolean {
  for (let d = addCalendarDays(a, 1); d < b; d = addCalendarDays(d, 1)) {
    if (!isWeekend(d) || work.has(d)) return false;
  }
  return true;
}

function itemOf(items: RawItem[], date: string): string {
  const [, m, d] = date.split('-').map(Number);
  const hit = items.find((i) => i.body.includes(`${m}月${d}日`));
  return hit?.name ?? '';
}
