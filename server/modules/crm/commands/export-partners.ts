import { CRM_HEADERS as H } from '../../../../core/crm/crm-sheet.ts';
import type { PartnerExportQuery, PartnerView } from '../../../../core/crm/crm.schema.ts';
import { optionLabel, PARTNER_KINDS, PARTNER_LEVELS, PARTNER_STATUSES, PROVINCES, REGIONS } from '../../../../core/crm/options.ts';
import { l10n } from '../../../../core/imports/l10n.ts';
import { defineListExport, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { crmMessages } from '../crm.messages.ts';
import { partnersForExport } from '../queries/partners.ts';

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
  { header: l10n('创建时间', 'Created at'), type: 'datetime', value: (r) => new Date(r.createdAt) },
  { header: l10n('更新时间', 'Updated at'), type: 'datetime', value: (r) => new Date(r.updatedAt) },
];

/** The partner list as .xlsx (current filters and order, the list's visibility); audited (`partner.export`). */
export const partnersExport = defineListExport<PartnerView, PartnerExportQuery>({
  entity: 'partner',
  permissions: ['customer.export'],
  sheetName: crmMessages.l10n('export.partners.sheet'),
  fileName: crmMessages.l10n('export.partners.file'),
  columns: partnerColumns,
  rows: (ctx, filter) => partnersForExport(ctx.db, ctx.actor, filter),
});
