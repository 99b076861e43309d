import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealFile } from '../db/pglite-check.ts';
import { recordKind, recordNames } from '../test-support/records.ts';
import {
  databaseTarget,
  engineEnabled,
  loginOver,
  postOnOwnConnection,
  spawnServer,
  SPAWN_ADMIN_PASSWORD,
  type ReliabilityEngine,
} from '../test-support/spawn-server.ts';

const TIMEOUT = 120_000;

/**
 * SIGTERM while requests are in flight: every request the server already received is
 * answered, the process exits 0, the embedded folder is unlocked and sealed, and the next
 * start sees everything that was acknowledged.
 */
for (const engine of ['pglite', 'postgres'] as ReliabilityEngine[]) {
  describe.skipIf(!engineEnabled(engine))(`graceful shutdown (${engine})`, () => {
    it(
      'finishes in-flight requests on SIGTERM, exits 0, releases the lock, restarts',
      async () => {
        const target = await databaseTarget(engine);
        try {
          const server = await spawnServer(target.env);
          const cookie = await loginOver(server.url);
          const kind = await recordKind(server.url);
          // Logins hash with argon2 (tens of ms each, 4 at a time): a queue still busy at SIGTERM.
          const logins = Array.from({ length: 12 }, () =>
            postOnOwnConnection(server.url, '/api/auth/login', { username: 'admin', password: SPAWN_ADMIN_PASSWORD }),
          );
          const names = Array.from({ length: 12 }, (_, i) => `graceful-${engine}-${i}`);
          const writes = names.map((name) =>
            postOnOwnConnection(server.url, kind === 'department' ? '/api/departments' : '/api/auth/tokens', { name }, cookie),
          );
          const all = [...logins, ...writes];
          await Promise.all(all.map((r) => r.sent));
          const exitPromise = server.stop('SIGTERM');
          const statuses = await Promise.all(all.map((r) => r.status));
          const exit = await exitPromise;
          expect(statuses).toEqual(statuses.map(() => 200));
          expect(exit, server.output()).toEqual({ code: 0, signal: null });
          expect(server.output()).toContain('Bidflow stopped (SIGTERM)');
          if (target.dataDir) {
            expect(existsSync(path.join(target.dataDir, 'bidflow.lock'))).toBe(false);
            expect(existsSync(sealFile(target.dataDir))).toBe(true);
          }

          const again = await spawnServer(target.env);
          try {
            const cookie2 = await loginOver(again.url);
            const present = await recordNames(again.url, cookie2, kind);
            for (const n of names) expect(present.has(n), n).toBe(true);
          } finally {
            expect(await again.stop('SIGINT')).toEqual({ code: 0, signal: null });
          }
        } finally {
          await target.cleanup();
        }
      },
      TIMEOUT,
    );
  });
}
