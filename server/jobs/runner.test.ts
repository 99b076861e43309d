import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../db/client.ts';
import { jobs } from '../db/schema.ts';
import { createTestDatabase, testEngine, type TestDatabase } from '../test-support/test-db.ts';
import {
  defineJob,
  defineSchedule,
  enqueueJob,
  JobRunner,
  PermanentJobError,
  pruneJobsSchedule,
  retryJob,
  type JobContext,
} from './runner.ts';

let database: TestDatabase;
const clock = { now: new Date('2026-03-02T01:00:00Z') };
const T0 = clock.now.getTime();
const at = (ms: number) => {
  clock.now = new Date(T0 + ms);
};

/** Executions are counted in a table, so both engines and both runners see the same count. */
async function runsOf(db: Database, key: string): Promise<number> {
  const res = await db.db.execute(sql`SELECT count(*)::int AS n FROM job_test_runs WHERE key = ${key}`);
  return rowsOf<{ n: number }>(res)[0]?.n ?? 0;
}

async function jobRow(key: string) {
  const rows = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, key));
  const row = rows[0];
  if (!row) throw new Error(`no job ${key}`);
  return row;
}

const record = async (ctx: JobContext, key: string) => {
  await ctx.db.execute(sql`INSERT INTO job_test_runs (key, attempt, actor) VALUES (${key}, ${ctx.attempt}, ${ctx.actor.username})`);
};

// Handlers are code, handed to the runner once per process (installModules does it for the modules' jobs).
const failuresLeft = new Map<string, number>();
defineJob<{ key: string }>(
  'test.record',
  async (p, ctx) => {
    await record(ctx, p.key);
    const left = failuresLeft.get(p.key) ?? 0;
    if (left > 0) {
      failuresLeft.set(p.key, left - 1);
      throw new Error(`planned failure ${left}`);
    }
  },
  { maxAttempts: 3, backoffMs: (attempt) => attempt * 60_000, grants: [['user.read', 'all']] },
);

defineJob<{ key: string }>('test.permanent', async (p, ctx) => {
  await record(ctx, p.key);
  throw new PermanentJobError('bad payload');
});

// The jobs module's pruning schedule (in the app, installModules hands it over with every module's).
defineSchedule(pruneJobsSchedule.name, pruneJobsSchedule.everyMs, pruneJobsSchedule.handler);

let releaseHung: (() => void) | null = null;
defineJob<{ key: string }>('test.hang', async (p, ctx) => {
  await record(ctx, p.key);
  if (ctx.attempt === 1) {
    await new Promise<void>((resolve) => {
      releaseHung = resolve;
    });
  }
});

defineJob<{ key: string; ms: number }>('test.slow', async (p, ctx) => {
  await new Promise((r) => setTimeout(r, p.ms));
  await record(ctx, p.key);
});

beforeAll(async () => {
  database = await createTestDatabase();
  await database.exec('CREATE TABLE job_test_runs (id serial primary key, key text not null, attempt int not null, actor text)');
}, 120_000);
afterAll(async () => {
  await database.drop();
});

const runner = () => new JobRunner({ db: database.db, clock: () => clock.now, leaseMs: 60_000 });

