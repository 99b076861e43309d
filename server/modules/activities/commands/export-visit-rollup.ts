import type { VisitRollupView } from '../../../../core/activities/activities.schema.ts';
import { exportXlsx, type ExportColumn } from '../../../imports/xlsx-export.ts';
import { l10n } from '../../../imports/xlsx-import.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { activitiesMessages } from '../activities.messages.ts';
import { visitRollupView } from '../queries/visit-rollup.ts';
import { ensureVisitRollup } from './generate-visit-rollup.ts';

type Person = VisitRollupView['people'][number];

/**
 * The weekly roll-up as .xlsx: one row per person, one column per day of that week (missing
 * days marked 缺报), so the columns depend on the week — not a fixed list export. Audited.
 */
export async function exportVisitRollup(ctx: Ctx, week: string | undefined): Promise<{ buffer: Buffer; weekStart: string }> {
  await ensureVisitRollup(ctx, week);
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
    entity: 'visit_rollup',
    sheetName: activitiesMessages.l10n('export.rollup.sheet'),
    columns,
    rows: view.people,
    filter: { week: view.weekStart },
  });
  return { buffer, weekStart: view.weekStart };
}
