import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, crmFixture } from './crm-test-fixture.ts';
import type { TestApp } from '../../test-support/test-app.ts';

/** Editing a partner over HTTP: rename (search follows), stale versions, a credit code another partner holds. */

let t: TestApp;
let mm: string;

beforeAll(async () => {
  ({ t, mm } = await crmFixture());
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('editing a partner', () => {
  it('renames it (search follows), refuses a stale version and a credit code another partner holds', async () => {
    const a = await t.call('POST', '/api/partners', {
      cookie: mm,
      body: { name: '宁波甬安系统集成有限公司', kind: 'channel', creditCode: code(31) },
    });
    const b = await t.call('POST', '/api/partners', {
      cookie: mm,
      body: { name: '温州瓯江安防工程有限公司', kind: 'dealer', creditCode: code(32) },
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    const id = a.json().id as string;
    const v1 = (await t.call('GET', `/api/partners/${id}`, { cookie: mm })).json().version as number;
    const renamed = await t.call('PATCH', `/api/partners/${id}`, { cookie: mm, body: { version: v1, name: '宁波甬安智能科技有限公司' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const found = (await t.call('GET', '/api/search?q=甬安智能', { cookie: mm })).json().partners as Array<{ id: string }>;
    expect(found.map((p) => p.id)).toEqual([id]);
    const stale = await t.call('PATCH', `/api/partners/${id}`, { cookie: mm, body: { version: v1, notes: '旧版本' } });
    expect(stale.statusCode).toBe(409);
    const v2 = (await t.call('GET', `/api/partners/${id}`, { cookie: mm })).json().version as number;
    expect(v2).toBe(v1 + 1);
    const taken = await t.call('PATCH', `/api/partners/${id}`, { cookie: mm, body: { version: v2, creditCode: code(32) } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details.confirmable).toBe(false);
  });
});
