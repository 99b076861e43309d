import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { creditCodeCheckChar, creditCodeMessage, creditCodeProblem, normalizeCreditCode } from '../../core/crm/credit-code.ts';
import { companyNameKey } from '../../core/crm/name-key.ts';
import {
  CUSTOMER_LEVELS, CUSTOMER_SOURCES, CUSTOMER_STATUSES, DECISION_ROLES, INDUSTRIES, PARTNER_KINDS, PARTNER_LEVELS, PARTNER_STATUSES, PROVINCES,
  provinceOfCreditCode, regionOfProvince, REGIONS, type CrmOption,
} from '../../core/crm/options.ts';
import { buildSearchText } from '../../core/crm/search-text.ts';
import { AppError } from '../../core/errors.ts';
import type { ImportCommitBody, ImportCommitResult, ImportFileBody, ImportPreview } from '../../core/schemas/imports.schema.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Db } from '../db/client.ts';
import { contacts, customers, partners, timelineEntries, users } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import {
  addRowError, buildImportTemplate, commitImport, l10n, previewImport, type ImportColumn, type ImportOption, type ImportRow, type ImportSpec, type L10n,
} from '../imports/xlsx-import.ts';
import { hasPermission, requirePermission } from '../policies/policy.ts';
import { customerVisibility, partnerVisibility } from '../policies/visibility.ts';
import { isUniqueViolation, phoneProblem } from './support/crm.ts';

/**
 * Excel imports of customers, contacts and channel partners (the framework is
 * server/imports/xlsx-import.ts). Headers are the same as the exports', so an exported list can be
 * edited and imported again. Duplicates are refused row by row: a credit code or a name key that
 * already exists (visible or not — for invisible records only the owner is named) or repeats in
 * the file. Owners are named by user name or display name; blank means the importer.
 */

const opts = (list: readonly CrmOption[]): ImportOption[] => list.map((o) => ({ value: o.value, label: o.label }));

const creditCodeRule = (v: unknown): L10n | null => {
  const p = creditCodeProblem(normalizeCreditCode(String(v)));
  return p ? l10n(creditCodeMessage(p, 'zh-CN'), creditCodeMessage(p, 'en')) : null;
};
const phoneRule = (v: unknown): L10n | null => {
  const zh = phoneProblem(String(v), 'zh-CN');
  return zh ? l10n(zh, phoneProblem(String(v), 'en') ?? zh) : null;
};
const emailRule = (v: unknown): L10n | null =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v)) ? null : l10n('邮箱格式不正确', 'not an e-mail address');

const H = {
  customerName: l10n('客户名称', 'Customer name'),
  creditCode: l10n('统一社会信用代码', 'Unified social credit code'),
  industry: l10n('行业', 'Industry'),
  region: l10n('区域', 'Region'),
  province: l10n('省份', 'Province'),
  level: l10n('客户等级', 'Level'),
  source: l10n('客户来源', 'Source'),
  status: l10n('状态', 'Status'),
  owner: l10n('负责人', 'Owner'),
  address: l10n('地址', 'Address'),
  notes: l10n('备注', 'Notes'),
  partnerName: l10n('渠道商名称', 'Partner name'),
  partnerKind: l10n('类型', 'Type'),
  partnerLevel: l10n('合作等级', 'Partner level'),
  contactName: l10n('姓名', 'Name'),
  contactCustomer: l10n('所属客户', 'Customer'),
  contactTitle: l10n('职务', 'Job title'),
  decisionRole: l10n('决策链角色', 'Decision role'),
  phone: l10n('电话', 'Phone'),
  email: l10n('邮箱', 'E-mail'),
  wechat: l10n('微信', 'WeChat'),
} as const;

export const CRM_HEADERS = H;

const ownerNote = l10n('填写用户名或姓名；留空则为导入人。指定他人需有“转移客户”权限。', 'User name or display name; blank = the importer. Naming someone else needs the transfer permission.');

// ---------- owners ----------

interface Owned {
  owner: string | null;
  ownerId?: string;
  departmentId?: string | null;
}

