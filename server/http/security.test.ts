import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../test-support/test-app.ts';
import { jsonDepthExceeds } from './security.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  admin = await t.login('admin', ADMIN_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('HTTP conventions and hardening', () => {
  it('health and the generated OpenAPI document', async () => {
    const h = await t.call('GET', '/api/health');
    expect(h.json()).toMatchObject({ status: 'ok', db: t.database.engine });
    const doc = (await t.call('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/users', '/api/auth/login', '/api/audit']));
    expect(doc.paths['/api/users'].get.parameters.map((p: { name: string }) => p.name)).toContain('pageSize');
    const docs = await t.call('GET', '/api/docs/');
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sends CSP without inline script, nosniff and frame-ancestors none', async () => {
    const h = await t.call('GET', '/api/health');
    const csp = String(h.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses cross-site state-changing requests', async () => {
    const evil = await t.call('POST', '/api/departments', {
      cookie: admin,
      body: { name: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('csrf_rejected');
    const site = await t.call('POST', '/api/departments', {
      cookie: admin,
      body: { name: 'y' },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(site.statusCode).toBe(403);
    const same = await t.call('POST', '/api/departments', {
      cookie: admin,
      body: { name: 'z' },
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' },
    });
    expect(same.statusCode).toBe(200);
    const depts = (await t.call('GET', '/api/departments', { cookie: admin })).json() as Array<{ name: string }>;
    expect(depts.map((d) => d.name)).toEqual(['z']);
  });

  it('answers 413 for an oversized body and 400 for deep or broken JSON, never 500', async () => {
    const big = await t.call('POST', '/api/departments', { cookie: admin, body: { name: 'x'.repeat(10_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { a: deep };
    const d = await t.call('POST', '/api/departments', { cookie: admin, body: deep });
    expect(d.statusCode).toBe(400);
    expect(d.json().code).toBe('json_too_deep');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/departments',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('validation_failed');
    const proto = await t.app.inject({
      method: 'POST',
      url: '/api/departments',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"name":"p","__proto__":{"x":1}}',
    });
    expect(proto.statusCode).toBe(400);
  });

  it('garbage on every route answers a clean 4xx with code and message', async () => {
    const garbage = [{ x: [1, 2, 3] }, 'not-an-object', 42, null];
    for (const r of t.app.routeTable.filter((x) => x.url.startsWith('/api/') && !x.url.startsWith('/api/docs') && x.method !== 'GET')) {
      for (const g of garbage) {
        const res = await t.app.inject({
          method: r.method as 'POST',
          url: r.url.replace(':id', 'not-a-uuid'),
          headers: { cookie: admin, 'content-type': 'application/json' },
          payload: JSON.stringify(g),
        });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(g)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.json()).toHaveProperty('code');
          expect(res.body).not.toMatch(/\bat \w.*\(|SELECT|INSERT/);
        }
      }
    }
  });

  it('unknown API paths answer a JSON 404', async () => {
    const res = await t.call('GET', '/api/no-such-thing', { cookie: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: '记录不存在或无权查看' });
  });

  it('depth check stops at the limit', () => {
    expect(jsonDepthExceeds({ a: { b: [1] } }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: { b: [{}] } }, 3)).toBe(true);
  });
});
