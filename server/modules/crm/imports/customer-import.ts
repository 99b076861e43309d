import { creditCodeCheckChar, normalizeCreditCode } from '../../../../core/crm/credit-code.ts';
import { CRM_HEADERS, creditCodeRule, importOptions, OWNER_NOTE } from '../../../../core/crm/crm-sheet.ts';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import {
  CUSTOMER_LEVELS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  INDUSTRIES,
  PROVINCES,
  provinceOfCreditCode,
  regionOfProvince,
  REGIONS,
} from '../../../../core/crm/options.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import type { ImportColumn } from '../../../../core/imports/cell-parser.ts';
import { l10n } from '../../../../core/imports/l10n.ts';
import { customers } from '../../../db/schema.ts';
import { appendTimelineEntries } from '../../../timeline/timeline.ts';
import type { ImportSpec } from '../../../imports/import-spec.ts';
import { refuseExisting, resolveOwners, type Owned } from './import-owners.ts';
import { crmMessages } from '../crm.messages.ts';

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
  { key: 'name', header: CRM_HEADERS.customerName, type: 'text', required: true, maxLength: 100, example: '某某市公安局', width: 30 },
  {
    key: 'creditCode',
    header: CRM_HEADERS.creditCode,
    type: 'text',
    maxLength: 30,
    example: EXAMPLE_CREDIT_CODE,
    validate: creditCodeRule,
    width: 24,
    note: l10n('18 位，系统会校验校验位；可留空', '18 characters, check character verified; may be blank'),
  },
  { key: 'industry', header: CRM_HEADERS.industry, type: 'enum', options: importOptions(INDUSTRIES), example: '公安 / 政法' },
  {
    key: 'province',
    header: CRM_HEADERS.province,
    type: 'enum',
    options: importOptions(PROVINCES),
    example: '浙江',
    note: l10n('留空时按信用代码推断', 'blank: taken from the credit code'),
  },
  {
    key: 'region',
    header: CRM_HEADERS.region,
    type: 'enum',
    options: importOptions(REGIONS),
    note: l10n('填写省份时自动确定', 'follows the province'),
  },
  { key: 'level', header: CRM_HEADERS.level, type: 'enum', options: importOptions(CUSTOMER_LEVELS), example: 'B 类（重点客户）' },
  { key: 'source', header: CRM_HEADERS.source, type: 'enum', options: importOptions(CUSTOMER_SOURCES), example: '主动开拓' },
  {
    key: 'status',
    header: CRM_HEADERS.status,
    type: 'enum',
    options: importOptions(CUSTOMER_STATUSES),
    note: l10n('留空为“潜在客户”', 'blank: potential'),
  },
  { key: 'owner', header: CRM_HEADERS.owner, type: 'text', maxLength: 64, note: OWNER_NOTE },
  { key: 'address', header: CRM_HEADERS.address, type: 'text', maxLength: 200, example: '杭州市滨江区某某路 1 号', width: 30 },
  { key: 'notes', header: CRM_HEADERS.notes, type: 'text', maxLength: 2000, width: 30 },
];

/** Excel import of customers (客户). */
export const customerImportSpec: ImportSpec<CustomerImportRow> = {
  entity: 'customer',
  permission: 'customer.import',
  sheetName: crmMessages.l10n('import.customers.sheet'),
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
    await appendTimelineEntries(
      tx,
      ids.map((c) => ({
        at: ctx.now,
        kind: 'customer.created',
        entityType: 'customer',
        entityId: c.id,
        customerId: c.id,
        actorId: ctx.actor.userId,
        title: crmMessages.message('timeline.customer_imported', { name: c.name }),
        data: { name: c.name, imported: true },
      })),
    );
  },
};
