import { asc, eq, gt, like, and } from 'drizzle-orm';
import { buildSearchText } from '../../../core/crm/search-text.ts';
import type { Db } from '../../db/client.ts';
import { customers, projects } from '../../db/schema.ts';

/**
 * The `search_text` the project list's search box matches: code, name and customer, written with
 * `buildSearchText` (core/crm/search-text.ts) and searched with the kernel's `searchCondition`,
 * so a project is found the way a customer is ("ＸＭ－2026", "智慧 园区" and "smart PARK" all
 * match).
 */
export function projectSearchText(code: string, name: string, customerName: string | null | undefined): string {
  return buildSearchText([code, name, customerName]);
}

const BATCH = 500;

/**
 * Start-up: rewrites the search text of projects stored by an earlier release (code, name and
 * customer lower-cased and joined with spaces) in today's form. Only rows whose text differs are
 * written; the old form always holds a space (between code and name) and `buildSearchText` never
 * writes one, so a database already converted costs one scan that returns nothing. Not an SQL
 * migration: PostgreSQL's `lower()` and `[[:punct:]]` follow the database's locale, not the
 * Unicode rules of `normalizeText`. Derived data: neither the version nor `updated_at` changes.
 */
export async function refreshProjectSearchText(db: Db): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const rows = await db
      .select({ id: projects.id, code: projects.code, name: projects.name, customerName: customers.name, searchText: projects.searchText })
      .from(projects)
      .innerJoin(customers, eq(customers.id, projects.customerId))
      .where(and(like(projects.searchText, '% %'), gt(projects.id, after || '00000000-0000-0000-0000-000000000000')))
      .orderBy(asc(projects.id))
      .limit(BATCH);
    for (const r of rows) {
      const text = projectSearchText(r.code, r.name, r.customerName);
      if (text === r.searchText) continue;
      await db.update(projects).set({ searchText: text }).where(eq(projects.id, r.id));
      written++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return written;
    after = last.id;
  }
}
