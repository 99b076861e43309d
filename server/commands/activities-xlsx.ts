import {
  ACTIVITY_STATE_LABELS, ACTIVITY_TYPE_LABELS, COMMUNICATION_CHANNEL_LABELS, type ActivityState, type ActivityType, type CommunicationChannel,
} from '../../core/activities/activity-types.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { ActivityExportQuery, ActivityView, VisitRollupView } from '../../core/schemas/activities.schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { exportXlsx, type ExportColumn } from '../imports/xlsx-export.ts';
import { l10n } from '../imports/xlsx-import.ts';
import { requirePermission } from '../policies/policy.ts';
import { activityRowsForExport, visitRollupView } from '../queries/activities.ts';

/** Activities and the weekly visit roll-up to Excel (same reach and filters as on screen). */

const pick = (l: { zh: string; en: string } | undefined, locale: Locale, fallback = '') => (l ? (locale === 'en' ? l.en : l.zh) : fallback);

const ACTIVITY_COLUMNS: ExportColumn<ActivityView>[] = [
  { header: l10n('类型', 'Type'), value: (r, loc) => pick(ACTIVITY_TYPE_LABELS[r.type as ActivityType], loc, r.type) },
  { header: l10n('时间', 'Time'), type: 'datetime', value: (r) => new Date(r.occurredAt) },
  { header: l10n('巡访日期', 'Visit date'), type: 'date', value: (r) => r.logDate },
  { header: l10n('客户', 'Customer'), value: (r) => r.customerName, width: 28 },
  { header: l10n('项目', 'Project'), value: (r) => r.projectName, width: 24 },
  { header: l10n('目的 / 主题', 'Purpose / subject'), value: (r) => r.subject, width: 30 },
  { header: l10n('内容', 'Content'), value: (r) => r.content, width: 40 },
  { header: l10n('参与人员', 'Participants'), value: (r) => r.participants, width: 24 },
  { header: l10n('客户联系人', 'Customer contact'), value: (r) => r.details.contactName ?? null },
  { header: l10n('沟通方式', 'Channel'), value: (r, loc) => (r.channel ? pick(COMMUNICATION_CHANNEL_LABELS[r.channel as CommunicationChannel], loc, r.channel) : null) },
  { header: l10n('结果', 'Result'), value: (r) => r.result, width: 30 },
  { header: l10n('下一步计划', 'Next steps'), value: (r) => r.nextSteps, width: 30 },
  { header: l10n('费用预算', 'Budget'), type: 'money', value: (r) => r.budgetFen },
  { header: l10n('状态', 'State'), value: (r, loc) => pick(ACTIVITY_STATE_LABELS[r.state as ActivityState], loc, r.state) },
  { header: l10n('记录人', 'Recorded by'), value: (r) => r.ownerName },
  { header: l10n('部门', 'Department'), value: (r) => r.departmentName },
];

/** The filtered activity list as .xlsx; the export is audited. */
export async function exportActivities(ctx: Ctx, filter: ActivityExportQuery): Promise<Buffer> {
  requirePermission(ctx.actor, 'customer.export');
  requirePermission(ctx.actor, 'activity.read');
  const { buffer } = await exportXlsx(ctx, {
    entity: 'activity', sheetName: l10n('客户活动', 'Activities'), columns: ACTIVITY_COLUMNS,
    rows: activityRowsForExport(ctx.db, ctx.actor, filter), filter,
  });
  return buffer;
}

type Person = VisitRollupView['people'][number];

/** The weekly roll-up as .xlsx: one row per person, one column per day (missing days marked 缺报). */
export async function exportVisitRollup(ctx: Ctx, week: string | undefined): Promise<{ buffer: Buffer; weekStart: string }> {
  const view = await visitRollupView(ctx.db, ctx.actor, week, ctx.now);
  const en = ctx.actor.locale === 'en';
  const weekday = en ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  const columns: ExportColumn<Person>[] = [
    { header: l10n('姓名', 'Name'), value: (p) => p.name },
    { header: l10n('部门', 'Department'), value: (p) => p.departmentName, width: 16 },
    ...view.days.map((d, i): ExportColumn<Person> => ({
      header: l10n(`${weekday[i] ?? ''} ${d.date.slice(5)}`, `${weekday[i] ?? ''} ${d.date.slice(5)}`),
      width: 12,
      value: (p, loc) => {
        const day = p.days[i];
        if (!day) return null;
        if (day.missing) return loc === 'en' ? 'missing' : '缺报';
        if (day.noVisits) return loc === 'en' ? 'no visits' : '无巡访';
        if (!day.working && day.visits === 0) return '—';
        return String(day.visits);
      },
    })),
    { header: l10n('巡访合计', 'Visits'), type: 'integer', value: (p) => p.totalVisits },
    { header: l10n('缺报天数', 'Missing days'), type: 'integer', value: (p) => p.missingDays },
  ];
  const { buffer } = await exportXlsx(ctx, {
    entity: 'visit_rollup', sheetName: l10n('客户巡访周汇总', 'Visit roll-up'), columns, rows: view.people, filter: { week: view.weekStart },
  });
  return { buffer, weekStart: view.weekStart };
}
