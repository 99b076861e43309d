import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DataScope, Permission } from '../../core/permissions.ts';
import { rowsOf, type Db } from '../db/client.ts';
import { jobs, jobSchedules } from '../db/schema.ts';
import { jobActor, type Actor } from '../policies/actor.ts';
import type { ScheduleDef as ModuleSchedule } from '../modules/define-module.ts';

/**
 * The background job runner: queued jobs and recurring schedules, kept in the database so that
 * every instance sharing a PostgreSQL (or the one embedded PGlite) sees the same queue.
 *
 * - A job is claimed with `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`,
 *   which gives it a lease; two runners never claim the same row. A lease that expires (the
 *   instance crashed or hung) makes the job claimable again.
 * - A failing job is retried with exponential backoff; after `maxAttempts` it is `dead`, listed
 *   for an administrator, who may queue it again (`retryJob`).
 * - A schedule tick is claimed the same way; after a downtime it runs once (catch-up), then the
 *   next run time moves past "now" on the original grid.
 * Handlers and schedules are code, handed over by installModules (server/modules/install.ts) from
 * the module definitions; the state lives in the tables.
 */

export interface JobContext {
  db: Db;
  now: Date;
  actor: Actor;
  attempt: number;
  jobId: string;
}

export type JobGrants = Array<[Permission, DataScope]>;

interface JobDef {
  name: string;
  handler: (payload: unknown, ctx: JobContext) => Promise<void>;
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
  grants: JobGrants;
}

interface ScheduleDef {
  name: string;
  everyMs: number;
  handler: (ctx: JobContext) => Promise<void>;
  grants: JobGrants;
}

const JOB_DEFS = new Map<string, JobDef>();
const SCHEDULE_DEFS = new Map<string, ScheduleDef>();

export const DEFAULT_MAX_ATTEMPTS = 5;

/** 10 s, 20 s, 40 s … doubling per failed attempt, at most one hour. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** A failure that retrying cannot fix (bad payload, missing record): the job goes dead at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Registers the handler of a job kind; enqueue it with `enqueueJob(tx, name, payload)`. */
export function defineJob<P>(
  name: string,
  handler: (payload: P, ctx: JobContext) => Promise<void>,
  opts: { maxAttempts?: number; backoffMs?: (attempt: number) => number; grants?: JobGrants } = {},
): void {
  JOB_DEFS.set(name, {
    name,
    handler: handler as (payload: unknown, ctx: JobContext) => Promise<void>,
    maxAttempts: Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    backoffMs: opts.backoffMs ?? defaultBackoffMs,
    grants: opts.grants ?? [],
  });
}

/** Registers a recurring schedule; each due tick runs once across all instances. */
export function defineSchedule(
  name: string,
  everyMs: number,
  handler: (ctx: JobContext) => Promise<void>,
  opts: { grants?: JobGrants } = {},
): void {
  if (!(everyMs >= 1000)) throw new RangeError(`schedule ${name}: everyMs must be at least 1000`);
  SCHEDULE_DEFS.set(name, { name, everyMs, handler, grants: opts.grants ?? [] });
}

/**
 * Queues a job in the caller's transaction, so it exists exactly when the event that caused it
 * commits. A second job with the same idempotency key is ignored (for as long as the first is
 * kept: finished jobs are pruned after 30 days). Without `runAt` it runs as soon as a runner polls.
 */
export async function enqueueJob(
  tx: Db,
  name: string,
  payload: unknown,
  opts: { runAt?: Date; idempotencyKey?: string } = {},
): Promise<void> {
  const def = JOB_DEFS.get(name);
  await tx
    .insert(jobs)
    .values({
      name,
      payload: (payload ?? null) as object,
      runAt: opts.runAt ?? null,
      maxAttempts: def?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      idempotencyKey: opts.idempotencyKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.idempotencyKey });
}

/**
 * Queues a dead (or failed) job again with a fresh attempt budget. Returns false when the job
 * does not exist or is not dead/failed.
 */
export async function retryJob(tx: Db, id: string): Promise<boolean> {
  const res = await tx
    .update(jobs)
    .set({ status: 'queued', attempts: 0, runAt: null, leaseOwner: null, leaseUntil: null, finishedAt: null, updatedAt: sql`now()` })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ['dead', 'failed'])))
    .returning({ id: jobs.id });
  return res.length > 0;
}

type JobRow = typeof jobs.$inferSelect;

export interface JobRunnerOptions {
  db: Db;
  clock: () => Date;
  instanceId?: string;
  pollMs?: number;
  leaseMs?: number;
  concurrency?: number;
  /** where failures of the runner itself are reported (handler failures go to the job row) */
  onError?: (error: unknown, where: string) => void;
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: unknown }).cause;
    const own = e.message || e.name;
    return (cause instanceof Error && cause.message !== own ? `${own} (${cause.message})` : own).slice(0, 2000);
  }
  return String(e).slice(0, 2000);
}

