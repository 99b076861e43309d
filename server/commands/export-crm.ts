import {
  CUSTOMER_LEVELS, CUSTOMER_SOURCES, CUSTOMER_STATUSES, DECISION_ROLES, INDUSTRIES, optionLabel, PARTNER_KINDS, PARTNER_LEVELS, PARTNER_STATUSES,
  PROVINCES, REGIONS,
} from '../../core/crm/options.ts';
import type {
  ContactExportQuery, ContactView, CustomerExportQuery, CustomerView, PartnerExportQuery, PartnerView,
} from '../../core/schemas/customers.schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { exportXlsx, type ExportColumn } from '../imports/xlsx-export.ts';
import { l10n } from '../imports/xlsx-import.ts';
import { requirePermission } from '../policies/policy.ts';
import { contactsForExport } from '../queries/contacts.ts';
import { customersForExport } from '../queries/customers.ts';
import { partnersForExport } from '../queries/partners.ts';
import { CRM_HEADERS as H } from './import-crm.ts';

/**
 * .xlsx exports of the customer, partner and contact lists with the list's current filters and
 * order, through the same visibility as the list (phones masked as on screen). Headers match the
 * import templates, so an export can be edited and imported again. Each export is audited.
 */

const created = l10n('创建时间', 'Created at');
const updated = l10n('更新时间', 'Updated at');

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
  { header: created, type: 'datetime', value: (r) => new Date(r.createdAt) },
  { header: updated, type: 'datetime', value: (r) => new Date(r.updatedAt) },
];

/** The customer list as .xlsx (current filters and order). */
export async function exportCustomers(ctx: Ctx, q: CustomerExportQuery): Promise<{ buffer: Buffer; rows: number }> {
  requirePermission(ctx.actor, 'customer.export');
  return exportXlsx(ctx, { entity: 'customer', sheetName: l10n('客户', 'Customers'), columns: customerColumns, rows: customersForExport(ctx.db, ctx.actor, q), filter: q });
}

const partnerColumns: ExportColumn<PartnerView>[] = [
  { header: H.partnerName, value: (r) => r.name, width: 32 },
  { header: H.partnerKind, value: (r, l) => optionLabel(PARTNER_KINDS, r.kind, l) },
  { header: H.creditCode, value: (r) => r.creditCode, width: 22 },
  { header: H.province, value: (r, l) => optionLabel(PROVINCES, r.province, l) },
  { header: H.region, value: (r, l) => optionLabel(REGIONS, r.region, l) },
  { header: H.partnerLevel, value: (r, l) => optionLabel(PARTNER_LEVELS, r.level, l) },
  { header: H.status, value: (r, l) => optionLabel(PARTNER_STATUSES, r.status, l) },
  { header: H.owner, value: (r) => r.ownerName },
  { header: l10n('联系人数', 'Contacts'), type: 'integer', value: (r) => r.contactCount },
  { header: H.address, value: (r) => r.address, width: 32 },
  { header: H.notes, value: (r) => r.notes, width: 32 },
  { header: created, type: 'datetime', value: (r) => new Date(r.createdAt) },
  { header: updated, type: 'datetime', value: (r) => new Date(r.updatedAt) },
];

/** The partner list as .xlsx. */
export async function exportPartners(ctx: Ctx, q: PartnerExportQuery): Promise<{ buffer: Buffer; rows: number }> {
  requirePermission(ctx.actor, 'customer.export');
  return exportXlsx(ctx, { entity: 'partner', sheetName: l10n('渠道商', 'Partners'), columns: partnerColumns, rows: partnersForExport(ctx.db, ctx.actor, q), filter: q });
}

const contactColumns: ExportColumn<ContactView>[] = [
  { header: H.contactCustomer, value: (r) => r.customerName ?? r.partnerName, width: 32 },
  { header: H.contactName, value: (r) => r.name },
  { header: H.contactTitle, value: (r) => r.title, width: 20 },
  { header: H.decisionRole, value: (r, l) => optionLabel(DECISION_ROLES, r.decisionRole, l) },
  { header: H.phone, value: (r) => r.phone, width: 16 },
  { header: H.email, value: (r) => r.email, width: 24 },
  { header: H.wechat, value: (r) => r.wechat },
  { header: H.notes, value: (r) => r.notes, width: 32 },
  { header: updated, type: 'datetime', value: (r) => new Date(r.updatedAt) },
];

/** The contact list as .xlsx (phones masked without `contact.phone`). */
export async function exportContacts(ctx: Ctx, q: ContactExportQuery): Promise<{ buffer: Buffer; rows: number }> {
  requirePermission(ctx.actor, 'customer.export');
  return exportXlsx(ctx, { entity: 'contact', sheetName: l10n('联系人', 'Contacts'), columns: contactColumns, rows: contactsForExport(ctx.db, ctx.actor, q), filter: q });
}
