import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Queued background jobs (server/jobs/runner.ts). A runner claims due rows with a lease
 * (`FOR UPDATE SKIP LOCKED`), so each job runs on one instance at a time; a lease that expires
 * (the instance died) makes the job claimable again. `run_at` NULL means "as soon as possible".
 * Status: queued → running → done | queued (retry with backoff) | dead (after max_attempts).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    runAt: ts('run_at'),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    leaseOwner: text('lease_owner'),
    leaseUntil: ts('lease_until'),
    lastError: text('last_error'),
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_idempotency_key_uq').on(t.idempotencyKey),
    index('jobs_due_idx').on(t.status, t.runAt),
    index('jobs_status_created_idx').on(t.status, t.createdAt),
    index('jobs_lease_idx')
      .on(t.leaseUntil)
      .where(sql`status = 'running'`),
  ],
);

/**
 * Recurring schedules: one row per schedule name. A runner takes the lease of a due row, runs
 * the tick once and moves `next_run_at` past the current time (one catch-up run after a
 * downtime, never one run per missed tick).
 */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  everyMs: bigint('every_ms', { mode: 'number' }).notNull(),
  nextRunAt: ts('next_run_at').notNull(),
  lastRunAt: ts('last_run_at'),
  lastError: text('last_error'),
  leaseOwner: text('lease_owner'),
  leaseUntil: ts('lease_until'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
