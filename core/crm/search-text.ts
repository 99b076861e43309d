import { normalizeText } from './name-key.ts';
import { phoneDigits } from './phone.ts';

/**
 * The `search_text` column of customers, contacts, partners and leads, and the term searched in
 * it. Both sides go through `normalizeText` (NFKC, lower case, no spaces, punctuation or
 * symbols), so "海康 威视", "ＨＩＫ" and "138-1234-1234" find "海康威视", "hik" and "13812341234";
 * search is `search_text LIKE '%term%'`. Fields are joined with '|', which the normalized term can
 * never contain, so a match never spans two fields.
 */
export function buildSearchText(fields: ReadonlyArray<string | null | undefined>, phones: ReadonlyArray<string | null | undefined> = []): string {
  const parts = fields.map((f) => normalizeText(f ?? '')).filter((f) => f !== '');
  for (const p of phones) {
    const d = phoneDigits(p);
    if (d) parts.push(d);
  }
  return parts.join('|');
}

/** The normalized search term, or null when nothing searchable is left. */
export function searchTerm(q: string): string | null {
  const t = normalizeText(q);
  return t === '' ? null : t;
}