describe('job runner', () => {
  it('runs a job enqueued in a committed transaction, with the job actor and its grants', async () => {
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.record', { key: 'basic' }, { idempotencyKey: 'basic' });
    });
    const n = await runner().runDueOnce();
    expect(n).toBeGreaterThanOrEqual(1);
    const row = await jobRow('basic');
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(1);
    expect(row.finishedAt?.getTime()).toBe(clock.now.getTime());
    const runs = rowsOf<{ attempt: number; actor: string }>(
      await database.db.execute(sql`SELECT attempt, actor FROM job_test_runs WHERE key = 'basic'`),
    );
    expect(runs).toEqual([{ attempt: 1, actor: 'job:test.record' }]);
  });

  it('a rolled-back transaction leaves no job behind', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, 'test.record', { key: 'rolled' }, { idempotencyKey: 'rolled' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, 'rolled'))).toHaveLength(0);
  });

  it('a duplicate idempotency key is a no-op', async () => {
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.record', { key: 'idem' }, { idempotencyKey: 'idem-1' });
    });
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.record', { key: 'idem' }, { idempotencyKey: 'idem-1' });
      await enqueueJob(tx, 'test.record', { key: 'idem' }, { idempotencyKey: 'idem-1' });
    });
    expect(await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, 'idem-1'))).toHaveLength(1);
    await runner().runDueOnce();
    await runner().runDueOnce();
    expect(await runsOf(database, 'idem')).toBe(1);
  });

  it('waits for run_at', async () => {
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.record', { key: 'later' }, { idempotencyKey: 'later', runAt: new Date(T0 + 3_600_000) });
    });
    await runner().runDueOnce();
    expect(await runsOf(database, 'later')).toBe(0);
    at(3_600_000);
    await runner().runDueOnce();
    expect(await runsOf(database, 'later')).toBe(1);
    at(0);
  });

  it('retries with exponential backoff, goes dead after max attempts, and an admin retry runs it again', async () => {
    at(0);
    failuresLeft.set('retry', 5);
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.record', { key: 'retry' }, { idempotencyKey: 'retry' });
    });
    const r = runner();
    await r.runDueOnce();
    let row = await jobRow('retry');
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBe('planned failure 5');
    expect(row.runAt?.getTime()).toBe(T0 + 60_000); // backoff(1)
    await r.runDueOnce(); // not due yet
    expect(await runsOf(database, 'retry')).toBe(1);
    at(60_000);
    await r.runDueOnce();
    row = await jobRow('retry');
    expect(row.attempts).toBe(2);
    expect(row.runAt?.getTime()).toBe(T0 + 60_000 + 120_000); // backoff(2)
    at(180_000);
    await r.runDueOnce();
    row = await jobRow('retry');
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBe('planned failure 3');
    at(10 * 3_600_000);
    await r.runDueOnce();
    expect(await runsOf(database, 'retry')).toBe(3); // dead jobs stay dead
    failuresLeft.set('retry', 0);
    expect(await retryJob(database.db, row.id)).toBe(true);
    expect(await retryJob(database.db, row.id)).toBe(false); // already queued
    await r.runDueOnce();
    row = await jobRow('retry');
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(1);
    expect(await runsOf(database, 'retry')).toBe(4);
    at(0);
  });

  it('a permanent failure goes dead at once', async () => {
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.permanent', { key: 'perm' }, { idempotencyKey: 'perm' });
    });
    await runner().runDueOnce();
    const row = await jobRow('perm');
    expect(row.status).toBe('dead');
    expect(row.lastError).toBe('bad payload');
  });

  it("an expired lease is reclaimed: a crashed instance's job runs again, and the stale runner cannot overwrite the outcome", async () => {
    at(0);
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.hang', { key: 'hang' }, { idempotencyKey: 'hang' });
    });
    const crashed = new JobRunner({ db: database.db, clock: () => clock.now, leaseMs: 60_000, instanceId: 'crashed' });
    const hung = crashed.runDueOnce();
    for (let i = 0; i < 100 && (await runsOf(database, 'hang')) === 0; i++) await new Promise((r) => setTimeout(r, 20));
    let row = await jobRow('hang');
    expect(row.status).toBe('running');
    expect(row.leaseOwner).toBe('crashed');
    const other = new JobRunner({ db: database.db, clock: () => clock.now, leaseMs: 60_000, instanceId: 'survivor' });
    await other.runDueOnce(); // lease still valid: not taken
    expect(await runsOf(database, 'hang')).toBe(1);
    at(61_000);
    await other.runDueOnce();
    row = await jobRow('hang');
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(2);
    expect(await runsOf(database, 'hang')).toBe(2);
    releaseHung?.();
    await hung;
    row = await jobRow('hang');
    expect(row.status).toBe('done');
    expect(row.leaseOwner).toBeNull();
    at(0);
  });

  it('prunes finished jobs after 30 days (a daily schedule)', async () => {
    at(0);
    await runner().runDueOnce(); // the prune tick of T0 has run; the next is due a day later
    const old = await jobRow('basic');
    await database.db
      .update(jobs)
      .set({ finishedAt: new Date(T0 - 31 * 24 * 3_600_000) })
      .where(eq(jobs.id, old.id));
    await runner().runDueOnce();
    expect(await database.db.select().from(jobs).where(eq(jobs.id, old.id))).toHaveLength(1);
    at(24 * 3_600_000 + 1000);
    await runner().runDueOnce();
    expect(await database.db.select().from(jobs).where(eq(jobs.id, old.id))).toHaveLength(0);
    expect((await jobRow('later')).status).toBe('done'); // recent ones stay
    at(0);
  });

  it('stop() waits for the jobs that are running', async () => {
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.slow', { key: 'slow', ms: 300 }, { idempotencyKey: 'slow' });
    });
    const r = new JobRunner({ db: database.db, clock: () => clock.now, pollMs: 20 });
    r.start();
    for (let i = 0; i < 100 && (await jobRow('slow')).status !== 'running'; i++) await new Promise((res) => setTimeout(res, 10));
    await r.stop();
    expect(await runsOf(database, 'slow')).toBe(1);
    expect((await jobRow('slow')).status).toBe('done');
  });
});

describe.runIf(testEngine() === 'postgres')('two runners on one PostgreSQL', () => {
  let second: Database;
  beforeAll(async () => {
    second = await openDatabase({ url: database.url, poolSize: 5 });
  });
  afterAll(async () => {
    await second.close();
  });

  it('run each job exactly once', async () => {
    at(0);
    const N = 60;
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < N; i++) await enqueueJob(tx, 'test.slow', { key: `pair-${i}`, ms: 5 }, { idempotencyKey: `pair-${i}` });
    });
    const a = new JobRunner({ db: database.db, clock: () => clock.now, concurrency: 4, instanceId: 'A' });
    const b = new JobRunner({ db: second.db, clock: () => clock.now, concurrency: 4, instanceId: 'B' });
    const [na, nb] = await Promise.all([a.runDueOnce(), b.runDueOnce()]);
    const res = await database.db.execute(sql`
      SELECT count(*)::int AS runs, count(DISTINCT key)::int AS keys FROM job_test_runs WHERE key LIKE 'pair-%'`);
    expect(rowsOf<{ runs: number; keys: number }>(res)[0]).toEqual({ runs: N, keys: N });
    const owners = rowsOf<{ n: number }>(
      await database.db.execute(sql`
      SELECT count(*)::int AS n FROM jobs WHERE idempotency_key LIKE 'pair-%' AND status = 'done'`),
    );
    expect(owners[0]?.n).toBe(N);
    // both instances took part (each ran some, none ran one twice)
    expect(na).toBeGreaterThan(0);
    expect(nb).toBeGreaterThan(0);
  });
});
