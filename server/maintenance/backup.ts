import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { Config } from '../config.ts';
import { openConfiguredDatabase, type OpenedDatabase } from '../start.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { pgDataDir } from '../db/pglite-check.ts';
import { APP_VERSION } from '../version.ts';
import { BACKUP_ENTRIES, countFiles, MaintenanceError, MANIFEST_NAME, stamp, type BackupManifest } from './backup-format.ts';

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  archiveBytes: number;
}

/** ./backups/bidflow-YYYYMMDD-HHmmss.tar.gz */
export function defaultBackupFile(now: Date): string {
  return path.resolve('backups', `bidflow-${stamp(now)}.tar.gz`);
}

/**
 * Writes a consistent archive of the embedded database and the stored files. Takes the
 * data-dir lock (so Bidflow must be stopped), opens the database once (crash recovery, every
 * table read) and closes it cleanly before packing, still holding the lock.
 */
export async function backupDataDir(config: Config, opts: { out?: string | undefined; now?: Date } = {}): Promise<BackupResult> {
  if (config.databaseUrl) throw new MaintenanceError('DATABASE_URL is set: back up PostgreSQL with pg_dump.', 2);
  const now = opts.now ?? new Date();
  const out = path.resolve(opts.out ?? defaultBackupFile(now));
  const dataDir = config.dataDir;

  let opened: OpenedDatabase;
  try {
    opened = await openConfiguredDatabase(config, { mustExist: true });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      throw new MaintenanceError(`Stop Bidflow before taking a backup / 备份前请先停止 Bidflow.\n${e.message}`);
    }
    throw new MaintenanceError(`Backup failed / 备份失败: ${(e as Error).message}`);
  }
  await opened.close({ keepLock: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), 'bidflow-backup-'));
  const partial = `${out}.partial`;
  try {
    const size = (f: string) => statSync(f).size;
    const db = countFiles(pgDataDir(dataDir), size);
    const stored = countFiles(path.join(dataDir, 'files'), size);
    const present = BACKUP_ENTRIES.filter((e) => {
      try {
        statSync(path.join(dataDir, e));
        return true;
      } catch {
        return false;
      }
    });
    const manifest: BackupManifest = {
      app: 'bidflow',
      format: 1,
      version: APP_VERSION,
      createdAt: now.toISOString(),
      engine: 'pglite',
      pgVersion: readFileSync(path.join(pgDataDir(dataDir), 'PG_VERSION'), 'utf8').trim(),
      fileCount: db.count + stored.count + (present.includes('pgdata.seal.json') ? 1 : 0),
      storedFileCount: stored.count,
      bytes: db.bytes + stored.bytes,
    };
    // manifest.json goes first, from a one-entry archive (tar's "@archive" input).
    writeFileSync(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const manifestTar = path.join(staging, 'manifest.tar');
    await tar.c({ file: manifestTar, cwd: staging, portable: true }, [MANIFEST_NAME]);
    mkdirSync(path.dirname(out), { recursive: true });
    await tar.c({ file: partial, gzip: true, cwd: dataDir, portable: true }, [`@${manifestTar}`, ...present]);
    renameSync(partial, out);
    return { file: out, manifest, archiveBytes: statSync(out).size };
  } catch (e) {
    try {
      unlinkSync(partial);
    } catch {
      /* nothing written */
    }
    throw new MaintenanceError(`Backup failed / 备份失败: ${(e as Error).message}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    opened.release();
  }
}
