/**
 * Duplicate detection for incoming information (PRODUCT.md §3.1): the same customer with a
 * similar title within 90 days is flagged before saving. Chinese titles have no spaces, so the
 * comparison works on characters: titles are normalised (full-width → half-width, case, spaces
 * and punctuation removed, generic words such as 项目 / 采购 / 公告 dropped) and compared by the
 * Dice coefficient of their character bigrams; one title containing the other also counts.
 */
import { companyNameKey, normalizeText } from '../crm/name-key.ts';

export const DEFAULT_DUPLICATE_WINDOW_DAYS = 90;
/** Dice coefficient from which two titles count as similar. */
export const SIMILARITY_THRESHOLD = 0.6;

// Letters, digits and CJK ideographs are kept; everything else (spaces, punctuation, symbols) goes.
function stripped(s: string): string {
  return normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The customer-name key shared with the customer module (core/crm/name-key.ts). */
export { companyNameKey };

const GENERIC_WORDS = ['项目', '采购', '招标', '公告', '信息', '需求', '询价', '竞争性谈判', '询比价', '的'];

/** A title reduced for comparison (see the module comment). */
export function normalizeTitle(title: string): string {
  let s = stripped(title);
  for (const w of GENERIC_WORDS) s = s.split(w).join('');
  return s;
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0] ?? '', 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Similarity of two titles in [0, 1]: Dice coefficient of character bigrams after normalising. */
export function titleSimilarity(a: string, b: string): number {
  const x = normalizeTitle(a);
  const y = normalizeTitle(b);
  if (!x || !y) return x === y ? 1 : 0;
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let overlap = 0;
  let total = 0;
  for (const n of bx.values()) total += n;
  for (const n of by.values()) total += n;
  for (const [g, n] of bx) overlap += Math.min(n, by.get(g) ?? 0);
  return total === 0 ? 0 : (2 * overlap) / total;
}

/** Whether two titles are similar: high bigram overlap, or one (of at least 4 characters) contains the other. */
export function similarTitles(a: string, b: string): boolean {
  const x = normalizeTitle(a);
  const y = normalizeTitle(b);
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if ([...short].length >= 4 && long.includes(short)) return true;
  return titleSimilarity(a, b) >= SIMILARITY_THRESHOLD;
}

/** What the duplicate check needs to know of a record. */
export interface DuplicateCandidate {
  id: string;
  title: string;
  customerId: string | null;
  customerName: string | null;
  registeredAt: Date;
}

/** Same customer: the same customer record, or names with the same key. */
export function sameCustomer(
  a: { customerId: string | null; customerName: string | null },
  b: { customerId: string | null; customerName: string | null },
): boolean {
  if (a.customerId && b.customerId) return a.customerId === b.customerId;
  const ka = a.customerName ? companyNameKey(a.customerName) : '';
  const kb = b.customerName ? companyNameKey(b.customerName) : '';
  return ka !== '' && ka === kb;
}

/**
 * The earlier records a new one likely duplicates: same customer, similar title, registered
 * within `windowDays` before `now`.
 */
export function findDuplicates<T extends DuplicateCandidate>(
  incoming: { title: string; customerId: string | null; customerName: string | null },
  existing: readonly T[],
  now: Date,
  windowDays: number = DEFAULT_DUPLICATE_WINDOW_DAYS,
): T[] {
  const since = now.getTime() - windowDays * 86_400_000;
  return existing.filter((e) => e.registeredAt.getTime() >= since && sameCustomer(incoming, e) && similarTitles(incoming.title, e.title));
}
