import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { shanghaiDate } from '../../core/calendar/working-calendar.ts';
import { mondayOf } from '../../core/projects/rules.ts';
import { appendAudit, diffFields } from '../audit/audit-log.ts';
import { rowsOf } from '../db/client.ts';
import { projectWeeklyUpdates } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { exportXlsx, type ExportColumn } from '../imports/xlsx-export.ts';
import { hasPermission, requirePermission } from '../policies/policy.ts';
import { generateTrackingRows } from '../projects/tracking.ts';
import { loadStageConfig, stageName } from '../projects/support.ts';
import { commentCondition, listTracking, trackingRowsForExport, type TrackingFilter } from '../queries/project-tracking.ts';

/**
 * The weekly project tracking table (项目跟踪表, seed 003) as use cases: opening a week
 * (the current week's rows are generated on demand), filling a row, the supervisor's comment,
 * and the .xlsx export.
 */

/** The Monday of the requested week (any day of it), or of the current week. */
export function weekOf(ctx: Ctx, week: string | undefined): string {
  return mondayOf(week ?? shanghaiDate(ctx.now));
}

/**
 * Lists a week; for the current week the missing rows are generated first — for every open
 * project when the reader supervises (once per week), else for the reader's own projects.
 */
export async function openTrackingWeek(ctx: Ctx, q: { week?: string | undefined; ownerUserId?: string | undefined; missing?: 'true' | 'false' | undefined; page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'project.read');
  const week = weekOf(ctx, q.week);
  const current = mondayOf(shanghaiDate(ctx.now));
  if (week === current) {
    if (hasPermission(ctx.actor, 'project.tracking')) await generateTrackingRows(ctx.db, week, ctx.now, null);
    if (ctx.actor.userId) await generateTrackingRows(ctx.db, week, ctx.now, ctx.actor.userId);
  }
  return listTracking(ctx.db, ctx.actor, { ...q, week });
}

export interface TrackingPatch {
  version: number;
  progress?: string | null | undefined;
  nextSteps?: string | null | undefined;
  issues?: string | null | undefined;
  supervisorComment?: string | null | undefined;
}

/** The account manager fills progress, next steps and issues; the supervisor comments. */
export async function updateTrackingRow(ctx: Ctx, id: string, input: TrackingPatch): Promise<void> {
  requirePermission(ctx.actor, 'project.read');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(projectWeeklyUpdates).where(eq(projectWeeklyUpdates.id, id)).limit(1).for('update');
    if (!row) throw new AppError('not_found');
    const comment = await commentCondition(tx, ctx.actor);
    const canComment = rowsOf<{ ok: boolean }>(await tx.execute(sql`
      SELECT (${comment}) AS ok FROM project_weekly_updates w WHERE w.id = ${id}`))[0]?.ok === true;
    const isOwner = row.ownerUserId === ctx.actor.userId;
    if (!isOwner && !canComment) throw new AppError('not_found');
    const { version, supervisorComment, ...own } = input;
    const touchesOwn = Object.values(own).some((v) => v !== undefined);
    if (touchesOwn && !isOwner) throw new AppError('forbidden', {}, { reason: 'only the account manager fills in the progress' });
    if (supervisorComment !== undefined && !canComment) throw new AppError('forbidden', {}, { reason: 'only the supervisor comments' });
    if (row.version !== version) throw new AppError('conflict_stale', { currentVersion: row.version }, { currentVersion: row.version });
    const set = { ...own, ...(supervisorComment !== undefined ? { supervisorComment } : {}) };
    const changes = diffFields(row as unknown as Record<string, unknown>, set);
    if (!changes) return;
    const filled = typeof set.progress === 'string' && set.progress.trim() !== '';
    await tx.update(projectWeeklyUpdates).set({
      ...set, updatedBy: ctx.actor.userId, version: row.version + 1, updatedAt: ctx.now,
      ...(filled && !row.submittedAt ? { submittedAt: ctx.now } : {}),
    }).where(eq(projectWeeklyUpdates.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'project.tracking_update', entityType: 'project_weekly_update', entityId: id, changes });
  });
}

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The week's tracking table as .xlsx (what the reader sees); the export is audited. */
export async function exportTrackingWeek(ctx: Ctx, q: { week?: string | undefined; ownerUserId?: string | undefined }) {
  requirePermission(ctx.actor, 'project.read');
  const filter: TrackingFilter = { week: weekOf(ctx, q.week), ownerUserId: q.ownerUserId };
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
    { header: l('阶段', 'Stage'), value: (r, locale) => { const n = stageName(config, r.stage); return locale === 'en' ? n.en : n.zh; }, width: 12 },
    { header: l('预计金额', 'Expected amount'), type: 'money', value: (r) => r.amountFen },
    { header: l('本周进展', 'Progress this week'), value: (r) => r.progress, width: 40 },
    { header: l('下一步计划', 'Next steps'), value: (r) => r.nextSteps, width: 36 },
    { header: l('问题与需协调事项', 'Issues / help needed'), value: (r) => r.issues, width: 30 },
    { header: l('主管意见', 'Supervisor comment'), value: (r) => r.supervisorComment, width: 30 },
    { header: l('填写时间', 'Filled in at'), type: 'datetime', value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null) },
  ];
  const out = await exportXlsx(ctx, { entity: 'project_tracking', sheetName: l('项目跟踪表', 'Project tracking'), columns, rows, filter });
  return { ...out, week: filter.week };
}
