import { and, inArray, or, sql } from 'drizzle-orm';
import { normalizeCreditCode } from '../../../../core/crm/credit-code.ts';
import { CRM_HEADERS, emailRule, importOptions, phoneRule } from '../../../../core/crm/crm-sheet.ts';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { DECISION_ROLES } from '../../../../core/crm/options.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import { l10n } from '../../../../core/imports/l10n.ts';
import { contacts, customers } from '../../../db/schema.ts';
import { addRowError, type ImportSpec } from '../../../imports/import-spec.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { customerVisibility } from '../../../policies/visibility.ts';
import { crmMessages } from '../crm.messages.ts';

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
  sheetName: crmMessages.l10n('import.contacts.sheet'),
  columns: [
    {
      key: 'customer',
      header: CRM_HEADERS.contactCustomer,
      type: 'text',
      required: true,
      maxLength: 100,
      example: '某某市公安局',
      width: 30,
      note: l10n('客户名称或统一社会信用代码，须是已有客户', 'the name or credit code of an existing customer'),
    },
    { key: 'name', header: CRM_HEADERS.contactName, type: 'text', required: true, maxLength: 50, example: '王某某' },
    { key: 'title', header: CRM_HEADERS.contactTitle, type: 'text', maxLength: 50, example: '科技信息化处处长' },
    { key: 'decisionRole', header: CRM_HEADERS.decisionRole, type: 'enum', options: importOptions(DECISION_ROLES), example: '决策者' },
    { key: 'phone', header: CRM_HEADERS.phone, type: 'text', maxLength: 40, validate: phoneRule, example: '13800000000', width: 16 },
    { key: 'email', header: CRM_HEADERS.email, type: 'text', maxLength: 120, validate: emailRule, width: 24 },
    { key: 'wechat', header: CRM_HEADERS.wechat, type: 'text', maxLength: 60 },
    { key: 'notes', header: CRM_HEADERS.notes, type: 'text', maxLength: 2000, width: 30 },
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
      const cond =
        k.length && c.length
          ? or(inArray(customers.nameKey, k), inArray(customers.creditCode, c))
          : k.length
            ? inArray(customers.nameKey, k)
            : inArray(customers.creditCode, c);
      found.push(
        ...(await db
          .select({ id: customers.id, name: customers.name, nameKey: customers.nameKey, creditCode: customers.creditCode })
          .from(customers)
          .where(and(cond, vis))),
      );
    }
    for (const r of rows) {
      const ref = r.value.customer;
      const code = normalizeCreditCode(ref);
      let matches = found.filter((c) => c.creditCode === code);
      if (!matches.length) matches = found.filter((c) => c.name === ref);
      if (!matches.length) matches = found.filter((c) => c.nameKey === companyNameKey(ref));
      const m = matches[0];
      if (!m) addRowError(r, 'customer', l10n(`找不到客户「${ref}」（或您无权维护该客户）`, `no customer "${ref}" that you may edit`));
      else if (matches.length > 1)
        addRowError(
          r,
          'customer',
          l10n(`「${ref}」对应多个客户，请填写统一社会信用代码`, `"${ref}" matches several customers: use the credit code`),
        );
      else r.value.customerId = m.id;
    }
  },
  insert: async (tx, rows, ctx) => {
    await tx.insert(contacts).values(
      rows.map((r) => {
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
      }),
    );
  },
};
