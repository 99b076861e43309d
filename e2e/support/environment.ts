import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { removeTempDir, spawnServer, tempDir, type SpawnedServer } from '../../server/test-support/spawn-server.ts';
import { ADMIN_PASSWORD, WEB_DIST } from './server.ts';
import { launchBrowser, newPage, signIn } from './browser.ts';

/** The password every user created by `user()` ends up with (after the forced first change). */
export const E2E_PASSWORD = 'Passw0rd!2026';

export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: Record<string, unknown> }>;

export interface E2eEnvironment {
  /** the running server (set in beforeAll) */
  readonly server: SpawnedServer;
  /** the shared Chromium (set in beforeAll) */
  readonly browser: Browser;
  /** an API client signed in as the user (cookie session, same-origin headers) */
  apiAs(username: string, password: string): Promise<Call>;
  /** a call that must answer 200; its JSON body */
  ok(call: Call, method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /**
   * creates a user through the API and makes it active (first password changed to E2E_PASSWORD);
   * its id. `extra` adds fields to the create body (e.g. `managerId`).
   */
  user(
    admin: Call,
    username: string,
    displayName: string,
    roleId: string,
    departmentId: string,
    extra?: Record<string, unknown>,
  ): Promise<string>;
  /** a fresh browser context, not signed in, at the given size (default 1366 wide) */
  page(width?: number, height?: number): Promise<E2ePage>;
  /** a fresh browser context signed in as the user (password E2E_PASSWORD unless given) at the given size (default 1366 wide) */
  signedIn(username: string, width?: number, height?: number, password?: string): Promise<E2ePage>;
}

/** A page in its own browser context; `problems` collects console errors and page errors. */
export interface E2ePage {
  page: Page;
  problems: string[];
  close: () => Promise<void>;
}

export interface E2eOptions {
  /** extra server environment, e.g. `{ BIDFLOW_TEST_SUBJECTS: '1' }` for the test-only approval subject */
  serverEnv?: Record<string, string>;
}

/**
 * One real server (serving the built web app) on a fresh, empty data folder and one Chromium
 * (the system's, headless) for a browser spec, started in `beforeAll` and removed in `afterAll`
 * (call inside `describe`), with the API helpers the specs use to set up their organisation
 * quickly and the pages they drive. Every spec uses it.
 */
export function useE2eEnvironment(dataDirPrefix: string, options: E2eOptions = {}): E2eEnvironment {
  let server: SpawnedServer | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
      throw new Error(`${WEB_DIST}/index.html not found: run npm run build first`);
    }
    dataDir = tempDir(dataDirPrefix);
    server = await spawnServer({ DATA_DIR: dataDir, WEB_DIST, ADMIN_PASSWORD, ...options.serverEnv });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) removeTempDir(dataDir);
  });

  const started = (): SpawnedServer => {
    if (!server) throw new Error('the e2e server is not started yet');
    return server;
  };

  const env: E2eEnvironment = {
    get server() {
      return started();
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    async apiAs(username, password) {
      const url = started().url;
      const headers = { 'content-type': 'application/json', origin: url };
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username, password }) });
      expect(login.status, `login ${username}`).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return async (method, path, body) => {
        const res = await fetch(`${url}/api${path}`, {
          method,
          headers: { ...headers, cookie },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      };
    },
    async ok(call, method, path, body) {
      const res = await call(method, path, body);
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json;
    },
    async user(admin, username, displayName, roleId, departmentId, extra = {}) {
      const created = await env.ok(admin, 'POST', '/users', {
        username,
        displayName,
        departmentId,
        roleIds: [roleId],
        ...extra,
        password: 'Initial#2026',
      });
      const self = await env.apiAs(username, 'Initial#2026');
      await env.ok(self, 'POST', '/auth/change-password', { currentPassword: 'Initial#2026', newPassword: E2E_PASSWORD });
      return String(created.id);
    },
    async page(width = 1366, height) {
      const { context, page, problems } = await newPage(env.browser, { width, height: height ?? (width > 500 ? 860 : 844) });
      return { page, problems, close: () => context.close() };
    },
    async signedIn(username, width = 1366, height, password = E2E_PASSWORD) {
      const opened = await env.page(width, height);
      await signIn(opened.page, started().url, username, password);
      await opened.page.waitForURL((u) => !u.pathname.startsWith('/login'));
      return opened;
    },
  };
  return env;
}
