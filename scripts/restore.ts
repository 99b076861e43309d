/**
 * `npm run restore -- <backup.tar.gz> [--force]`: puts a backup written by `npm run backup`
 * back into DATA_DIR. The archive is unpacked into a staging folder inside DATA_DIR and opened
 * there first (every table read, audit chain verified); only a backup that passes replaces the
 * current data. Existing data is never deleted: with --force it is moved to
 * `<DATA_DIR>.before-restore-<time>`. Holds the data-dir lock, so Bidflow must be stopped.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tar from 'tar';
import { loadConfig, type Config } from '../server/config.ts';
import { openConfiguredDatabase } from '../server/start.ts';
import { acquireDataDirLock, DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { pgDataDir } from '../server/db/pglite-check.ts';
import { verifyAuditChain } from '../server/audit/audit-log.ts';
import { APP_VERSION } from '../server/version.ts';
import { BACKUP_ENTRIES, countFiles, MANIFEST_NAME, postgresBackupHelp, stamp, type BackupManifest } from './backup-format.ts';

const USAGE = 'Usage / 用法: npm run restore -- <backup-file.tar.gz> [--force]';
const LOCK_NAME = 'bidflow.lock';

class RestoreError extends Error {}

function hasDatabase(dataDir: string): boolean {
  const dir = pgDataDir(dataDir);
  return existsSync(dir) && readdirSync(dir).length > 0;
}

function readManifest(staging: string, archive: string): BackupManifest {
  const file = path.join(staging, MANIFEST_NAME);
  if (!existsSync(file)) throw new RestoreError(`${archive} is not a Bidflow backup (no ${MANIFEST_NAME}).`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<BackupManifest>;
  if (m.app !== 'bidflow' || m.engine !== 'pglite') {
    throw new RestoreError(`${archive} is not a Bidflow embedded-database backup (manifest: app=${String(m.app)}, engine=${String(m.engine)}).`);
  }
  if (m.format !== 1) throw new RestoreError(`${archive} has backup format ${String(m.format)}; this Bidflow ${APP_VERSION} reads format 1.`);
  if (!existsSync(path.join(staging, 'pgdata', 'PG_VERSION'))) throw new RestoreError(`${archive} holds no database folder (pgdata/).`);
  return m as BackupManifest;
}

/** Moves everything but the lock and the staging folder out of DATA_DIR; returns where to. */
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

function moveEntries(from: string, entries: string[], to: string): string {
  for (const e of entries) renameSync(path.join(from, e), path.join(to, e));
  return to;
}

async function run(): Promise<number> {
  let archiveArg: string | undefined;
  let force = false;
  try {
    const { values, positionals } = parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true });
    archiveArg = positionals[0];
    force = values.force ?? false;
    if (positionals.length !== 1) throw new Error('one backup file expected');
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 1;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  if (config.databaseUrl) {
    process.stdout.write(`${postgresBackupHelp()}\n`);
    return 2;
  }
  const archive = path.resolve(archiveArg ?? '');
  if (!existsSync(archive)) {
    process.stderr.write(`No such file / 文件不存在: ${archive}\n${USAGE}\n`);
    return 1;
  }
  const dataDir = config.dataDir;

  let release: () => void;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`Stop Bidflow before restoring / 恢复前请先停止 Bidflow.\n${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const ts = stamp(new Date());
  const stagingName = `.restore-${ts}`;
  const staging = path.join(dataDir, stagingName);
  try {
    if (hasDatabase(dataDir) && !force) {
      throw new RestoreError(
        [
          `${dataDir} already holds a database; nothing was changed.`,
          `${dataDir} 中已有数据库，未做任何改动。`,
          `To replace it (the current data is moved to ${dataDir}.before-restore-<time>, not deleted):`,
          `如需替换（现有数据会移到 ${dataDir}.before-restore-<时间>，不会删除）:`,
          `  npm run restore -- ${archiveArg ?? '<file>'} --force`,
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
      throw new RestoreError(`The backup does not open; nothing was changed. 备份无法打开，未做任何改动。\n${(e as Error).message}`);
    });
    let audit;
    try {
      audit = await verifyAuditChain(opened.database.db);
    } finally {
      await opened.close();
    }
    if (!audit.ok && !force) {
      throw new RestoreError(
        `The backup's audit chain is BROKEN at entry #${audit.firstBrokenId ?? '?'} (${audit.reason ?? ''}); nothing was changed.\n` +
          `备份的审计链在第 ${audit.firstBrokenId ?? '?'} 条处断裂，未做任何改动。Use --force to restore it anyway.`,
      );
    }

    const aside = moveAside(dataDir, [LOCK_NAME, stagingName], ts);
    const restored = BACKUP_ENTRIES.filter((e) => existsSync(path.join(staging, e)));
    moveEntries(staging, restored, dataDir);
    rmSync(staging, { recursive: true, force: true });
    const stored = countFiles(path.join(dataDir, 'files'), (f) => statSync(f).size);
    process.stdout.write(
      [
        `Restored / 已恢复: ${archive}`,
        `  backup of Bidflow ${manifest.version} taken ${manifest.createdAt}; ${manifest.fileCount} files, ${stored.count} stored documents`,
        `  into DATA_DIR ${dataDir}`,
        audit.ok
          ? `  audit chain / 审计链: OK, ${audit.checked} entries verified`
          : `  WARNING audit chain / 审计链: BROKEN at entry #${audit.firstBrokenId ?? '?'}: ${audit.reason ?? ''} (restored because of --force)`,
        aside ? `  previous data moved to / 原数据已移至: ${aside}` : '  (DATA_DIR held no previous data)',
        manifest.version !== APP_VERSION ? `  note: backup from ${manifest.version}, this is ${APP_VERSION}; start applies any newer migrations.` : '',
        '  Start Bidflow / 启动: npm start',
        '',
      ]
        .filter((l) => l !== '')
        .join('\n') + '\n',
    );
    return 0;
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    process.stderr.write(`${e instanceof RestoreError ? '' : 'Restore failed / 恢复失败: '}${(e as Error).message}\n`);
    return 1;
  } finally {
    release();
  }
}

process.exit(await run());
