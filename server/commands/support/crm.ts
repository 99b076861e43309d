import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { creditCodeMessage, creditCodeProblem, normalizeCreditCode } from '../../../core/crm/credit-code.ts';
import { companyNameKey } from '../../../core/crm/name-key.ts';
import { provinceOfCreditCode, regionOfProvince } from '../../../core/crm/options.ts';
import { buildSearchText } from '../../../core/crm/search-text.ts';
import { phoneDigits } from '../../../core/crm/phone.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { DuplicateMatch } from '../../../core/schemas/customers.schema.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import type { Actor } from '../../policies/actor.ts';
import { findDuplicates } from '../../queries/customers.ts';
import { hasPermission } from '../../policies/policy.ts';

/** Shared rules of the customer, partner and contact use cases. */

const en = (l: Locale) => l === 'en';

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', {}, { fields: { [field]: message } });
}

/** Normalizes a credit code ('' → null) and refuses one with a wrong check character, in the user's language. */
export function checkedCreditCode(raw: string | null | undefined, locale: Locale, field = 'body.creditCode'): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const code = normalizeCreditCode(raw);
  const problem = creditCodeProblem(code);
  if (problem) throw invalid(field, creditCodeMessage(problem, locale));
  return code;
}

/** A phone needs at least 5 digits and only phone characters (digits, + - ( ) spaces, 转 / ext). */
export function phoneProblem(raw: string, locale: Locale): string | null {
  const ok = /^[\d\s+\-()（）转#,，/.a-z]*$/i.test(raw.normalize('NFKC')) && phoneDigits(raw).length >= 5;
  if (ok) return null;
  return en(locale) ? 'not a phone number (digits, + - ( ), at least 5 digits)' : '电话号码格式不正确（数字及 + - ( )，至少 5 位数字）';
}

/** Checks a phone field ('' → null). */
export function checkedPhone(raw: string | null | undefined, locale: Locale, field = 'body.phone'): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const p = phoneProblem(raw, locale);
  if (p) throw invalid(field, p);
  return raw.trim();
}

/** '' → null for optional text fields; undefined stays undefined (not changed). */
export function blankToNull<T extends string | null | undefined>(v: T): T | null {
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

/**
 * Province and region kept consistent: a province decides its region; without a province the
 * province is taken from the credit code's division digits (when known).
 */
export function placeOf(input: { province?: string | null | undefined; region?: string | null | undefined }, creditCode: string | null | undefined): {
  province: string | null | undefined;
  region: string | null | undefined;
} {
  let province = input.province;
  if ((province === undefined || province === null) && creditCode) province = provinceOfCreditCode(creditCode) ?? province;
  const region = province ? regionOfProvince(province) : input.region;
  return { province, region };
}

/**
 * The owner of a new or transferred record: an active user. Naming somebody else needs
 * `customer.transfer` (or `partner.manage` for partners) — otherwise a creator with the `own`
 * scope would create records they cannot see.
 */
export async function resolveOwner(
  tx: Db,
  actor: Actor,
  ownerUserId: string | null | undefined,
  othersPermission: 'customer.transfer' | 'partner.manage',
  field = 'body.ownerUserId',
): Promise<{ id: string; departmentId: string | null; displayName: string }> {
  const id = ownerUserId ?? actor.userId;
  if (!id) throw invalid(field, en(actor.locale) ? 'an owner is required' : '请选择负责人');
  if (id !== actor.userId && !hasPermission(actor, othersPermission)) {
    throw new AppError('forbidden', {}, { permission: othersPermission });
  }
  const [u] = await tx
    .select({ id: users.id, departmentId: users.departmentId, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  if (!u) throw invalid(field, 'unknown or inactive user');
  return u;
}

/** True when a database error is a unique-constraint violation (e.g. a credit code saved twice at once). */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, i = 0; cur && i < 4; i++) {
    if (typeof cur === 'object' && 'code' in cur && (cur as { code: unknown }).code === '23505') return true;
    cur = typeof cur === 'object' && 'cause' in cur ? (cur as { cause: unknown }).cause : null;
  }
  return false;
}

/**
 * Refuses a save that duplicates an existing record: the same credit code always (409), a very
 * similar name unless the caller confirmed (409, `details.confirmable`). The details name the
 * matches, with nothing but the owner for records the actor may not see.
 */
export function refuseDuplicates(matches: DuplicateMatch[], confirmed: boolean | undefined, locale: Locale, kind: 'customer' | 'partner'): void {
  const byCode = matches.filter((m) => m.reason === 'credit_code');
  if (byCode.length > 0) {
    throw new AppError('conflict_duplicate', { field: en(locale) ? 'The unified social credit code' : '该统一社会信用代码' }, {
      duplicates: byCode, confirmable: false, fields: { 'body.creditCode': 'exists' },
    });
  }
  const byName = matches.filter((m) => m.reason === 'name');
  if (byName.length > 0 && !confirmed) {
    const what = kind === 'customer' ? (en(locale) ? 'A customer with a very similar name' : '名称相同或非常相似的客户')
      : (en(locale) ? 'A partner with a very similar name' : '名称相同或非常相似的渠道商');
    throw new AppError('conflict_duplicate', { field: what }, { duplicates: byName, confirmable: true });
  }
}

/** The identity fields of a customer or partner as stored, and as an edit may change them. */
interface CompanyIdentity {
  name: string;
  creditCode: string | null;
  province: string | null;
  region: string | null;
}

/**
 * The identity part of editing a customer or a partner, shared by both update commands: a new
 * name or credit code is checked for duplicates like a new record; province and region follow
 * the credit code unless given; the name key and search text follow name and code.
 */
export async function editedIdentity(
  tx: Db,
  actor: Actor,
  kind: 'customer' | 'partner',
  id: string,
  before: CompanyIdentity,
  input: { name?: string | undefined; province?: string | null | undefined; region?: string | null | undefined; confirmDuplicate?: boolean | undefined },
  creditCode: string | null | undefined,
): Promise<{ fields: { name: string | undefined; creditCode: string | null | undefined; province: string | null | undefined; region: string | null | undefined }; nameKey: string; searchText: string }> {
  const name = input.name?.trim();
  const nameChanged = name !== undefined && name !== before.name;
  const codeChanged = creditCode !== undefined && creditCode !== before.creditCode;
  if (nameChanged || codeChanged) {
    const matches = await findDuplicates(tx, actor, kind, {
      name: nameChanged ? name : undefined, creditCode: codeChanged ? creditCode : null, excludeId: id,
    });
    refuseDuplicates(matches, input.confirmDuplicate, actor.locale, kind);
  }
  const place = input.province !== undefined || input.region !== undefined || codeChanged
    ? placeOf(
      { province: input.province !== undefined ? input.province : before.province, region: input.region !== undefined ? input.region : before.region },
      creditCode !== undefined ? creditCode : before.creditCode,
    )
    : { province: undefined, region: undefined };
  const nextName = name ?? before.name;
  const nextCode = creditCode !== undefined ? creditCode : before.creditCode;
  return {
    fields: { name, creditCode, province: place.province, region: place.region },
    nameKey: companyNameKey(nextName),
    searchText: buildSearchText([nextName, nextCode]),
  };
}
