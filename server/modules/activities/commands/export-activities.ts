import {
  ACTIVITY_STATE_LABELS,
  ACTIVITY_TYPE_LABELS,
  COMMUNICATION_CHANNEL_LABELS,
  type ActivityState,
  type ActivityType,
  type CommunicationChannel,
} from '../../../../core/activities/activity-types.ts';
import type { ActivityExportQuery, ActivityView } from '../../../../core/activities/activities.schema.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { defineListExport, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { l10n } from '../../../imports/xlsx-import.ts';
import { activitiesMessages } from '../activities.messages.ts';
import { activityRowsForExport } from '../queries/activities.ts';

const pick = (l: { zh: string; en: string } | undefined, locale: Locale, fallback = '') => (l ? (locale === 'en' ? l.en : l.zh) : fallback);

const COLUMNS: ExportColumn<ActivityView>[] = [
  { header: l10n('类型', 'Type'), value: (r, loc) => pick(ACTIVITY_TYPE_LABELS[r.type as ActivityType], loc, r.type) },
  { header: l10n('时间', 'Time'), type: 'datetime', value: (r) => new Date(r.occurredAt) },
  { header: l10n('巡访日期', 'Visit date'), type: 'date', value: (r) => r.logDate },
  { header: l10n('客户', 'Customer'), value: (r) => r.customerName, width: 28 },
  { header: l10n('项目', 'Project'), value: (r) => r.projectName, width: 24 },
  { header: l10n('目的 / 主题', 'Purpose / subject'), value: (r) => r.subject, width: 30 },
  { header: l10n('内容', 'Content'), value: (r) => r.content, width: 40 },
  { header: l10n('参与人员', 'Participants'), value: (r) => r.participants, width: 24 },
  { header: l10n('客户联系人', 'Customer contact'), value: (r) => r.details.contactName ?? null },
  {
    header: l10n('沟通方式', 'Channel'),
    value: (r, loc) => (r.channel ? pick(COMMUNICATION_CHANNEL_LABELS[r.channel as CommunicationChannel], loc, r.channel) : null),
  },
  { header: l10n('结果', 'Result'), value: (r) => r.result, width: 30 },
  { header: l10n('下一步计划', 'Next steps'), value: (r) => r.nextSteps, width: 30 },
  { header: l10n('费用预算', 'Budget'), type: 'money', value: (r) => r.budgetFen },
  { header: l10n('状态', 'State'), value: (r, loc) => pick(ACTIVITY_STATE_LABELS[r.state as ActivityState], loc, r.state) },
  { header: l10n('记录人', 'Recorded by'), value: (r) => r.ownerName },
  { header: l10n('部门', 'Department'), value: (r) => r.departmentName },
];

/** The filtered activity list as .xlsx (same reach and filters as on screen); the export is audited. */
export const activitiesExport = defineListExport<ActivityView, ActivityExportQuery>({
  entity: 'activity',
  permissions: ['customer.export', 'activity.read'],
  sheetName: activitiesMessages.l10n('export.activities.sheet'),
  fileName: activitiesMessages.l10n('export.activities.file'),
  columns: COLUMNS,
  rows: (ctx, filter) => activityRowsForExport(ctx.db, ctx.actor, filter),
});
