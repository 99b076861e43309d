import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { JobView, ScheduleView } from '../../../../core/jobs/jobs.schema.ts';
import type { Db } from '../../../db/client.ts';
import { jobs, jobSchedules } from '../../../db/schema.ts';

/** Background jobs for the admin screen, newest first. */
export async function listJobs(
  db: Db,
  q: { page: number; pageSize: number; status?: JobView['status'] | undefined; name?: string | undefined },
) {
  const c: SQL[] = [];
  if (q.status) c.push(eq(jobs.status, q.status));
  if (q.name) c.push(eq(jobs.name, q.name));
  const w = c.length ? and(...c) : undefined;
  const [total] = await db.select({ n: count() }).from(jobs).where(w);
  const rows = await db
    .select()
    .from(jobs)
    .where(w)
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items: JobView[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status as JobView['status'],
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    runAt: r.runAt?.toISOString() ?? null,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Recurring schedules with their next and last run. */
export async function listSchedules(db: Db): Promise<ScheduleView[]> {
  const rows = await db.select().from(jobSchedules).orderBy(asc(jobSchedules.name));
  return rows.map((r) => ({
    name: r.name,
    everyMs: r.everyMs,
    nextRunAt: r.nextRunAt.toISOString(),
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
    lastError: r.lastError,
  }));
}
