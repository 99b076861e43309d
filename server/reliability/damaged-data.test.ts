import { createHash } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineEnabled, removeTempDir, runToExit, seededDataDir } from '../test-support/spawn-server.ts';

/** Every file under the folder with its content hash: "untouched" means this stays equal. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else
        out[child] = createHash('sha1')
          .update(readFileSync(path.join(dir, child)))
          .digest('hex');
    }
  };
  walk('');
  return out;
}

const TIMEOUT = 60_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempDir));

async function damagedStart(damage: (pgdata: string, usersFile: string) => void) {
  const { dataDir, info } = await seededDataDir();
  dirs.push(dataDir);
  damage(path.join(dataDir, 'pgdata'), path.join(dataDir, 'pgdata', info.usersFile));
  const before = fingerprint(dataDir);
  const r = await runToExit({ DATA_DIR: dataDir }, { timeoutMs: 30_000 });
  return { ...r, before, after: fingerprint(dataDir), dataDir };
}

function expectRefusedUntouched(r: Awaited<ReturnType<typeof damagedStart>>, problem: string | RegExp) {
  expect(r.signal, r.output).toBeNull();
  expect(r.code, r.output).toBe(1);
  expect(r.output).toContain('is damaged');
  expect(r.output).toContain('npm run restore -- <backup-file.tar.gz>');
  expect(r.output).toMatch(problem);
  expect(r.after).toEqual(r.before);
  expect(existsSync(path.join(r.dataDir, 'bidflow.lock'))).toBe(false);
}

describe.skipIf(!engineEnabled('pglite'))('damaged data folder', () => {
  it(
    'refuses a folder without global/pg_control',
    async () => {
      const r = await damagedStart((pgdata) => unlinkSync(path.join(pgdata, 'global/pg_control')));
      expectRefusedUntouched(r, /missing global\/pg_control/);
    },
    TIMEOUT,
  );

  it(
    'refuses a table file truncated while the app was stopped',
    async () => {
      const r = await damagedStart((_pgdata, users) => truncateSync(users, Math.max(0, statSync(users).size - 8192)));
      expectRefusedUntouched(r, /files changed while Bidflow was stopped: base\/\d+\/\d+ is \d+ bytes, was \d+/);
    },
    TIMEOUT,
  );

  it(
    'refuses a garbled table page (same size) found by the start-up read-through',
    async () => {
      const r = await damagedStart((_pgdata, users) => {
        const fd = openSync(users, 'r+');
        writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
        closeSync(fd);
      });
      expectRefusedUntouched(r, /invalid page in block 0/);
    },
    TIMEOUT,
  );
});
