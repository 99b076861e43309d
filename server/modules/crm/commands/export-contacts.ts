import { CRM_HEADERS as H } from '../../../../core/crm/crm-sheet.ts';
import type { ContactExportQuery, ContactView } from '../../../../core/crm/crm.schema.ts';
import { DECISION_ROLES, optionLabel } from '../../../../core/crm/options.ts';
import { l10n } from '../../../../core/imports/l10n.ts';
import { defineListExport, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { crmMessages } from '../crm.messages.ts';
import { contactsForExport } from '../queries/contacts.ts';

const contactColumns: ExportColumn<ContactView>[] = [
  { header: H.contactCustomer, value: (r) => r.customerName ?? r.partnerName, width: 32 },
  { header: H.contactName, value: (r) => r.name },
  { header: H.contactTitle, value: (r) => r.title, width: 20 },
  { header: H.decisionRole, value: (r, l) => optionLabel(DECISION_ROLES, r.decisionRole, l) },
  { header: H.phone, value: (r) => r.phone, width: 16 },
  { header: H.email, value: (r) => r.email, width: 24 },
  { header: H.wechat, value: (r) => r.wechat },
  { header: H.notes, value: (r) => r.notes, width: 32 },
  { header: l10n('更新时间', 'Updated at'), type: 'datetime', value: (r) => new Date(r.updatedAt) },
];

/** The contact list as .xlsx (phones masked without `contact.phone`, as on screen); audited (`contact.export`). */
export const contactsExport = defineListExport<ContactView, ContactExportQuery>({
  entity: 'contact',
  permissions: ['customer.export'],
  sheetName: crmMessages.l10n('export.contacts.sheet'),
  fileName: crmMessages.l10n('export.contacts.file'),
  columns: contactColumns,
  rows: (ctx, filter) => contactsForExport(ctx.db, ctx.actor, filter),
});
