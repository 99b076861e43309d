import type { Ctx } from '../../../kernel/context.ts';
import { exportXlsx, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { loadStageConfig, stageName } from '../../projects/project-stage-config.ts';
import { trackingRowsForExport, type TrackingFilter } from '../queries/project-tracking.ts';
import { projectTrackingMessages } from '../project-tracking.messages.ts';
import { weekOf } from '../tracking-week.ts';

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The week's tracking table as .xlsx (what the reader sees); the export is audited. */
export async function exportTrackingWeek(ctx: Ctx, q: { week?: string | undefined; ownerUserId?: string | undefined }) {
  requirePermission(ctx.actor, 'project.read');
  const filter: TrackingFilter = { week: weekOf(ctx.now, q.week), ownerUserId: q.ownerUserId };
  const rows = await trackingRowsForExport(ctx.db, ctx.actor, filter);
  const { config } = await loadStageConfig(ctx.db);
  type R = (typeof rows)[number];
  const columns: ExportColumn<R>[] = [
    { header: l('周次（周一）', 'Week (Monday)'), type: 'date', value: (r) => r.weekStart, width: 14 },
    { header: l('客户经理', 'Account manager'), value: (r) => r.ownerName, width: 12 },
    { header: l('部门', 'Department'), value: (r) => r.departmentName, width: 12 },
    { header: l('项目编号', 'Project code'), value: (r) => r.projectCode, width: 16 },
    { header: l('项目名称', 'Project'), value: (r) => r.projectName, width: 30 },
    { header: l('客户', 'Customer'), value: (r) => r.customerName, width: 24 },
    {
      header: l('阶段', 'Stage'),
      value: (r, locale) => {
        const n = stageName(config, r.stage);
        return locale === 'en' ? n.en : n.zh;
      },
      width: 12,
    },
    { header: l('预计金额', 'Expected amount'), type: 'money', value: (r) => r.amountFen },
    { header: l('本周进展', 'Progress this week'), value: (r) => r.progress, width: 40 },
    { header: l('下一步计划', 'Next steps'), value: (r) => r.nextSteps, width: 36 },
    { header: l('问题与需协调事项', 'Issues / help needed'), value: (r) => r.issues, width: 30 },
    { header: l('主管意见', 'Supervisor comment'), value: (r) => r.supervisorComment, width: 30 },
    { header: l('填写时间', 'Filled in at'), type: 'datetime', value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null) },
  ];
  const out = await exportXlsx(ctx, {
    entity: 'project_tracking',
    sheetName: projectTrackingMessages.l10n('export.sheet'),
    columns,
    rows,
    filter,
  });
  return { ...out, week: filter.week };
}
