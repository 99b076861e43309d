import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { seedDemoCompany } from './demo-company.ts';

/** The demo company seeds its projects through the real use cases, across the stage machine. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('demo projects', () => {
  it('seeds ~25 projects across stages, with approvals, teams, a meeting and a summary', async () => {
    await seedDemoCompany(t.database.db, t.config, t.clock.now);
    const stages = rowsOf<{ stage: string; n: number }>(
      await t.database.db.execute(sql`SELECT stage, count(*)::int AS n FROM projects GROUP BY stage`),
    );
    const by = Object.fromEntries(stages.map((s) => [s.stage, Number(s.n)]));
    expect(Object.values(by).reduce((a, b) => a + b, 0)).toBe(25);
    for (const s of [
      'opportunity',
      'registered',
      'requirement_research',
      'solution',
      'quotation',
      'tender',
      'won',
      'lost',
      'handoff',
      'closed',
    ]) {
      expect(by[s], s).toBeGreaterThan(0);
    }
    const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await t.database.db.execute(q))[0]?.n ?? 0);
    expect(
      await n(sql`SELECT count(*)::int AS n FROM approval_requests WHERE subject_type = 'project' AND state = 'pending'`),
    ).toBeGreaterThan(0);
    expect(await n(sql`SELECT count(*)::int AS n FROM tasks WHERE source = 'meeting'`)).toBe(3);
    expect(await n(sql`SELECT count(*)::int AS n FROM project_summaries`)).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
