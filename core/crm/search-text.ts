import { normalizeText } from './name-key.ts';
import { phoneDigits } from './phone.ts';

/**
 * The `search_text` column of customers, contacts, partners and leads, and the term searched in
 * it. Both sides go through `normalizeText` (NFKC, lower case, no spaces, punctuation or
 * symbols), so "海康 威视", "ＨＩＫ" and "138-1234-1234" find "海康威视", "hik" and "13812341234";
 * search is `search_text LIKE '%term%'`. Fields are joined with '|', which the normalized term can
 * never contain, so a match never spans two fields.
 *
 * Phone digits come last, after `PHONE_MARK` ('#', which a normalized term never contains either):
 * `name|title#13812341234|057188886666`. Readers without `contact.phone` search only the part
 * before the mark (`searchableText`), so they cannot confirm a full number by searching for it.
 */
export const PHONE_MARK = '#';

export function buildSearchText(
  fields: ReadonlyArray<string | null | undefined>,
  phones: ReadonlyArray<string | null | undefined> = [],
): string {
  const parts = fields.map((f) => normalizeText(f ?? '')).filter((f) => f !== '');
  const digits = phones.map((p) => phoneDigits(p)).filter((d) => d !== '');
  const text = parts.join('|');
  return digits.length ? `${text}${PHONE_MARK}${digits.join('|')}` : text;
}

/** The part of a search text that a reader without `contact.phone` may match (no phone digits). */
export function withoutPhones(searchText: string): string {
  const i = searchText.indexOf(PHONE_MARK);
  return i < 0 ? searchText : searchText.slice(0, i);
}

/** The normalized search term, or null when nothing searchable is left. */
export function searchTerm(q: string): string | null {
  const t = normalizeText(q);
  return t === '' ? null : t;
}
