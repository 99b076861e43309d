import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineEnabled, removeTempDir, runToExit, seededDataDir, spawnServer, tempDir } from '../test-support/spawn-server.ts';

const TIMEOUT = 90_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempDir));

describe.skipIf(!engineEnabled('pglite'))('startup refusals', () => {
  it(
    'refuses a second process on the same DATA_DIR, naming the holder',
    async () => {
      const { dataDir } = await seededDataDir();
      dirs.push(dataDir);
      const first = await spawnServer({ DATA_DIR: dataDir });
      try {
        const second = await runToExit({ DATA_DIR: dataDir });
        expect(second.code).toBe(1);
        expect(second.output).toContain(`pid ${first.pid}`);
        expect(second.output).toContain('in use by another Bidflow process');
        const verify = await runToExit({ DATA_DIR: dataDir }, { script: 'scripts/audit-verify.ts' });
        expect(verify.code).toBe(1);
        expect(verify.output).toContain(`pid ${first.pid}`);
        // the first one is unaffected
        expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      } finally {
        expect(await first.stop()).toEqual({ code: 0, signal: null });
      }
      expect(existsSync(path.join(dataDir, 'bidflow.lock'))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'stops on invalid configuration with a message naming the variable',
    async () => {
      const dataDir = tempDir();
      dirs.push(dataDir);
      const cases: Array<[Record<string, string>, string]> = [
        [{ PORT: 'abc' }, 'PORT="abc"'],
        [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL="mysql://x"'],
        [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
        [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES="0"'],
      ];
      const results = await Promise.all(cases.map(([env]) => runToExit({ DATA_DIR: dataDir, ...env })));
      results.forEach((r, i) => {
        const [, expected] = cases[i] ?? [{}, ''];
        expect(r.code, r.output).toBe(1);
        expect(r.output).toContain('Invalid configuration');
        expect(r.output).toContain(expected);
      });
      // nothing was created or locked
      expect(existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'bidflow.lock'))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'names PORT when the port is taken',
    async () => {
      const { dataDir } = await seededDataDir();
      dirs.push(dataDir);
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const addr = blocker.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      try {
        const r = await runToExit({ DATA_DIR: dataDir, PORT: String(port) });
        expect(r.code).toBe(1);
        expect(r.output).toContain(`Cannot listen on 127.0.0.1:${port} (PORT/HOST)`);
        expect(existsSync(path.join(dataDir, 'bidflow.lock'))).toBe(false);
      } finally {
        blocker.close();
      }
    },
    TIMEOUT,
  );
});
