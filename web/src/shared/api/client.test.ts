import { afterEach, describe, expect, test, vi } from 'vitest';
import { api, ApiError, apiUrl, fillPath, setApiLanguage, toQueryString } from './client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLanguage('zh-CN');
});

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) => new Response(body === undefined ? null : JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('URLs', () => {
  test('query strings skip empty values', () => {
    expect(toQueryString({ a: 1, b: '', c: undefined, d: null, e: 'x y' })).toBe('?a=1&e=x+y');
    expect(toQueryString({})).toBe('');
  });

  test('path parameters are encoded', () => {
    expect(fillPath('/users/:id/active', { id: 'a/b' })).toBe('/users/a%2Fb/active');
    expect(() => fillPath('/users/:id', {})).toThrow(/missing path parameter id/);
  });

  test('download URLs carry the filters', () => {
    expect(apiUrl('GET /audit/export.xlsx', { query: { result: 'failure', action: 'auth.login' } })).toBe(
      '/api/audit/export.xlsx?result=failure&action=auth.login',
    );
  });
});

describe('api()', () => {
  test('sends JSON with the session cookie and the UI language', async () => {
    const fetchMock = stubFetch(200, { ok: true });
    setApiLanguage('en');
    await api('POST /users/:id/unlock', { params: { id: 'u1' }, body: { version: 3 } });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/users/u1/unlock');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"version":3}');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'Accept-Language': 'en' });
  });

  test('a failed call throws ApiError with the server message and field errors', async () => {
    stubFetch(400, { code: 'validation_failed', message: '提交的内容有误', details: { fields: { 'body.email': '无效的邮箱', other: 3 } } });
    const err = await api('POST /users', { body: { username: 'x', displayName: 'X', password: 'p' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect([e.status, e.code, e.message]).toEqual([400, 'validation_failed', '提交的内容有误']);
    expect(e.fields).toEqual({ 'body.email': '无效的邮箱' });
  });

  test('a 409 keeps the details (current version)', async () => {
    stubFetch(409, { code: 'conflict_stale', message: '该记录已被他人修改', details: { currentVersion: 5 } });
    const e = (await api('PATCH /users/:id', { params: { id: 'u1' }, body: { version: 4 } }).catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(409);
    expect(e.details).toEqual({ currentVersion: 5 });
  });

  test('a network failure becomes a localized ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    const e = (await api('GET /auth/me').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('network');
    expect(e.message).toContain('无法连接服务器');
  });
});
