import { describe, expect, it } from 'vitest';
import { createRecord, recordKind, recordNames } from '../test-support/records.ts';
import { callJson, databaseTarget, engineEnabled, loginOver, spawnServer } from '../test-support/spawn-server.ts';

const TIMEOUT = 120_000;

/**
 * Several instances serve one PostgreSQL and hold no state of their own: a session made on one
 * works on the other, a logout on one ends it everywhere, and both start together (migrations
 * and the first-admin bootstrap are serialized in the database).
 */
describe.skipIf(!engineEnabled('postgres'))('two instances on one PostgreSQL', () => {
  it(
    'share sessions and data',
    async () => {
      const target = await databaseTarget('postgres', { empty: true });
      try {
        const [a, b] = await Promise.all([spawnServer(target.env), spawnServer(target.env)]);
        try {
          const cookie = await loginOver(a.url);
          const me = await callJson(b.url, 'GET', '/api/auth/me', cookie);
          expect(me.status).toBe(200);
          expect((me.body as { username: string }).username).toBe('admin');

          const kind = await recordKind(a.url);
          expect(await createRecord(b.url, cookie, kind, 'made-on-b')).toBe(200);
          expect((await recordNames(a.url, cookie, kind)).has('made-on-b')).toBe(true);

          expect((await callJson(b.url, 'POST', '/api/auth/logout', cookie, {})).status).toBe(200);
          expect((await callJson(a.url, 'GET', '/api/auth/me', cookie)).status).toBe(401);
        } finally {
          const exits = await Promise.all([a.stop(), b.stop()]);
          expect(exits).toEqual([
            { code: 0, signal: null },
            { code: 0, signal: null },
          ]);
        }
      } finally {
        await target.cleanup();
      }
    },
    TIMEOUT,
  );
});
