import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { creditCodeMessage, creditCodeProblem, normalizeCreditCode } from '../../../../core/crm/credit-code.ts';
import { companyNameKey, nameSimilarity, SIMILAR_NAME_THRESHOLD } from '../../../../core/crm/name-key.ts';
import type { DuplicateCheckBody, DuplicateMatch, DuplicateResult } from '../../../../core/crm/crm.schema.ts';
import type { Db } from '../../../db/client.ts';
import { customers, partners, users } from '../../../db/schema.ts';
import { escapeLike } from '../../../kernel/text-search.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../../../policies/visibility.ts';

/** Duplicate detection of customers and partners: by credit code and by (very similar) name. */

/**
 * Existing customers or partners that the given name / credit code would duplicate: the same
 * credit code, or a name whose key is the same or very similar. Records outside the actor's
 * visibility are reported too, but only as "exists, owned by …".
 */
export async function findDuplicates(
  db: Db,
  actor: Actor,
  kind: 'customer' | 'partner',
  input: { name?: string | undefined; creditCode?: string | null | undefined; excludeId?: string | undefined },
): Promise<DuplicateMatch[]> {
  const t = kind === 'customer' ? customers : partners;
  const readPerm = kind === 'customer' ? 'customer.read' : 'partner.read';
  const vis = hasPermission(actor, readPerm)
    ? kind === 'customer'
      ? await customerVisibility(db, actor)
      : await partnerVisibility(db, actor)
    : sql`FALSE`;
  const key = input.name ? companyNameKey(input.name) : '';
  const code = input.creditCode ?? null;
  const any: SQL[] = [];
  if (code) any.push(sql`${t.creditCode} = ${code}`);
  const len = [...key].length;
  if (len > 0) {
    any.push(sql`${t.nameKey} = ${key}`);
    if (len >= 2) any.push(sql`${t.nameKey} LIKE ${`%${escapeLike(key)}%`}`);
    if (len >= 4) {
      const chars = [...key];
      any.push(sql`(length(${t.nameKey}) >= 4 AND ${key} LIKE '%' || ${t.nameKey} || '%')`);
      any.push(sql`${t.nameKey} LIKE ${`${escapeLike(chars.slice(0, 4).join(''))}%`}`);
      any.push(sql`${t.nameKey} LIKE ${`%${escapeLike(chars.slice(-4).join(''))}`}`);
    }
  }
  if (any.length === 0) return [];
  const conds: SQL[] = [sql`(${sql.join(any, sql` OR `)})`];
  if (input.excludeId) conds.push(sql`${t.id} <> ${input.excludeId}::uuid`);
  const rows = await db
    .select({
      id: t.id,
      name: t.name,
      creditCode: t.creditCode,
      ownerName: users.displayName,
      visible: sql<boolean>`(${vis})`,
    })
    .from(t)
    .leftJoin(users, eq(users.id, t.ownerUserId))
    .where(and(...conds))
    .orderBy(sql`(${t.nameKey} = ${key}) DESC`, asc(t.name))
    .limit(200);
  const out: DuplicateMatch[] = [];
  for (const r of rows) {
    const byCode = code !== null && r.creditCode === code;
    const similarity = input.name ? nameSimilarity(input.name, r.name) : 0;
    if (!byCode && similarity < SIMILAR_NAME_THRESHOLD) continue;
    const visible = Boolean(r.visible);
    out.push({
      visible,
      id: visible ? r.id : null,
      name: visible ? r.name : null,
      creditCode: visible ? r.creditCode : null,
      ownerName: r.ownerName,
      reason: byCode ? 'credit_code' : 'name',
      similarity: byCode ? 1 : similarity,
    });
  }
  out.sort((a, b) => (a.reason === b.reason ? b.similarity - a.similarity : a.reason === 'credit_code' ? -1 : 1));
  return out.slice(0, 10);
}

/** The duplicate check of the create/edit forms: the matches, and what is wrong with the credit code if anything. */
export async function checkDuplicates(
  db: Db,
  actor: Actor,
  kind: 'customer' | 'partner',
  body: DuplicateCheckBody,
): Promise<DuplicateResult> {
  let creditCode: string | null = null;
  let creditCodeError: string | null = null;
  if (body.creditCode) {
    const code = normalizeCreditCode(body.creditCode);
    const p = creditCodeProblem(code);
    if (p) creditCodeError = creditCodeMessage(p, actor.locale);
    else creditCode = code;
  }
  const matches = await findDuplicates(db, actor, kind, { name: body.name, creditCode, excludeId: body.excludeId });
  return { matches, creditCodeError };
}