/** Claims and runs due jobs and schedule ticks, polling until stopped. */
export class JobRunner {
  readonly instanceId: string;
  private readonly db: Db;
  private readonly clock: () => Date;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly onError: (error: unknown, where: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  private stopRequested = false;
  /** how many schedule definitions this runner has written to job_schedules */
  private schedulesRegistered = 0;

  constructor(opts: JobRunnerOptions) {
    this.db = opts.db;
    this.clock = opts.clock;
    this.instanceId = opts.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = opts.pollMs ?? 2000;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.concurrency = Math.max(1, opts.concurrency ?? 2);
    this.onError = opts.onError ?? ((e, where) => process.stderr.write(`[jobs] ${where}: ${errorText(e)}\n`));
  }

  /** Starts polling (the first poll happens at once). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    this.schedulePoll(0);
  }

  /** Stops polling and waits for the jobs that are running to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) await this.running.catch(() => undefined);
  }

  private schedulePoll(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const p = this.runDueOnce().catch((e: unknown) => this.onError(e, 'poll'));
      this.running = p;
      void p.finally(() => {
        if (this.running === p) this.running = null;
        this.schedulePoll(this.pollMs);
      });
    }, delay);
    this.timer.unref();
  }

  /**
   * Claims and runs everything due now (jobs queued by those jobs included) and every due
   * schedule tick; returns how many jobs and ticks ran. Tests call it directly.
   */
  async runDueOnce(): Promise<number> {
    let count = 0;
    count += await this.runDueSchedules();
    for (;;) {
      if (this.stopRequested) break; // stopping: finish what runs, claim nothing new
      const claimed = await this.claimJobs(this.concurrency);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((job) => this.execute(job)));
      count += claimed.length;
    }
    return count;
  }

  private async claimJobs(limit: number): Promise<JobRow[]> {
    const names = [...JOB_DEFS.keys()];
    if (names.length === 0) return [];
    const now = this.clock();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    // A job whose lease expired with attempts left is claimable again; one without is dead.
    await this.db.execute(sql`
      UPDATE jobs SET status = 'dead', finished_at = ${now}, updated_at = ${now}, lease_owner = NULL, lease_until = NULL,
        last_error = coalesce(last_error || ' / ', '') || 'lease expired (the runner stopped while running it)'
      WHERE id IN (
        SELECT id FROM jobs WHERE status = 'running' AND lease_until < ${now} AND attempts >= max_attempts
        FOR UPDATE SKIP LOCKED)`);
    const namesSql = sql.join(
      names.map((n) => sql`${n}`),
      sql`, `,
    );
    const res = await this.db.execute(sql`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = ${this.instanceId},
        lease_until = ${leaseUntil}, updated_at = ${now}
      WHERE id IN (
        SELECT id FROM jobs
        WHERE name IN (${namesSql})
          AND ((status = 'queued' AND (run_at IS NULL OR run_at <= ${now}))
            OR (status = 'running' AND lease_until < ${now} AND attempts < max_attempts))
        ORDER BY run_at ASC NULLS FIRST, created_at ASC
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts, max_attempts AS "maxAttempts"`);
    return rowsOf<JobRow>(res);
  }