/** Resolves the owner column (user name or display name; blank = importer) for every row. */
async function resolveOwners<R extends Owned>(db: Db, rows: ImportRow<R>[], ctx: Ctx, othersPermission: 'customer.transfer' | 'partner.manage'): Promise<void> {
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
    else if (matches.length > 1) addRowError(r, 'owner' as keyof R & string, l10n(`有多个用户名为「${o}」，请填写用户名`, `several users are called "${o}": use the user name`));
    else if (u.id !== ctx.actor.userId && !hasPermission(ctx.actor, othersPermission)) {
      addRowError(r, 'owner' as keyof R & string, l10n('无权把记录指定给他人负责', 'you may not make someone else the owner'));
    } else {
      r.value.ownerId = u.id;
      r.value.departmentId = u.departmentId;
    }
  }
}

/** Existing records with the same credit code or name key: one error per row naming what exists. */
async function refuseExisting<R extends { name: string; creditCode: string | null }>(
  db: Db,
  rows: ImportRow<R>[],
  ctx: Ctx,
  kind: 'customer' | 'partner',
): Promise<void> {
  const t = kind === 'customer' ? customers : partners;
  const codes = [...new Set(rows.map((r) => r.value.creditCode).filter((x): x is string => !!x))];
  const keys = [...new Set(rows.map((r) => companyNameKey(r.value.name)))];
  const readPerm = kind === 'customer' ? 'customer.read' : 'partner.read';
  const vis = hasPermission(ctx.actor, readPerm) ? (kind === 'customer' ? await customerVisibility(db, ctx.actor) : await partnerVisibility(db, ctx.actor)) : sql`FALSE`;
  const hits: Array<{ name: string; nameKey: string; creditCode: string | null; ownerName: string | null; visible: boolean }> = [];
  const chunk = 1000;
  for (let i = 0; i < Math.max(codes.length, keys.length); i += chunk) {
    const c = codes.slice(i, i + chunk);
    const k = keys.slice(i, i + chunk);
    const cond = c.length && k.length ? or(inArray(t.creditCode, c), inArray(t.nameKey, k)) : c.length ? inArray(t.creditCode, c) : inArray(t.nameKey, k);
    hits.push(...await db
      .select({ name: t.name, nameKey: t.nameKey, creditCode: t.creditCode, ownerName: users.displayName, visible: sql<boolean>`(${vis})` })
      .from(t)
      .leftJoin(users, eq(users.id, t.ownerUserId))
      .where(cond));
  }
  const byCode = new Map(hits.filter((h) => h.creditCode).map((h) => [h.creditCode, h]));
  const byKey = new Map(hits.map((h) => [h.nameKey, h]));
  const what = kind === 'customer' ? l10n('客户', 'customer') : l10n('渠道商', 'partner');
  const describe = (h: { name: string; ownerName: string | null; visible: boolean }): L10n => h.visible
    ? l10n(`已有${what['zh-CN']}「${h.name}」（负责人：${h.ownerName ?? '无'}）`, `the ${what.en} "${h.name}" exists (owner: ${h.ownerName ?? 'none'})`)
    : l10n(`已有该${what['zh-CN']}（负责人：${h.ownerName ?? '无'}，您无权查看）`, `this ${what.en} exists (owner: ${h.ownerName ?? 'none'}; not visible to you)`);
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

// ---------- customers ----------

export interface CustomerImportRow extends Owned {
  name: string;
  creditCode: string | null;
  industry: string | null;
  province: string | null;
  region: string | null;
  level: string | null;
  source: string | null;
  status: string | null;
  address: string | null;
  notes: string | null;
}

/** A well-formed example code for the template (its check character computed, not a real organisation). */
const EXAMPLE_CREDIT_CODE = `11330000MB0000000${creditCodeCheckChar('11330000MB0000000') ?? '0'}`;

const customerColumns: ImportColumn<keyof CustomerImportRow & string>[] = [
  { key: 'name', header: H.customerName, type: 'text', required: true, maxLength: 100, example: '某某市公安局', width: 30 },
  { key: 'creditCode', header: H.creditCode, type: 'text', maxLength: 30, example: EXAMPLE_CREDIT_CODE, validate: creditCodeRule, width: 24,
    note: l10n('18 位，系统会校验校验位；可留空', '18 characters, check character verified; may be blank') },
  { key: 'industry', header: H.industry, type: 'enum', options: opts(INDUSTRIES), example: '公安 / 政法' },
  { key: 'province', header: H.province, type: 'enum', options: opts(PROVINCES), example: '浙江', note: l10n('留空时按信用代码推断', 'blank: taken from the credit code') },
  { key: 'region', header: H.region, type: 'enum', options: opts(REGIONS), note: l10n('填写省份时自动确定', 'follows the province') },
  { key: 'level', header: H.level, type: 'enum', options: opts(CUSTOMER_LEVELS), example: 'B 类（重点客户）' },
  { key: 'source', header: H.source, type: 'enum', options: opts(CUSTOMER_SOURCES), example: '主动开拓' },
  { key: 'status', header: H.status, type: 'enum', options: opts(CUSTOMER_STATUSES), note: l10n('留空为“潜在客户”', 'blank: potential') },
  { key: 'owner', header: H.owner, type: 'text', maxLength: 64, note: ownerNote },
  { key: 'address', header: H.address, type: 'text', maxLength: 200, example: '杭州市滨江区某某路 1 号', width: 30 },
  { key: 'notes', header: H.notes, type: 'text', maxLength: 2000, width: 30 },
];

/** Excel import of customers (客户). */
export const customerImportSpec: ImportSpec<CustomerImportRow> = {
  entity: 'customer',
  permission: 'customer.import',
  sheetName: l10n('客户', 'Customers'),
  columns: customerColumns,
  uniqueInFile: [
    { column: 'creditCode', key: (r) => (r.creditCode ? normalizeCreditCode(r.creditCode) : null) },
    { column: 'name', key: (r) => companyNameKey(r.name) },
  ],
  check: async (db, rows, ctx) => {
    for (const r of rows) r.value.creditCode = r.value.creditCode ? normalizeCreditCode(r.value.creditCode) : null;
    await resolveOwners(db, rows, ctx, 'customer.transfer');
    await refuseExisting(db, rows, ctx, 'customer');
  },
  insert: async (tx, rows, ctx) => {
    const values = rows.map((r) => {
      const v = r.value;
      const province = v.province ?? (v.creditCode ? provinceOfCreditCode(v.creditCode) : null);
      return {
        name: v.name,
        nameKey: companyNameKey(v.name),
        creditCode: v.creditCode,
        industry: v.industry,
        province,
        region: province ? regionOfProvince(province) : v.region,
        level: v.level,
        source: v.source,
        status: v.status ?? 'potential',
        address: v.address,
        notes: v.notes,
        ownerUserId: v.ownerId ?? ctx.actor.userId,
        departmentId: v.departmentId ?? null,
        searchText: buildSearchText([v.name, v.creditCode]),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
    });
    const ids = await tx.insert(customers).values(values).returning({ id: customers.id, name: customers.name });
    await tx.insert(timelineEntries).values(ids.map((c) => ({
      at: ctx.now, kind: 'customer.created', entityType: 'customer', entityId: c.id, customerId: c.id, actorId: ctx.actor.userId,
      title: `导入客户「${c.name}」`, data: { name: c.name, imported: true },
    })));
  },
};

// ---------- partners ----------

export interface PartnerImportRow extends Owned {
  name: string;
  kind: string | null;
  creditCode: string | null;
  province: string | null;
  region: string | null;
  level: string | null;
  status: string | null;
  address: string | null;
  notes: string | null;
}

/** Excel import of channel partners and dealers (渠道商 / 经销商). */
export const partnerImportSpec: ImportSpec<PartnerImportRow> = {
  entity: 'partner',
  permission: 'customer.import',
  sheetName: l10n('渠道商', 'Partners'),
  columns: [
    { key: 'name', header: H.partnerName, type: 'text', required: true, maxLength: 100, example: '某某智能科技有限公司', width: 30 },
    { key: 'kind', header: H.partnerKind, type: 'enum', options: opts(PARTNER_KINDS), example: '渠道商', note: l10n('留空为“渠道商”', 'blank: channel partner') },
    { key: 'creditCode', header: H.creditCode, type: 'text', maxLength: 30, validate: creditCodeRule, width: 24 },
    { key: 'province', header: H.province, type: 'enum', options: opts(PROVINCES), example: '江苏' },
    { key: 'region', header: H.region, type: 'enum', options: opts(REGIONS) },
    { key: 'level', header: H.partnerLevel, type: 'enum', options: opts(PARTNER_LEVELS), example: '银牌' },
    { key: 'status', header: H.status, type: 'enum', options: opts(PARTNER_STATUSES), note: l10n('留空为“合作中”', 'blank: active') },
    { key: 'owner', header: H.owner, type: 'text', maxLength: 64, note: ownerNote },
    { key: 'address', header: H.address, type: 'text', maxLength: 200, width: 30 },
    { key: 'notes', header: H.notes, type: 'text', maxLength: 2000, width: 30 },
  ],
  uniqueInFile: [
    { column: 'creditCode', key: (r) => (r.creditCode ? normalizeCreditCode(r.creditCode) : null) },
    { column: 'name', key: (r) => companyNameKey(r.name) },
  ],
  check: async (db, rows, ctx) => {
    for (const r of rows) r.value.creditCode = r.value.creditCode ? normalizeCreditCode(r.value.creditCode) : null;
    await resolveOwners(db, rows, ctx, 'partner.manage');
    await refuseExisting(db, rows, ctx, 'partner');
  },
  insert: async (tx, rows, ctx) => {
    await tx.insert(partners).values(rows.map((r) => {
      const v = r.value;
      const province = v.province ?? (v.creditCode ? provinceOfCreditCode(v.creditCode) : null);
      return {
        name: v.name,
        nameKey: companyNameKey(v.name),
        kind: v.kind ?? 'channel',
        creditCode: v.creditCode,
        province,
        region: province ? regionOfProvince(province) : v.region,
        level: v.level,
        status: v.status ?? 'active',
        address: v.address,
        notes: v.notes,
        ownerUserId: v.ownerId ?? ctx.actor.userId,
        departmentId: v.departmentId ?? null,
        searchText: buildSearchText([v.name, v.creditCode]),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
    }));
  },
};

// ---------- contacts ----------

export interface ContactImportRow {
  customer: string;
  name: string;
  title: string | null;
  decisionRole: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  notes: string | null;
  customerId?: string;
}

/** Excel import of customers' contacts (联系人); the customer is named by its name or credit code. */
export const contactImportSpec: ImportSpec<ContactImportRow> = {
  entity: 'contact',
  permission: 'customer.import',
  sheetName: l10n('联系人', 'Contacts'),
  columns: [
    { key: 'customer', header: H.contactCustomer, type: 'text', required: true, maxLength: 100, example: '某某市公安局', width: 30,
      note: l10n('客户名称或统一社会信用代码，须是已有客户', 'the name or credit code of an existing customer') },
    { key: 'name', header: H.contactName, type: 'text', required: true, maxLength: 50, example: '王某某' },
    { key: 'title', header: H.contactTitle, type: 'text', maxLength: 50, example: '科技信息化处处长' },
    { key: 'decisionRole', header: H.decisionRole, type: 'enum', options: opts(DECISION_ROLES), example: '决策者' },
    { key: 'phone', header: H.phone, type: 'text', maxLength: 40, validate: phoneRule, example: '13800000000', width: 16 },
    { key: 'email', header: H.email, type: 'text', maxLength: 120, validate: emailRule, width: 24 },
    { key: 'wechat', header: H.wechat, type: 'text', maxLength: 60 },
    { key: 'notes', header: H.notes, type: 'text', maxLength: 2000, width: 30 },
  ],
  check: async (db, rows, ctx) => {
    const refs = [...new Set(rows.map((r) => r.value.customer))];
    const codes = refs.map((x) => normalizeCreditCode(x)).filter((c) => c.length === 18);
    const keys = [...new Set(refs.map((x) => companyNameKey(x)))];
    const vis = hasPermission(ctx.actor, 'customer.manage') ? await customerVisibility(db, ctx.actor, 'customer.manage') : sql`FALSE`;
    const found: Array<{ id: string; name: string; nameKey: string; creditCode: string | null }> = [];
    for (let i = 0; i < Math.max(keys.length, codes.length, 1); i += 1000) {
      const k = keys.slice(i, i + 1000);
      const c = codes.slice(i, i + 1000);
      if (!k.length && !c.length) break;
      const cond = k.length && c.length ? or(inArray(customers.nameKey, k), inArray(customers.creditCode, c)) : k.length ? inArray(customers.nameKey, k) : inArray(customers.creditCode, c);
      found.push(...await db.select({ id: customers.id, name: customers.name, nameKey: customers.nameKey, creditCode: customers.creditCode })
        .from(customers).where(and(cond, vis)));
    }
    for (const r of rows) {
      const ref = r.value.customer;
      const code = normalizeCreditCode(ref);
      let matches = found.filter((c) => c.creditCode === code);
      if (!matches.length) matches = found.filter((c) => c.name === ref);
      if (!matches.length) matches = found.filter((c) => c.nameKey === companyNameKey(ref));
      const m = matches[0];
      if (!m) addRowError(r, 'customer', l10n(`找不到客户「${ref}」（或您无权维护该客户）`, `no customer "${ref}" that you may edit`));
      else if (matches.length > 1) addRowError(r, 'customer', l10n(`「${ref}」对应多个客户，请填写统一社会信用代码`, `"${ref}" matches several customers: use the credit code`));
      else r.value.customerId = m.id;
    }
  },
  insert: async (tx, rows, ctx) => {
    await tx.insert(contacts).values(rows.map((r) => {
      const v = r.value;
      return {
        customerId: v.customerId ?? null,
        name: v.name,
        title: v.title,
        decisionRole: v.decisionRole,
        phone: v.phone,
        email: v.email,
        wechat: v.wechat,
        notes: v.notes,
        searchText: buildSearchText([v.name, v.email, v.wechat], [v.phone]),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
    }));
  },
};

// ---------- use cases ----------

export type CrmImportKind = 'customer' | 'partner' | 'contact';

function specOf(kind: CrmImportKind): ImportSpec<CustomerImportRow> | ImportSpec<PartnerImportRow> | ImportSpec<ContactImportRow> {
  return kind === 'customer' ? customerImportSpec : kind === 'partner' ? partnerImportSpec : contactImportSpec;
}

function requireManage(ctx: Ctx, kind: CrmImportKind): void {
  requirePermission(ctx.actor, 'customer.import');
  requirePermission(ctx.actor, kind === 'partner' ? 'partner.manage' : 'customer.manage');
}

/** The downloadable .xlsx template of an import. */
export function crmImportTemplate(kind: CrmImportKind, locale: Locale): Promise<Buffer> {
  const spec = specOf(kind);
  return buildImportTemplate(spec as ImportSpec<unknown>, locale);
}

/** Checks an uploaded file and reports every row's problems; writes nothing. */
export function previewCrmImport(ctx: Ctx, kind: CrmImportKind, body: ImportFileBody): Promise<ImportPreview> {
  requireManage(ctx, kind);
  return previewImport(ctx, specOf(kind) as ImportSpec<unknown>, body);
}

/**
 * Imports the file: all rows or none (`all_or_nothing`), or only the valid rows (`valid_only`).
 * A credit code saved by someone else between the check and the insert (the unique index
 * refuses it) rolls the whole import back with 409, never a 500.
 */
export async function commitCrmImport(ctx: Ctx, kind: CrmImportKind, body: ImportCommitBody): Promise<ImportCommitResult> {
  requireManage(ctx, kind);
  try {
    return await commitImport(ctx, specOf(kind) as ImportSpec<unknown>, body);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const en = ctx.actor.locale === 'en';
    throw new AppError('conflict_duplicate', { field: en ? 'A unified social credit code of the file' : '文件中的统一社会信用代码' }, {
      fields: { 'body.contentBase64': en ? 'saved by someone else meanwhile; nothing was imported: preview the file again' : '刚被他人保存，本次未导入任何数据，请重新预览' },
    });
  }
}
