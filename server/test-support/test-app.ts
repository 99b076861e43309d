import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { bootstrap } from '../commands/bootstrap.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export const ADMIN_PASSWORD = 'Admin@12345';

export interface TestApp {
  app: App;
  database: TestDatabase;
  config: Config;
  clock: { now: Date };
  close(): Promise<void>;
  /** logs in and returns the session cookie header value */
  login(username: string, password: string): Promise<string>;
  /** inject with a cookie / bearer */
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    opts?: { cookie?: string; bearer?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
}

/** A real app on a real database (PGlite in memory or a fresh PostgreSQL database). */
export async function createTestApp(env: Record<string, string> = {}, opts: { engine?: 'pglite' | 'postgres' } = {}): Promise<TestApp> {
  const database = await createTestDatabase(opts.engine);
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const clock = { now: new Date() };
  await bootstrap(database.db, clock.now, ADMIN_PASSWORD);
  const app = await buildApp({ database, config, clock: () => clock.now, logger: false, serveWeb: false });
  await app.ready();
  const call: TestApp['call'] = (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
    return app.inject({
      method,
      url,
      headers,
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
  };
  return {
    app,
    database,
    config,
    clock,
    call,
    close: async () => {
      await app.close();
      await database.drop();
    },
    login: async (username, password) => {
      const res = await call('POST', '/api/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const set = res.headers['set-cookie'];
      const first = Array.isArray(set) ? set[0] : set;
      return (first ?? '').split(';')[0] ?? '';
    },
  };
}
