import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../db/client.ts';
import { jobSchedules } from '../db/schema.ts';
import { createTestDatabase, testEngine, type TestDatabase } from '../test-support/test-db.ts';
import { defineSchedule, JobRunner, nextTick } from './runner.ts';

let database: TestDatabase;
const clock = { now: new Date('2026-03-02T01:00:00Z') };
const T0 = clock.now.getTime();
const at = (ms: number) => {
  clock.now = new Date(T0 + ms);
};

async function runsOf(db: Database): Promise<number> {
  const res = await db.db.execute(sql`SELECT count(*)::int AS n FROM schedule_test_runs`);
  return rowsOf<{ n: number }>(res)[0]?.n ?? 0;
}

defineSchedule('test.tick', 60_000, async (ctx) => {
  await ctx.db.execute(sql`INSERT INTO schedule_test_runs (at, actor) VALUES (${ctx.now}, ${ctx.actor.username})`);
});

beforeAll(async () => {
  database = await createTestDatabase();
  await database.exec('CREATE TABLE schedule_test_runs (id serial primary key, at timestamptz not null, actor text)');
}, 120_000);
afterAll(async () => {
  await database.drop();
});

const runner = () => new JobRunner({ db: database.db, clock: () => clock.now, leaseMs: 60_000 });

describe('schedules', () => {
  it('runs each due tick once, and once (not once per missed tick) after a downtime', async () => {
    at(0);
    const r = runner();
    await r.runDueOnce();
    expect(await runsOf(database)).toBe(1);
    await r.runDueOnce();
    expect(await runsOf(database)).toBe(1);
    at(30_000);
    await r.runDueOnce();
    expect(await runsOf(database)).toBe(1);
    at(60_000);
    await r.runDueOnce();
    expect(await runsOf(database)).toBe(2);
    at(60_000 + 10 * 60_000 + 5_000); // ten minutes of downtime
    await r.runDueOnce();
    expect(await runsOf(database)).toBe(3);
    await r.runDueOnce();
    expect(await runsOf(database)).toBe(3);
    const [row] = await database.db.select().from(jobSchedules).where(eq(jobSchedules.name, 'test.tick'));
    expect(row?.nextRunAt.getTime()).toBe(T0 + 12 * 60_000); // back on the original one-minute grid
    expect(row?.lastRunAt?.getTime()).toBe(clock.now.getTime());
    at(0);
  });

  it('nextTick stays on the grid', () => {
    const base = new Date('2026-01-01T00:00:00Z');
    expect(nextTick(base, 60_000, new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(nextTick(base, 60_000, new Date('2026-01-01T00:05:30Z')).toISOString()).toBe('2026-01-01T00:06:00.000Z');
    expect(nextTick(base, 60_000, new Date('2025-12-31T23:00:00Z')).toISOString()).toBe('2026-01-01T00:01:00.000Z');
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

  it('run each schedule tick exactly once', async () => {
    const before = await runsOf(database);
    at(30 * 60_000);
    const a = new JobRunner({ db: database.db, clock: () => clock.now, instanceId: 'A' });
    const b = new JobRunner({ db: second.db, clock: () => clock.now, instanceId: 'B' });
    for (let round = 0; round < 5; round++) {
      at(30 * 60_000 + round * 60_000);
      await Promise.all([a.runDueOnce(), b.runDueOnce(), a.runDueOnce(), b.runDueOnce()]);
    }
    expect(await runsOf(database)).toBe(before + 5);
    at(0);
  });
});
