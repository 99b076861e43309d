import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { backupDataDir } from '../maintenance/backup.ts';
import { restoreDataDir } from '../maintenance/restore.ts';
import { createRecord, recordKind, recordNames } from '../test-support/records.ts';
import { engineEnabled, loginOver, removeTempDir, runToExit, seededDataDir, spawnServer, tempDir } from '../test-support/spawn-server.ts';

const TIMEOUT = 180_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempDir));

/**
 * npm run backup / npm run restore round trip through the real app on the embedded database;
 * the refusals are checked in-process (same code as the commands, without their start-up cost).
 */
describe.skipIf(!engineEnabled('pglite'))('backup and restore', () => {
  it(
    'brings back database and stored files after the data folder is wiped',
    async () => {
      const { dataDir } = await seededDataDir();
      const work = tempDir();
      dirs.push(dataDir, work);
      const archive = path.join(work, 'b.tar.gz');
      const env = { DATA_DIR: dataDir };
      const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

      const server = await spawnServer(env);
      const cookie = await loginOver(server.url);
      const kind = await recordKind(server.url);
      expect(await createRecord(server.url, cookie, kind, '售前一部 backup')).toBe(200);
      mkdirSync(path.join(dataDir, 'files', 'ab'), { recursive: true });
      writeFileSync(path.join(dataDir, 'files', 'ab', 'doc.bin'), 'stored file 附件');

      // the app holds the folder: backup says so, naming the process
      const whileRunning = backupDataDir(config, { out: archive });
      await expect(whileRunning).rejects.toThrow('Stop Bidflow before taking a backup');
      await expect(whileRunning).rejects.toThrow(`pid ${server.pid}`);
      expect(existsSync(archive)).toBe(false);

      expect(await server.stop()).toEqual({ code: 0, signal: null });
      const backup = await runToExit(env, { script: 'scripts/backup.ts', args: ['--out', archive] });
      expect(backup.code, backup.output).toBe(0);
      expect(backup.output).toContain(`Backup written / 备份已写入: ${archive}`);

      rmSync(dataDir, { recursive: true, force: true });
      const restore = await runToExit(env, { script: 'scripts/restore.ts', args: [archive] });
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toMatch(/audit chain \/ 审计链: OK, \d+ entries verified/);
      expect(readFileSync(path.join(dataDir, 'files', 'ab', 'doc.bin'), 'utf8')).toBe('stored file 附件');

      const again = await spawnServer(env);
      try {
        expect((await recordNames(again.url, await loginOver(again.url), kind)).has('售前一部 backup')).toBe(true);
      } finally {
        expect(await again.stop()).toEqual({ code: 0, signal: null });
      }

      // restoring over a database needs --force, and then keeps the old data next to DATA_DIR
      await expect(restoreDataDir(config, archive)).rejects.toThrow('already holds a database; nothing was changed');
      const forced = await restoreDataDir(config, archive, { force: true });
      expect(forced.audit.ok).toBe(true);
      expect(forced.movedAside).toMatch(/\.before-restore-\d{8}-\d{6}$/);
      dirs.push(forced.movedAside ?? '');
      expect(existsSync(path.join(forced.movedAside ?? '', 'pgdata', 'PG_VERSION'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    },
    TIMEOUT,
  );
});
