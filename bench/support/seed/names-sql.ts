/**
 * The generated values of names.ts computed in SQL: places and industries as SQL arrays, company
 * names and unified social credit codes by company number (as `company()` in names.ts), the name
 * key the duplicate check compares, search text as core/crm/search-text.ts builds it, and
 * Chinese person names.
 */
import {
  GIVEN,
  INDUSTRIES,
  INDUSTRY_VALUES,
  NAME_SPACE,
  ORG_WEIGHTS,
  PLACES,
  SURNAMES,
  TRADE_CHARS,
  USCC_CHARSET,
  USCC_WEIGHTS,
  provinceOf,
} from '../names.ts';
import { H, textArray } from './sql.ts';

export const CITY = textArray(PLACES.map((p) => p[0]));
export const PROVINCE = textArray(PLACES.map((p) => provinceOf(p).province));
export const REGION = textArray(PLACES.map((p) => provinceOf(p).region));
const DIVISION = textArray(PLACES.map((p) => p[3]));
const INDUSTRY = textArray(INDUSTRIES);
export const INDUSTRY_VALUE = textArray(INDUSTRY_VALUES);

/**
 * A LATERAL sub-select naming company number `idx` (0-based, distinct numbers give distinct
 * names and credit codes): columns name, city_i, ind_i, credit_code.
 */
export function companyLateral(idx: string, alias: string): string {
  const h = `((${idx})::bigint * 7919 + 12345) % ${NAME_SPACE}`;
  const org8 = `lpad((((${idx})::bigint * 7919 + 1234567) % 100000000)::text, 8, '0')`;
  const orgSum = ORG_WEIGHTS.map((w, i) => `substr(o.org8, ${i + 1}, 1)::int * ${w}`).join(' + ');
  const usccSum = USCC_WEIGHTS.map((w, i) => `(strpos('${USCC_CHARSET}', substr(b.base17, ${i + 1}, 1)) - 1) * ${w}`).join(' + ');
  return `LATERAL (
    SELECT o.name, o.city_i, o.ind_i, b.base17 || substr('${USCC_CHARSET}', 1 + (31 - ((${usccSum}) % 31)) % 31, 1) AS credit_code
    FROM (
      SELECT k.h % ${PLACES.length} AS city_i, (k.h / ${PLACES.length * 3600}) % ${INDUSTRIES.length} AS ind_i, k.org8,
        ${CITY}[1 + k.h % ${PLACES.length}] || substr('${TRADE_CHARS}', 1 + (k.h / ${PLACES.length}) % 60, 1)
          || substr('${TRADE_CHARS}', 1 + (k.h / ${PLACES.length * 60}) % 60, 1) || ${INDUSTRY}[1 + (k.h / ${PLACES.length * 3600}) % ${INDUSTRIES.length}]
          || CASE WHEN (${idx}) % 10 = 0 THEN '股份有限公司' ELSE '有限公司' END AS name
      FROM (SELECT (${h})::int AS h, ${org8} AS org8) k
    ) o
    CROSS JOIN LATERAL (
      SELECT '91' || ${DIVISION}[1 + o.city_i] || o.org8
        || CASE 11 - ((${orgSum}) % 11) WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE (11 - ((${orgSum}) % 11))::text END AS base17
    ) b
  ) ${alias}`;
}

/** name without the company-form suffix, as the duplicate check compares names */
export const nameKey = (col: string) => `regexp_replace(${col}, '(股份)?有限(责任)?公司$', '')`;

/**
 * `buildSearchText` (core/crm/search-text.ts) in SQL for our generated values: fields lower-cased
 * without spaces and ASCII punctuation, joined with '|'; phones as digits after the '#' mark.
 */
export function searchText(fields: string[], phones: string[] = []): string {
  const text = fields.map((f) => `regexp_replace(lower(${f}), '[[:space:][:punct:]]', '', 'g')`).join(` || '|' || `);
  if (phones.length === 0) return text;
  // phone digits behind PHONE_MARK, as buildSearchText writes them (our generated phones are never empty)
  return `${text} || '#' || ${phones.map((p) => `regexp_replace(${p}, '[^0-9]', '', 'g')`).join(` || '|' || `)}`;
}

/** a Chinese person's name from a row number */
export function personSql(expr: string, salt: number): string {
  return `substr('${SURNAMES}', 1 + ${H(expr, salt)} % ${[...SURNAMES].length}, 1) || substr('${GIVEN}', 1 + ${H(expr, salt + 1)} % ${[...GIVEN].length}, 1)
    || CASE WHEN ${H(expr, salt + 2)} % 3 = 0 THEN '' ELSE substr('${GIVEN}', 1 + ${H(expr, salt + 3)} % ${[...GIVEN].length}, 1) END`;
}
