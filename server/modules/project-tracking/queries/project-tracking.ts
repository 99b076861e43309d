import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { MissingTrackingView, TrackingRowView } from '../../../../core/project-tracking/project-tracking.schema.ts';
import { rowsOf, type Db } from '../../../db/client.ts';
import type { Actor } from '../../../policies/actor.ts';
import { scopeCondition } from '../../../policies/policy.ts';

/**
 * The weekly tracking table (项目跟踪表): an account manager sees and fills the rows of their own
 * projects; a sales supervisor (project.tracking) sees the rows in their data scope, comments on
 * them and sees who has not filled them in.
 */

type Row = z.infer<typeof TrackingRowView>;

const NONE = '00000000-0000-0000-0000-000000000000';

/** Rows the actor may comment on (project.tracking scope over the row's owner and department). */
export async function commentCondition(db: Db, actor: Actor): Promise<SQL> {
  const scope = actor.grants.get('project.tracking');
  if (!scope) return sql`FALSE`;
  return scopeCondition(db, actor, scope, { ownerUserId: sql`w.owner_user_id`, departmentId: sql`w.department_id` });
}

/** Rows the actor may see: their own, plus those they supervise. */
export async function trackingCondition(db: Db, actor: Actor): Promise<{ visible: SQL; comment: SQL }> {
  const comment = await commentCondition(db, actor);
  return { visible: sql`(w.owner_user_id = ${actor.userId ?? NONE}::uuid OR ${comment})`, comment };
}

interface DbRow {
  id: string;
  week_start: string;
  project_id: string;
  project_code: string;
  project_name: string;
  customer_name: string;
  amount_fen: unknown;
  stage: string;
  owner_user_id: string;
  owner_name: string;
  department_name: string | null;
  progress: string | null;
  next_steps: string | null;
  issues: string | null;
  supervisor_comment: string | null;
  submitted_at: unknown;
  updated_at: unknown;
  version: number;
  can_comment: boolean;
}

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

function rowOf(r: DbRow, me: string | null): Row {
  return {
    id: r.id,
    weekStart: r.week_start,
    projectId: r.project_id,
    projectCode: r.project_code,
    projectName: r.project_name,
    customerName: r.customer_name,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    stage: r.stage,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    departmentName: r.department_name,
    progress: r.progress,
    nextSteps: r.next_steps,
    issues: r.issues,
    supervisorComment: r.supervisor_comment,
    submittedAt: r.submitted_at === null ? null : iso(r.submitted_at),
    updatedAt: iso(r.updated_at),
    version: Number(r.version),
    canEdit: r.owner_user_id === me,
    canComment: !!r.can_comment,
  };
}

const MISSING = sql`(w.progress IS NULL OR btrim(w.progress) = '')`;

export interface TrackingFilter {
  week: string;
  ownerUserId?: string | undefined;
  missing?: 'true' | 'false' | undefined;
}

async function whereOf(db: Db, actor: Actor, f: TrackingFilter): Promise<{ where: SQL; comment: SQL }> {
  const { visible, comment } = await trackingCondition(db, actor);
  const parts: SQL[] = [sql`w.week_start = ${f.week}::date`, visible];
  if (f.ownerUserId) parts.push(sql`w.owner_user_id = ${f.ownerUserId}::uuid`);
  if (f.missing === 'true') parts.push(MISSING);
  return { where: sql.join(parts, sql` AND `), comment };
}

function selectRows(where: SQL, comment: SQL): SQL {
  return sql`
    SELECT w.id, w.week_start::text AS week_start, w.project_id, p.code AS project_code, p.name AS project_name, c.name AS customer_name,
      p.amount_fen, w.stage, w.owner_user_id, u.display_name AS owner_name, d.name AS department_name, w.progress, w.next_steps, w.issues,
      w.supervisor_comment, w.submitted_at, w.updated_at, w.version, (${comment}) AS can_comment
    FROM project_weekly_updates w
    JOIN projects p ON p.id = w.project_id
    JOIN customers c ON c.id = p.customer_id
    JOIN users u ON u.id = w.owner_user_id
    LEFT JOIN departments d ON d.id = w.department_id
    WHERE ${where}`;
}

/** One week of the tracking table, by account manager and project code. */
export async function listTracking(db: Db, actor: Actor, f: TrackingFilter & { page: number; pageSize: number }) {
  const { where, comment } = await whereOf(db, actor, f);
  const rows = rowsOf<DbRow>(
    await db.execute(sql`${selectRows(where, comment)}
    ORDER BY u.display_name, p.code LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`),
  );
  const total =
    rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM project_weekly_updates w WHERE ${where}`))[0]?.n ?? 0;
  return { items: rows.map((r) => rowOf(r, actor.userId)), total: Number(total), page: f.page, pageSize: f.pageSize, weekStart: f.week };
}

/** Every row of the week the actor sees (for the export). */
export async function trackingRowsForExport(db: Db, actor: Actor, f: TrackingFilter): Promise<Row[]> {
  const { where, comment } = await whereOf(db, actor, f);
  const rows = rowsOf<DbRow>(await db.execute(sql`${selectRows(where, comment)} ORDER BY u.display_name, p.code LIMIT 100000`));
  return rows.map((r) => rowOf(r, actor.userId));
}

/** Who has not filled in the week's rows (progress empty), per account manager, in the supervisor's scope. */
export async function missingTracking(db: Db, actor: Actor, week: string): Promise<z.infer<typeof MissingTrackingView>> {
  const comment = await commentCondition(db, actor);
  const rows = rowsOf<{ owner_user_id: string; owner_name: string; department_name: string | null; total: number; missing: number }>(
    await db.execute(sql`
    SELECT w.owner_user_id, u.display_name AS owner_name, d.name AS department_name, count(*)::int AS total,
      count(*) FILTER (WHERE ${MISSING})::int AS missing
    FROM project_weekly_updates w
    JOIN users u ON u.id = w.owner_user_id
    LEFT JOIN departments d ON d.id = w.department_id
    WHERE w.week_start = ${week}::date AND ${comment}
    GROUP BY w.owner_user_id, u.display_name, d.name
    HAVING count(*) FILTER (WHERE ${MISSING}) > 0
    ORDER BY missing DESC, u.display_name`),
  );
  const owners = rows.map((r) => ({
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    departmentName: r.department_name,
    total: Number(r.total),
    missing: Number(r.missing),
  }));
  return { weekStart: week, owners, totalMissing: owners.reduce((s, o) => s + o.missing, 0) };
}
