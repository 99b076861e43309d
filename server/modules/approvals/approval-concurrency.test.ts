import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../app.ts';
import { openDatabase, type Database } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from '../../test-support/fixtures.ts';
import {
  createTestItem,
  createTestSubjectTable,
  registerTestApprovalSubject,
  submitTestItem,
  TEST_PROCESS_CODE,
} from '../../test-support/approval-test-subject.ts';
import { actorFromSession } from '../../auth/sessions.ts';

/**
 * Two app instances (two `buildApp`s, each with its own connection pool) on one PostgreSQL
 * database, as in a deployment behind a load balancer: two approvers of a 或签 step approve the
 * same request at the same moment, one through each instance. Exactly one decides; the other
 * gets 409 `approval_already_handled` naming who did. The request row is held locked until both
 * approvals wait on it, so they really are in flight together (without the engine's row lock
 * both would pass). PGlite cannot share a database between instances: there the single-instance
 * variant in approval-flow.test.ts runs. Runs when TEST_DATABASE_URL is set (not in the PGlite
 * pass of `npm test`, which sets TEST_DB_ENGINE=pglite; the PostgreSQL pass runs it).
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const enabled = Boolean(pgUrl) && process.env.TEST_DB_ENGINE !== 'pglite';

describe.runIf(enabled)('approvals on two app instances sharing one PostgreSQL database', () => {
  let t: TestApp;
  let org: OrgFixture;
  let second: Database | null = null;
  let app2: App | null = null;
  const instance2 = (): App => {
    if (!app2) throw new Error('the second instance did not start');
    return app2;
  };
  const u: Record<string, { id: string; cookie: string }> = {};
  const cookie = (who: string) => u[who]?.cookie ?? '';

  beforeAll(async () => {
    t = await createTestApp({}, { engine: 'postgres' });
    org = await createOrg(t);
    for (const [k, v] of Object.entries(org.users)) u[k] = v;
    for (const [username, name] of [
      ['dir', '王总监'],
      ['dir2', '刘总监'],
    ] as const) {
      const uid = await createUserViaApi(t, org.adminCookie, {
        username,
        displayName: name,
        departmentId: org.depts.market,
        roleIds: [org.roleIds.sales_director ?? ''],
      });
      u[username] = { id: uid, cookie: await loginAndActivate(t, username) };
    }
    await createTestSubjectTable(t.database.db);
    registerTestApprovalSubject();
    const cur = (await t.call('GET', `/api/approval-processes/${TEST_PROCESS_CODE}`, { cookie: org.adminCookie })).json() as {
      chain: { version: number };
    };
    const saved = await t.call('PUT', `/api/approval-processes/${TEST_PROCESS_CODE}/chain`, {
      cookie: org.adminCookie,
      body: {
        baseVersion: cur.chain.version,
        definition: {
          resubmitFrom: 'first',
          steps: [
            { name: '总监或签', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'any' },
            { name: '总经理审批', approver: { type: 'user', userId: u.gm?.id ?? '' }, mode: 'any' },
          ],
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    second = await openDatabase({ url: t.database.url, poolSize: 3 });
    const app = await buildApp({ database: second, config: t.config, clock: () => t.clock.now, logger: false, serveWeb: false });
    await app.ready();
    app2 = app;
  }, 240_000);

  afterAll(async () => {
    await app2?.close();
    await second?.close();
    await t.close();
  });

  const approveVia = (app: App, who: string, requestId: string): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST',
      url: `/api/approvals/${requestId}/approve`,
      headers: { cookie: cookie(who) },
      payload: { subjectVersion: 1 },
    });

  async function submit(title: string): Promise<string> {
    const sid = cookie('am').split('=')[1] ?? '';
    const actor = await actorFromSession(t.database.db, sid, t.clock.now, t.config, null);
    if (!actor) throw new Error('no session for am');
    const itemId = await createTestItem(t.database.db, { title, marginPercent: 10, ownerId: u.am?.id ?? null });
    return submitTestItem(t.database.db, actor, t.clock.now, t.config, itemId, title);
  }

  /**
   * Starts `race` while a third connection holds the request row locked, waits until `waiters`
   * backends queue on that lock, then lets them go; returns what `race` returns.
   */
  async function whileRequestLocked<T>(requestId: string, waiters: number, race: () => Promise<T>): Promise<{ result: T; waited: number }> {
    const pg = await import('pg');
    const holder = new pg.default.Client({ connectionString: t.database.url });
    await holder.connect();
    let waited = 0;
    let running: Promise<T> | null = null;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM approval_requests WHERE id = $1 FOR UPDATE', [requestId]);
      running = race();
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const res = await holder.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        waited = res.rows[0]?.n ?? 0;
        if (waited >= waiters) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await holder.query('COMMIT').catch(() => undefined);
      await holder.end();
    }
    if (!running) throw new Error('the race did not start');
    return { result: await running, waited };
  }

  it('two approvers of a 或签 step, one on each instance, approve at the same moment: exactly one decides, the other gets 409', async () => {
    for (let i = 0; i < 4; i++) {
      const requestId = await submit(`双实例并发 ${i}`);
      const {
        result: [a, b],
        waited,
      } = await whileRequestLocked(requestId, 2, () =>
        Promise.all([approveVia(t.app, 'dir', requestId), approveVia(instance2(), 'dir2', requestId)]),
      );
      expect(waited, 'both approvals were waiting on the request row at once').toBe(2);
      const codes = [a.statusCode, b.statusCode].sort();
      expect(codes).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      const winnerName = a.statusCode === 200 ? '王总监' : '刘总监';
      expect(loser.json().code).toBe('approval_already_handled');
      expect(loser.json().message).toMatch(new RegExp(`此步骤已由 ${winnerName} 处理`));
      // Either instance reads the same outcome from the shared database.
      for (const app of [t.app, instance2()]) {
        const d = (await app.inject({ method: 'GET', url: `/api/approvals/${requestId}`, headers: { cookie: cookie('am') } })).json() as {
          rounds: Array<{ steps: Array<{ status: string; tasks: Array<{ status: string }> }> }>;
          actions: Array<{ action: string }>;
        };
        const steps = d.rounds[d.rounds.length - 1]?.steps ?? [];
        expect(steps[0]?.tasks.map((x) => x.status).sort()).toEqual(['approved', 'cancelled']);
        expect(steps[1]?.status).toBe('active');
        expect(steps[1]?.tasks.length).toBe(1);
        expect(d.actions.filter((x) => x.action === 'approve').length).toBe(1);
      }
    }
  });
});
