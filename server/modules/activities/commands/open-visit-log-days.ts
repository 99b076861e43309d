import { shanghaiDate, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { visitLogDays } from '../../../db/schema.ts';
import { startDeadline } from '../../../deadlines/deadlines.ts';
import { activeUsersWithRoles } from '../../../kernel/people.ts';
import { POLICY_VISIT_LOG, STEP_SUBMIT, VISIT_LOG_SUBJECT } from '../activity-events.ts';
import { workingDays } from '../queries/visit-log-days.ts';
import { loadVisitLogSettings } from '../queries/visit-log-settings.ts';

/**
 * The daily job (schedule `activities.visit_log_days`): opens today's visit-log day for every
 * active holder of a logging role (default: account managers) when today is a working day, each
 * with a deadline at the end of the working day. Idempotent: rows that exist are left alone and
 * get no second deadline.
 */
export async function openVisitLogDays(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  if (!(await workingDays(db, [today])).get(today)) return 0;
  const settings = await loadVisitLogSettings(db);
  const loggers = await activeUsersWithRoles(db, settings.loggerRoles);
  if (loggers.length === 0) return 0;
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(visitLogDays)
      .values(loggers.map((u) => ({ userId: u.id, logDate: today, createdAt: now })))
      .onConflictDoNothing({ target: [visitLogDays.userId, visitLogDays.logDate] })
      .returning({ id: visitLogDays.id, userId: visitLogDays.userId });
    for (const row of created) {
      await startDeadline(tx, now, {
        subjectType: VISIT_LOG_SUBJECT,
        subjectId: row.id,
        step: STEP_SUBMIT,
        policyCode: POLICY_VISIT_LOG,
        ownerUserId: row.userId,
        startedAt: shanghaiInstant(today, 0),
        title: `客户巡访登记 ${today}`,
        link: '/visit-logs',
      });
    }
    return created.length;
  });
}
