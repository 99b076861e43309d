import { sql, type SQL } from 'drizzle-orm';
import { PHONE_MARK, searchTerm } from '../../core/crm/search-text.ts';

/** `\`-escapes LIKE's wildcards in a term. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * The one free-text filter of every list: `search_text LIKE '%term%'`, where both the stored
 * `search_text` (`buildSearchText` in core/crm/search-text.ts) and the term are normalised the
 * same way (NFKC, lower case, no spaces or punctuation), so Chinese, full-width and mixed input
 * find the same records. Null when there is no filter; FALSE when nothing searchable is left.
 * With `hidePhones` (a reader without `contact.phone`) only the part before the phone digits is
 * searched, so a full number cannot be confirmed.
 */
export function searchCondition(col: SQL, q: string | undefined, hidePhones = false): SQL | null {
  if (!q) return null;
  const term = searchTerm(q);
  if (!term) return sql`FALSE`;
  return searchLike(col, term, hidePhones);
}

/** `col LIKE '%term%'` on an already normalised term; phone digits excluded with `hidePhones`. */
export function searchLike(col: SQL, term: string, hidePhones: boolean): SQL {
  const target = hidePhones ? sql`split_part(${col}, ${PHONE_MARK}, 1)` : col;
  return sql`${target} LIKE ${`%${escapeLike(term)}%`}`;
}
