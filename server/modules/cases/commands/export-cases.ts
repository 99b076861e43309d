import {
  CASE_CHANNEL_LABELS,
  CASE_KIND_LABELS,
  CASE_STATE_LABELS,
  type CaseChannel,
  type CaseKind,
  type CaseState,
} from '../../../../core/cases/case-rules.ts';
import type { CaseExportQuery, CaseView } from '../../../../core/cases/cases.schema.ts';
import { defineListExport, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { l10n } from '../../../imports/xlsx-import.ts';
import { casesMessages } from '../cases.messages.ts';
import { caseRowsForExport } from '../queries/cases.ts';

const pick = (l: { zh: string; en: string } | undefined, en: boolean) => (l ? (en ? l.en : l.zh) : '');

const COLUMNS: ExportColumn<CaseView>[] = [
  { header: l10n('编号', 'Code'), value: (r) => r.code, width: 16 },
  { header: l10n('类型', 'Kind'), value: (r, loc) => pick(CASE_KIND_LABELS[r.kind as CaseKind], loc === 'en') },
  { header: l10n('主题', 'Subject'), value: (r) => r.subject, width: 30 },
  { header: l10n('客户', 'Customer'), value: (r) => r.customerName, width: 28 },
  {
    header: l10n('来源', 'Channel'),
    value: (r, loc) => (r.channel ? pick(CASE_CHANNEL_LABELS[r.channel as CaseChannel], loc === 'en') : null),
  },
  { header: l10n('受理时间', 'Received'), type: 'datetime', value: (r) => new Date(r.receivedAt) },
  { header: l10n('受理人', 'Received by'), value: (r) => r.ownerName },
  { header: l10n('处理人', 'Handler'), value: (r) => r.assigneeName },
  { header: l10n('状态', 'State'), value: (r, loc) => pick(CASE_STATE_LABELS[r.state as CaseState], loc === 'en') },
  { header: l10n('答复时限', 'Answer due'), type: 'datetime', value: (r) => (r.dueAt ? new Date(r.dueAt) : null) },
  { header: l10n('超时', 'Overdue'), type: 'boolean', value: (r) => r.overdue },
  { header: l10n('内容', 'Content'), value: (r) => r.content, width: 40 },
  { header: l10n('答复内容', 'Answer'), value: (r) => r.answer, width: 40 },
  { header: l10n('答复时间', 'Answered'), type: 'datetime', value: (r) => (r.answeredAt ? new Date(r.answeredAt) : null) },
];

/** The filtered list of inquiries and complaints as .xlsx (same reach and filters as on screen); audited. */
export const casesExport = defineListExport<CaseView, CaseExportQuery>({
  entity: 'customer_case',
  permissions: ['customer.export', 'case.read'],
  sheetName: casesMessages.l10n('export.sheet'),
  fileName: casesMessages.l10n('export.file'),
  columns: COLUMNS,
  rows: (ctx, filter) => caseRowsForExport(ctx.db, ctx.actor, filter, ctx.now),
});
