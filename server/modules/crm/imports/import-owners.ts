import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { l10n, type L10n } from '../../../../core/imports/l10n.ts';
import type { Db } from '../../../db/client.ts';
import { customers, partners, users } from '../../../db/schema.ts';
import { addRowError, type ImportRow } from '../../../imports/import-spec.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../../../policies/visibility.ts';

/**
 * The batch checks the customer and partner imports share: the owner column (user name or
 * display name; blank = the importer) and the records that already exist. Duplicates are refused
 * row by row: a credit code or a name key that already exists (visible or not — for invisible
 * records only the owner is named).
 */

export interface Owned {
  owner: string | null;
  ownerId?: string;
  departmentId?: string | null;
}

/** Resolves the owner column (user name or display name; blank = importer) for every row. */
export async function resolveOwners<R extends Owned>(
  db: Db,
  rows: ImportRow<R>[],
  ctx: Ctx,
  othersPermission: 'customer.transfer' | 'partner.manage',
): Promise<void> {
  const names = [...new Set(rows.map((r) => r.value.owner).filter((x): x is string => !!x))];
  const found = names.length
    ? await db
        .select({ id: users.id, username: users.username, displayName: users.displayName, departmentId: users.departmentId })
        .from(users)
        .where(and(eq(users.active, true), or(inArray(users.username, names), inArray(users.displayName, names))))
    : [];
  const meDept = ctx.actor.departmentId;
  for (const r of rows) {
    const o = r.value.owner;
    if (!o) {
      if (!ctx.actor.userId) addRowError(r, 'owner' as keyof R & string, l10n('请填写负责人', 'an owner is required'));
      else {
        r.value.ownerId = ctx.actor.userId;
        r.value.departmentId = meDept;
      }
      continue;
    }
    const byUsername = found.filter((u) => u.username === o);
    const matches = byUsername.length ? byUsername : found.filter((u) => u.displayName === o);
    const u = matches[0];
    if (!u) addRowError(r, 'owner' as keyof R & string, l10n(`负责人「${o}」不存在或已停用`, `no active user "${o}"`));
    else if (matches.length > 1)
      addRowError(
        r,
        'owner' as keyof R & string,
        l10n(`有多个用户名为「${o}」，请填写用户名`, `several users are called "${o}": use the user name`),
      );
    else if (u.id !== ctx.actor.userId && !hasPermission(ctx.actor, othersPermission)) {
      addRowError(r, 'owner' as keyof R & string, l10n('无权把记录指定给他人负责', 'you may not make someone else the owner'));
    } else {
      r.value.ownerId = u.id;
      r.value.departmentId = u.departmentId;
    }
  }
}

/** Existing records with the same credit code or name key: one error per row naming what exists. */
export async function refuseExisting<R extends { name: string; creditCode: string | null }>(
  db: Db,
  rows: ImportRow<R>[],
  ctx: Ctx,
  kind: 'customer' | 'partner',
): Promise<void> {
  const t = kind === 'customer' ? customers : partners;
  const codes = [...new Set(rows.map((r) => r.value.creditCode).filter((x): x is string => !!x))];
  const keys = [...new Set(rows.map((r) => companyNameKey(r.value.name)))];
  const readPerm = kind === 'customer' ? 'customer.read' : 'partner.read';
  const vis = hasPermission(ctx.actor, readPerm)
    ? kind === 'customer'
      ? await customerVisibility(db, ctx.actor)
      : await partnerVisibility(db, ctx.actor)
    : sql`FALSE`;
  const hits: Array<{ name: string; nameKey: string; creditCode: string | null; ownerName: string | null; visible: boolean }> = [];
  const chunk = 1000;
  for (let i = 0; i < Math.max(codes.length, keys.length); i += chunk) {
    const c = codes.slice(i, i + chunk);
    const k = keys.slice(i, i + chunk);
    const cond =
      c.length && k.length
        ? or(inArray(t.creditCode, c), inArray(t.nameKey, k))
        : c.length
          ? inArray(t.creditCode, c)
          : inArray(t.nameKey, k);
    hits.push(
      ...(await db
        .select({
          name: t.name,
          nameKey: t.nameKey,
          creditCode: t.creditCode,
          ownerName: users.displayName,
          visible: sql<boolean>`(${vis})`,
        })
        .from(t)
        .leftJoin(users, eq(users.id, t.ownerUserId))
        .where(cond)),
    );
  }
  const byCode = new Map(hits.filter((h) => h.creditCode).map((h) => [h.creditCode, h]));
  const byKey = new Map(hits.map((h) => [h.nameKey, h]));
  const what = kind === 'customer' ? l10n('客户', 'customer') : l10n('渠道商', 'partner');
  const describe = (h: { name: string; ownerName: string | null; visible: boolean }): L10n =>
    h.visible
      ? l10n(
          `已有${what['zh-CN']}「${h.name}」（负责人：${h.ownerName ?? '无'}）`,
          `the ${what.en} "${h.name}" exists (owner: ${h.ownerName ?? 'none'})`,
        )
      : l10n(
          `已有该${what['zh-CN']}（负责人：${h.ownerName ?? '无'}，您无权查看）`,
          `this ${what.en} exists (owner: ${h.ownerName ?? 'none'}; not visible to you)`,
        );
  for (const r of rows) {
    const hc = r.value.creditCode ? byCode.get(r.value.creditCode) : undefined;
    if (hc) {
      const d = describe(hc);
      addRowError(r, 'creditCode' as keyof R & string, l10n(`统一社会信用代码重复：${d['zh-CN']}`, `duplicate credit code: ${d.en}`));
      continue;
    }
    const hk = byKey.get(companyNameKey(r.value.name));
    if (hk) {
      const d = describe(hk);
      addRowError(r, 'name' as keyof R & string, l10n(`名称重复：${d['zh-CN']}`, `duplicate name: ${d.en}`));
    }
  }
}