  private async execute(job: JobRow): Promise<void> {
    const def = JOB_DEFS.get(job.name);
    if (!def) return;
    const now = this.clock();
    const ctx: JobContext = {
      db: this.db,
      now,
      actor: jobActor(job.name, new Map(def.grants)),
      attempt: job.attempts,
      jobId: job.id,
    };
    const heartbeat = setInterval(
      () => {
        const until = new Date(this.clock().getTime() + this.leaseMs);
        this.db
          .update(jobs)
          .set({ leaseUntil: until })
          .where(and(eq(jobs.id, job.id), eq(jobs.leaseOwner, this.instanceId), eq(jobs.status, 'running')))
          .catch((e: unknown) => this.onError(e, `heartbeat ${job.name}`));
      },
      Math.max(1000, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    let failure: unknown = null;
    try {
      await def.handler(job.payload, ctx);
    } catch (e) {
      failure = e ?? new Error('job failed');
    } finally {
      clearInterval(heartbeat);
    }
    const end = this.clock();
    // Only the lease holder records the outcome (a runner whose lease was taken over must not).
    const mine = and(
      eq(jobs.id, job.id),
      eq(jobs.leaseOwner, this.instanceId),
      eq(jobs.attempts, job.attempts),
      eq(jobs.status, 'running'),
    );
    try {
      if (failure === null) {
        await this.db.update(jobs).set({ status: 'done', finishedAt: end, updatedAt: end, leaseOwner: null, leaseUntil: null }).where(mine);
      } else if (failure instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
        await this.db
          .update(jobs)
          .set({ status: 'dead', finishedAt: end, updatedAt: end, leaseOwner: null, leaseUntil: null, lastError: errorText(failure) })
          .where(mine);
      } else {
        const delay = Math.max(0, def.backoffMs(job.attempts));
        await this.db
          .update(jobs)
          .set({
            status: 'queued',
            runAt: new Date(end.getTime() + delay),
            updatedAt: end,
            leaseOwner: null,
            leaseUntil: null,
            lastError: errorText(failure),
          })
          .where(mine);
      }
    } catch (e) {
      this.onError(e, `record outcome of ${job.name} ${job.id}`);
    }
  }

  private async ensureSchedules(now: Date): Promise<void> {
    for (const def of SCHEDULE_DEFS.values()) {
      await this.db
        .insert(jobSchedules)
        .values({ name: def.name, everyMs: def.everyMs, nextRunAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: jobSchedules.name,
          set: { everyMs: def.everyMs },
          setWhere: sql`${jobSchedules.everyMs} <> ${def.everyMs}`,
        });
    }
  }

  private async runDueSchedules(): Promise<number> {
    if (SCHEDULE_DEFS.size === 0) return 0;
    const now = this.clock();
    if (this.schedulesRegistered !== SCHEDULE_DEFS.size) {
      await this.ensureSchedules(now);
      this.schedulesRegistered = SCHEDULE_DEFS.size;
    }
    const names = sql.join(
      [...SCHEDULE_DEFS.keys()].map((n) => sql`${n}`),
      sql`, `,
    );
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const res = await this.db.execute(sql`
      UPDATE job_schedules SET lease_owner = ${this.instanceId}, lease_until = ${leaseUntil}, updated_at = ${now}
      WHERE name IN (
        SELECT name FROM job_schedules
        WHERE name IN (${names}) AND next_run_at <= ${now} AND (lease_until IS NULL OR lease_until < ${now})
        FOR UPDATE SKIP LOCKED)
      RETURNING name, next_run_at AS "nextRunAt"`);
    const due = rowsOf<{ name: string; nextRunAt: Date | string }>(res);
    for (const row of due) {
      const def = SCHEDULE_DEFS.get(row.name);
      if (!def) continue;
      let error: string | null = null;
      try {
        await def.handler({ db: this.db, now, actor: jobActor(def.name, new Map(def.grants)), attempt: 1, jobId: `schedule:${def.name}` });
      } catch (e) {
        error = errorText(e);
        this.onError(e, `schedule ${def.name}`);
      }
      const next = nextTick(new Date(row.nextRunAt), def.everyMs, now);
      await this.db
        .update(jobSchedules)
        .set({ lastRunAt: now, nextRunAt: next, lastError: error, leaseOwner: null, leaseUntil: null, updatedAt: this.clock() })
        .where(and(eq(jobSchedules.name, def.name), eq(jobSchedules.leaseOwner, this.instanceId)));
    }
    return due.length;
  }
}

/** The first point of the schedule's grid (previous due time + k × every) that lies after `now`. */
export function nextTick(previousDue: Date, everyMs: number, now: Date): Date {
  const behind = now.getTime() - previousDue.getTime();
  const steps = behind < 0 ? 1 : Math.floor(behind / everyMs) + 1;
  return new Date(previousDue.getTime() + steps * everyMs);
}

/**
 * Starts the runner the server uses: polls every 2 s, four jobs at a time. The caller stops it
 * (`await runner.stop()`) before closing the database.
 */
export function startJobRunner(services: { db: Db; clock: () => Date }): JobRunner {
  const runner = new JobRunner({ db: services.db, clock: services.clock, concurrency: 4 });
  runner.start();
  return runner;
}

export const DONE_JOB_RETENTION_MS = 30 * 24 * 3_600_000;

/** Finished jobs are kept 30 days for the admin screen (and as the idempotency window), then pruned (listed by the jobs module). */
export const pruneJobsSchedule: ModuleSchedule = {
  name: 'jobs.prune',
  everyMs: 24 * 3_600_000,
  handler: async (ctx) => {
    await ctx.db.delete(jobs).where(and(eq(jobs.status, 'done'), lt(jobs.finishedAt, new Date(ctx.now.getTime() - DONE_JOB_RETENTION_MS))));
  },
};

/** For tests: the job kinds and schedules registered in this process. */
export function registeredJobNames(): string[] {
  return [...JOB_DEFS.keys()];
}
