import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import type { Config } from '../config.ts';
import { openConfiguredDatabase } from '../start.ts';
import { acquireDataDirLock, DataDirLockedError } from '../db/data-dir-lock.ts';
import { pgDataDir } from '../db/pglite-check.ts';
import { verifyAuditChain, type VerifyResult } from '../audit/audit-log.ts';
import { APP_VERSION } from '../version.ts';
import { BACKUP_ENTRIES, countFiles, MaintenanceError, MANIFEST_NAME, stamp, type BackupManifest } from './backup-format.ts';

const LOCK_NAME = 'bidflow.lock';

export interface RestoreResult {
  archive: string;
  dataDir: string;
  manifest: BackupManifest;
  audit: VerifyResult;
  storedFiles: number;
  /** where the data that was in DATA_DIR went, or null when there was none */
  movedAside: string | null;
}

function hasDatabase(dataDir: string): boolean {
  const dir = pgDataDir(dataDir);
  return existsSync(dir) && readdirSync(dir).length > 0;
}

function readManifest(staging: string, archive: string): BackupManifest {
  const file = path.join(staging, MANIFEST_NAME);
  if (!existsSync(file)) throw new MaintenanceError(`${archive} is not a Bidflow backup (no ${MANIFEST_NAME}).`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<BackupManifest>;
  if (m.app !== 'bidflow' || m.engine !== 'pglite') {
    throw new MaintenanceError(
      `${archive} is not a Bidflow embedded-database backup (manifest: app=${String(m.app)}, engine=${String(m.engine)}).`,
    );
  }
  if (m.format !== 1)
    throw new MaintenanceError(`${archive} has backup format ${String(m.format)}; Bidflow ${APP_VERSION} reads format 1.`);
  if (!existsSync(path.join(staging, 'pgdata', 'PG_VERSION'))) throw new MaintenanceError(`${archive} holds no database folder (pgdata/).`);
  return m as BackupManifest;
}

function moveEntries(from: string, entries: string[], to: string): string {
  for (const e of entries) renameSync(path.join(from, e), path.join(to, e));
  return to;
}

/** Moves everything but `keep` out of DATA_DIR, next to it; returns where to (null: nothing to move). */
function moveAside(dataDir: string, keep: string[], ts: string): string | null {
  const entries = readdirSync(dataDir).filter((e) => !keep.includes(e));
  const first = entries[0];
  if (first === undefined) return null;
  const outside = `${dataDir}.before-restore-${ts}`;
  mkdirSync(outside);
  try {
    renameSync(path.join(dataDir, first), path.join(outside, first));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    // DATA_DIR is a mount point (e.g. a container volume): keep the old data inside it instead
    rmdirSync(outside);
    const inside = path.join(dataDir, `before-restore-${ts}`);
    mkdirSync(inside);
    return moveEntries(dataDir, entries, inside);
  }
  return moveEntries(dataDir, entries.slice(1), outside);
}

/**
 * Puts a backup written by backupDataDir back into DATA_DIR. The archive is unpacked into a
 * staging folder inside DATA_DIR and opened there first (every table read, audit chain
 * verified); only a backup that passes replaces the current data. Existing data is never
 * deleted: it needs `force`, and is then moved to `<DATA_DIR>.before-restore-<time>`.
 */
export async function restoreDataDir(config: Config, archiveFile: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  if (config.databaseUrl) throw new MaintenanceError('DATABASE_URL is set: restore PostgreSQL with pg_restore.', 2);
  const archive = path.resolve(archiveFile);
  if (!existsSync(archive)) throw new MaintenanceError(`No such file / 文件不存在: ${archive}`);
  const force = opts.force ?? false;
  const dataDir = config.dataDir;

  let release: () => void;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (e) {
    if (e instanceof DataDirLockedError)
      throw new MaintenanceError(`Stop Bidflow before restoring / 恢复前请先停止 Bidflow.\n${e.message}`);
    throw e;
  }
  const ts = stamp(new Date());
  const stagingName = `.restore-${ts}`;
  const staging = path.join(dataDir, stagingName);
  try {
    if (hasDatabase(dataDir) && !force) {
      throw new MaintenanceError(
        [
          `${dataDir} already holds a database; nothing was changed.`,
          `${dataDir} 中已有数据库，未做任何改动。`,
          `To replace it (the current data is moved to ${dataDir}.before-restore-<time>, not deleted):`,
          `如需替换（现有数据会移到 ${dataDir}.before-restore-<时间>，不会删除）:`,
          `  npm run restore -- ${archiveFile} --force`,
        ].join('\n'),
      );
    }
    mkdirSync(staging);
    const allowed = new Set<string>([MANIFEST_NAME, ...BACKUP_ENTRIES]);
    await tar.x({
      file: archive,
      cwd: staging,
      strict: true,
      filter: (p) => allowed.has(p.replace(/^\.\//, '').split('/')[0] ?? ''),
    });
    const manifest = readManifest(staging, archive);

    // Open the unpacked copy where it is: damage or a broken audit chain stops here.
    const opened = await openConfiguredDatabase({ ...config, dataDir: staging }, { mustExist: true }).catch((e: unknown) => {
      throw new MaintenanceError(`The backup does not open; nothing was changed. 备份无法打开，未做任何改动。\n${(e as Error).message}`);
    });
    let audit: VerifyResult;
    try {
      audit = await verifyAuditChain(opened.database.db);
    } finally {
      await opened.close();
    }
    if (!audit.ok && !force) {
      throw new MaintenanceError(
        `The backup's audit chain is BROKEN at entry #${audit.firstBrokenId ?? '?'} (${audit.reason ?? ''}); nothing was changed.\n` +
          `备份的审计链在第 ${audit.firstBrokenId ?? '?'} 条处断裂，未做任何改动。Use --force to restore it anyway.`,
      );
    }

    const movedAside = moveAside(dataDir, [LOCK_NAME, stagingName], ts);
    moveEntries(
      staging,
      BACKUP_ENTRIES.filter((e) => existsSync(path.join(staging, e))),
      dataDir,
    );
    rmSync(staging, { recursive: true, force: true });
    const stored = countFiles(path.join(dataDir, 'files'), (f) => statSync(f).size);
    return { archive, dataDir, manifest, audit, storedFiles: stored.count, movedAside };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (e instanceof MaintenanceError) throw e;
    throw new MaintenanceError(`Restore failed / 恢复失败: ${(e as Error).message}`);
  } finally {
    release();
  }
}
