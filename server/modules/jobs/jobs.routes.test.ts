import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { enqueueJob } from '../../jobs/runner.ts';

let t: TestApp;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  adminCookie = await t.login('admin', ADMIN_PASSWORD);
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('background jobs administration', () => {
  it('lists jobs and schedules; only dead jobs can be retried', async () => {
    await t.database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.not_registered_here', { x: 1 }, { idempotencyKey: 'routes-test-job' });
    });
    const list = await t.call('GET', '/api/jobs?pageSize=50&name=test.not_registered_here', { cookie: adminCookie });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; name: string; status: string }>;
    const queued = items.find((j) => j.status === 'queued');
    expect(queued).toBeDefined();
    const retry = await t.call('POST', `/api/jobs/${queued?.id ?? ''}/retry`, { cookie: adminCookie });
    expect(retry.statusCode).toBe(409);
    expect((await t.call('POST', '/api/jobs/00000000-0000-4000-8000-000000000001/retry', { cookie: adminCookie })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/jobs?status=bogus', { cookie: adminCookie })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/jobs/schedules', { cookie: adminCookie })).statusCode).toBe(200);
  });
});
