import { previousWeekStart, rollupWeek, weekStartOf, type VisitRollup } from '../../../../core/activities/visit-rollup.ts';
import { shanghaiDate, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { generatedReports } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { activeUsersWithRoles } from '../../../kernel/people.ts';
import { notify } from '../../../notifications/notify.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { VISIT_ROLLUP_KIND, visitRollupEvent } from '../activity-events.ts';
import { computeVisitRollup, storedVisitRollup } from '../queries/visit-rollup.ts';
import { loadVisitLogSettings } from '../queries/visit-log-settings.ts';

/** Monday 09:00 Asia/Shanghai: the previous week's roll-up is generated from then on. */
export const ROLLUP_HOUR = 9;

/**
 * Computes and stores a finished week's roll-up (客户巡访周汇总); the first writer wins (unique
 * per week), and only it notifies the recipients (default: marketing assistants and managers).
 */
export async function generateVisitRollup(
  db: Db,
  weekStart: string,
  now: Date,
  opts: { notify: boolean },
): Promise<{ data: VisitRollup; generatedAt: Date }> {
  const data = await computeVisitRollup(db, weekStart);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(generatedReports)
      .values({ kind: VISIT_ROLLUP_KIND, periodStart: data.weekStart, periodEnd: data.weekEnd, data, generatedAt: now })
      .onConflictDoNothing({ target: [generatedReports.kind, generatedReports.periodStart] })
      .returning({ id: generatedReports.id });
    if (!inserted[0]) {
      const stored = await storedVisitRollup(tx, weekStart);
      if (stored) return stored;
      throw new Error('roll-up vanished');
    }
    if (opts.notify) {
      const settings = await loadVisitLogSettings(tx);
      const recipients = await activeUsersWithRoles(tx, settings.rollupRecipientRoles);
      await notify(tx, now, {
        event: visitRollupEvent,
        recipientUserIds: recipients.map((r) => r.id),
        params: {
          weekStart: data.weekStart,
          weekEnd: data.weekEnd,
          people: data.people.length,
          visits: data.totals.visits,
          missing: data.totals.missingDays,
        },
        subject: { type: 'generated_report', id: inserted[0].id },
        link: `/reports/visit-rollup?week=${data.weekStart}`,
      });
    }
    return { data, generatedAt: now };
  });
}

/** The Monday job (schedule `activities.visit_rollup`): from Monday 09:00 on, the previous week's roll-up, once (catching up after downtime). */
export async function generateDueVisitRollups(db: Db, now: Date): Promise<boolean> {
  const today = shanghaiDate(now);
  const monday = weekStartOf(today);
  if (now.getTime() < shanghaiInstant(monday, ROLLUP_HOUR * 60).getTime()) return false;
  const week = previousWeekStart(today);
  if (await storedVisitRollup(db, week)) return false;
  await generateVisitRollup(db, week, now, { notify: true });
  return true;
}

/**
 * Before a reader opens (or exports) the roll-up of a finished week that was never generated
 * (e.g. a week before the system ran): it is generated and stored now, without notifications,
 * so every later reader sees the same figures. The running week is never stored.
 */
export async function ensureVisitRollup(ctx: Ctx, week: string | undefined): Promise<void> {
  requirePermission(ctx.actor, 'report.visit_rollup');
  const { weekStart, finished } = rollupWeek(week, shanghaiDate(ctx.now));
  if (!finished || (await storedVisitRollup(ctx.db, weekStart))) return;
  await generateVisitRollup(ctx.db, weekStart, ctx.now, { notify: false });
}
