import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-log.ts';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../start.ts';
import { createRecord, recordKind, recordNames } from '../test-support/records.ts';
import { databaseTarget, engineEnabled, loginOver, spawnServer, type ReliabilityEngine } from '../test-support/spawn-server.ts';

const TIMEOUT = 120_000;

const WRITES = 200;
const CONCURRENCY = 12;
const KILL_AFTER_ACKS = 50;

/**
 * SIGKILL in the middle of a burst of writes: every write the server acknowledged (200)
 * must be there after a restart, and the audit chain must still verify.
 */
for (const engine of ['pglite', 'postgres'] as ReliabilityEngine[]) {
  describe.skipIf(!engineEnabled(engine))(`SIGKILL during writes (${engine})`, () => {
    it(
      'keeps every acknowledged write',
      async () => {
        const target = await databaseTarget(engine);
        try {
          const server = await spawnServer(target.env);
          const cookie = await loginOver(server.url);
          const kind = await recordKind(server.url);
          const acked: string[] = [];
          let failed = 0;
          let next = 0;
          let killed: Promise<unknown> | null = null;
          const worker = async () => {
            while (next < WRITES) {
              const name = `kill-${engine}-${next++}`;
              try {
                const status = await createRecord(server.url, cookie, kind, name);
                if (status === 200) acked.push(name);
                else failed++;
              } catch {
                failed++; // connection died with the process: outcome unknown, not acknowledged
              }
              if (acked.length >= KILL_AFTER_ACKS && !killed) killed = server.stop('SIGKILL');
            }
          };
          await Promise.all(Array.from({ length: CONCURRENCY }, worker));
          const exit = await server.exited;
          expect(exit.signal, server.output()).toBe('SIGKILL');
          expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
          expect(failed).toBeGreaterThan(0); // the kill really cut the burst short

          const again = await spawnServer(target.env);
          let present: Set<string>;
          try {
            present = await recordNames(again.url, await loginOver(again.url), kind);
          } finally {
            expect(await again.stop()).toEqual({ code: 0, signal: null });
          }
          const lost = acked.filter((n) => !present.has(n));
          expect(lost).toEqual([]);

          const opened = await openConfiguredDatabase(loadConfig({ ...target.env, LOG_LEVEL: 'silent' }), { mustExist: true });
          try {
            const audit = await verifyAuditChain(opened.database.db);
            expect(audit, JSON.stringify(audit)).toMatchObject({ ok: true });
          } finally {
            await opened.close();
          }
        } finally {
          await target.cleanup();
        }
      },
      TIMEOUT,
    );
  });
}
