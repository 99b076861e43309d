/**
 * Open deadlines on a tenth of the open projects (none due during the run: the sweep stays idle),
 * a tenth of those already breached, and the projects' next deadline.
 */
import { sql } from 'drizzle-orm';
import { ensureDeadlinePolicy } from '../../../server/deadlines/deadlines.ts';
import type { SeedContext } from './context.ts';
import { count, exec, lit, raw } from './sql.ts';

export async function seedOpenDeadlines(ctx: SeedContext): Promise<number> {
  const { db, nowSql: NOW } = ctx;
  const code = 'bench.project_step';
  await ensureDeadlinePolicy(db, {
    code,
    nameZh: '项目阶段工作',
    nameEn: 'Project stage work',
    kind: 'working_days',
    amount: 10,
    toleranceWorkingDays: 2,
  });
  await exec(
    db,
    raw(`
    INSERT INTO deadlines (policy_id, policy_code, subject_type, subject_id, step, title, link, owner_user_id, department_id, kind, amount,
      tolerance_working_days, remind_before, escalate, escalation_interval_working_days, started_at, due_at, breach_at, reminder_ats,
      next_event_at, state, breached_at, created_at, updated_at)
    SELECT dp.id, dp.code, 'project', p.id::text, p.stage, '项目阶段工作：' || p.name, '/projects/' || p.id, p.owner_user_id, p.department_id,
      dp.kind, dp.amount, dp.tolerance_working_days, dp.remind_before, dp.escalate, dp.escalation_interval_working_days,
      ${NOW} - interval '10 days', x.due, x.due + interval '2 days', '[]'::jsonb,
      CASE WHEN x.breached THEN NULL ELSE x.due END, CASE WHEN x.breached THEN 'breached' ELSE 'running' END,
      CASE WHEN x.breached THEN ${NOW} - interval '1 day' END, ${NOW} - interval '10 days', ${NOW}
    FROM projects p
    CROSS JOIN (SELECT id, code, kind, amount, tolerance_working_days, remind_before, escalate, escalation_interval_working_days
      FROM deadline_policies WHERE code = ${lit(code)}) dp
    CROSS JOIN LATERAL (SELECT (p.amount_fen % 10 = 0 AND (p.amount_fen / 100) % 10 = 0) AS breached,
      ${NOW} + (2 + (p.amount_fen / 100) % 20) * interval '1 day' AS due) x
    WHERE p.status = 'open' AND (p.amount_fen / 100) % 10 = 3`),
  );
  await exec(
    db,
    raw(`
    UPDATE projects p SET next_deadline_at = d.due_at
    FROM deadlines d WHERE d.subject_type = 'project' AND d.subject_id = p.id::text AND d.state IN ('running', 'breached')`),
  );
  return count(db, sql`SELECT count(*)::int AS n FROM deadlines WHERE subject_type = 'project'`);
}
