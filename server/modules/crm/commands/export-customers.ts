import { CRM_HEADERS as H } from '../../../../core/crm/crm-sheet.ts';
import type { CustomerExportQuery, CustomerView } from '../../../../core/crm/crm.schema.ts';
import {
  CUSTOMER_LEVELS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  INDUSTRIES,
  optionLabel,
  PROVINCES,
  REGIONS,
} from '../../../../core/crm/options.ts';
import { l10n } from '../../../../core/imports/l10n.ts';
import { defineListExport, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { crmMessages } from '../crm.messages.ts';
import { customersForExport } from '../queries/customers.ts';

const customerColumns: ExportColumn<CustomerView>[] = [
  { header: H.customerName, value: (r) => r.name, width: 32 },
  { header: H.creditCode, value: (r) => r.creditCode, width: 22 },
  { header: H.industry, value: (r, l) => optionLabel(INDUSTRIES, r.industry, l) },
  { header: H.province, value: (r, l) => optionLabel(PROVINCES, r.province, l) },
  { header: H.region, value: (r, l) => optionLabel(REGIONS, r.region, l) },
  { header: H.level, value: (r, l) => optionLabel(CUSTOMER_LEVELS, r.level, l), width: 16 },
  { header: H.source, value: (r, l) => optionLabel(CUSTOMER_SOURCES, r.source, l), width: 14 },
  { header: H.status, value: (r, l) => optionLabel(CUSTOMER_STATUSES, r.status, l) },
  { header: H.owner, value: (r) => r.ownerName },
  { header: l10n('所属部门', 'Department'), value: (r) => r.departmentName },
  { header: l10n('联系人数', 'Contacts'), type: 'integer', value: (r) => r.contactCount },
  { header: H.address, value: (r) => r.address, width: 32 },
  { header: H.notes, value: (r) => r.notes, width: 32 },
  { header: l10n('创建时间', 'Created at'), type: 'datetime', value: (r) => new Date(r.createdAt) },
  { header: l10n('更新时间', 'Updated at'), type: 'datetime', value: (r) => new Date(r.updatedAt) },
];

/**
 * The customer list as .xlsx with the list's current filters and order, through the same
 * visibility as the list. Headers match the import template (core/crm/crm-sheet.ts), so an export
 * can be edited and imported again. Audited (`customer.export`).
 */
export const customersExport = defineListExport<CustomerView, CustomerExportQuery>({
  entity: 'customer',
  permissions: ['customer.export'],
  sheetName: crmMessages.l10n('export.customers.sheet'),
  fileName: crmMessages.l10n('export.customers.file'),
  columns: customerColumns,
  rows: (ctx, filter) => customersForExport(ctx.db, ctx.actor, filter),
});
