import {
  CONFLICT_STATE_LABELS,
  IMPORTANCE_LABELS,
  LEAD_CATEGORY_LABELS,
  LEAD_CHANNEL_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  type ConflictState,
  type ImportanceLevel,
  type Label,
  type LeadCategory,
  type ParticipationLevel,
} from '../../../../core/intake/labels.ts';
import { LEAD_STATE_LABELS } from '../../../../core/intake/lead-states.ts';
import type { LeadExportQuery } from '../../../../core/intake/intake.schema.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { defineListExport, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { intakeMessages } from '../intake.messages.ts';
import { l10n } from '../../../imports/xlsx-import.ts';
import { leadRowsForExport, type LeadExportRow } from '../queries/leads.ts';

const lab = (labels: Record<string, Label>, v: string | null | undefined, locale: Locale): string => {
  if (!v) return '';
  const l = labels[v];
  return l ? (locale === 'en' ? l.en : l.zh) : v;
};

const COLUMNS: ExportColumn<LeadExportRow>[] = [
  { header: l10n('编号', 'Code'), value: (r) => r.code, width: 16 },
  { header: l10n('信息名称', 'Title'), value: (r) => r.title, width: 36 },
  { header: l10n('来源渠道', 'Channel'), value: (r, loc) => lab(LEAD_CHANNEL_LABELS, r.channel, loc) },
  { header: l10n('状态', 'State'), value: (r, loc) => lab(LEAD_STATE_LABELS, r.state, loc) },
  { header: l10n('客户', 'Customer'), value: (r) => r.customerName, width: 30 },
  { header: l10n('联系人', 'Contact'), value: (r) => r.contactName },
  { header: l10n('联系电话', 'Phone'), value: (r) => r.contactPhone, width: 16 },
  { header: l10n('预计金额', 'Estimated amount'), type: 'money', value: (r) => r.estimatedAmountFen },
  { header: l10n('分类', 'Category'), value: (r, loc) => lab(LEAD_CATEGORY_LABELS, r.category as LeadCategory | null, loc) },
  { header: l10n('重要程度', 'Importance'), value: (r, loc) => lab(IMPORTANCE_LABELS, r.importance as ImportanceLevel | null, loc) },
  {
    header: l10n('参与程度', 'Participation'),
    value: (r, loc) => lab(PARTICIPATION_LEVEL_LABELS, r.participationLevel as ParticipationLevel | null, loc),
  },
  { header: l10n('登记人', 'Registered by'), value: (r) => r.registeredByName },
  { header: l10n('登记时间', 'Registered at'), type: 'datetime', value: (r) => new Date(r.registeredAt) },
  { header: l10n('客户经理', 'Account manager'), value: (r) => r.assigneeName },
  { header: l10n('代理商', 'Partner'), value: (r) => r.partnerName, width: 24 },
  { header: l10n('保护期至', 'Protected until'), type: 'date', value: (r) => (r.protectedUntil ? new Date(r.protectedUntil) : null) },
  { header: l10n('报备冲突', 'Conflict'), value: (r, loc) => lab(CONFLICT_STATE_LABELS, r.conflictState as ConflictState | null, loc) },
  { header: l10n('时限', 'Due'), type: 'datetime', value: (r) => (r.dueAt ? new Date(r.dueAt) : null) },
  { header: l10n('需求描述', 'Description'), value: (r) => r.description, width: 50 },
];

/** The filtered lead list as .xlsx (same reach and filters as the list); the export is audited. */
export const leadsExport = defineListExport<LeadExportRow, LeadExportQuery>({
  entity: 'lead',
  permissions: ['customer.export', 'lead.read'],
  sheetName: intakeMessages.l10n('export.leads.sheet'),
  fileName: intakeMessages.l10n('export.leads.file'),
  columns: COLUMNS,
  rows: (ctx, filter) => leadRowsForExport(ctx.db, ctx.actor, filter, ctx.now),
});
