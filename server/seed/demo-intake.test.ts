import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { seedDemoCompany } from './demo-company.ts';

/** The demo company's intake and activity data, seeded through the real use cases. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('demo intake', () => {
  it("seeds leads in every state, last week's visits with a missing day, a pending reception plan and cases", async () => {
    await seedDemoCompany(t.database.db, t.config, t.clock.now);
    const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(s));
    const states = Object.fromEntries(
      (await q<{ state: string; n: number }>(sql`SELECT state, count(*)::int AS n FROM leads GROUP BY state`)).map((r) => [
        r.state,
        Number(r.n),
      ]),
    );
    for (const s of ['registered', 'closed', 'forwarding', 'forwarded', 'assigned', 'evaluating', 'escalated', 'evaluated'])
      expect(states[s], s).toBeGreaterThan(0);
    expect(Object.values(states).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
    expect((await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM leads WHERE conflict_state = 'pending'`))[0]?.n).toBe(1);
    const report = (
      await q<{ data: { people: Array<{ name: string; missingDays: number; totalVisits: number }> } }>(
        sql`SELECT data FROM generated_reports WHERE kind = 'visit_weekly'`,
      )
    )[0];
    const zhao = report?.data.people.find((p) => p.name === '赵磊');
    expect(zhao?.missingDays).toBe(1);
    expect(report?.data.people.find((p) => p.name === '孙丽')?.missingDays).toBe(0);
    expect(
      (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM activities WHERE type = 'reception_plan' AND state = 'pending'`))[0]?.n,
    ).toBe(1);
    expect((await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM customer_cases`))[0]?.n).toBe(2);
  }, 180_000);
});
