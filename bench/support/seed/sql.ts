/**
 * Building blocks of the set-based seeding SQL: literals and arrays, deterministic ids (`uid` of
 * names.ts in SQL), pseudo-random numbers (hashint8 of the row number), and statements run in
 * chunks of row numbers.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.ts';
import { rowsOf } from '../../../server/db/client.ts';

export const raw = (s: string) => sql.raw(s);
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const textArray = (xs: readonly string[]) => `(ARRAY[${xs.map(lit).join(',')}]::text[])`;
export const uuidArray = (xs: readonly string[]) => `(ARRAY[${xs.map(lit).join(',')}]::uuid[])`;
/** `uid(kind, n)` in SQL */
export const U = (kind: string, expr: string) =>
  `overlay(overlay(md5('${kind}:' || (${expr})::text) placing '4' from 13) placing '8' from 17)::uuid`;
/** a non-negative pseudo-random int from a row number and a salt */
export const H = (expr: string, salt: number) => `(hashint8((${expr})::bigint * 1000003 + ${salt}) & 2147483647)`;
/** an element of an SQL array by a non-negative index expression */
export const pick = (arr: string, len: number, idx: string) => `(${arr})[1 + ((${idx}) % ${len})]`;

export async function exec(db: Db, q: SQL): Promise<void> {
  await db.execute(q);
}

export async function count(db: Db, q: SQL): Promise<number> {
  return rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0;
}

export function ranges(total: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let from = 1; from <= total; from += size) out.push([from, Math.min(total, from + size - 1)]);
  return out;
}

export const CHUNK = 100_000;
