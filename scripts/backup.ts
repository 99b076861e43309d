/**
 * `npm run backup [-- --out <file>]`: a consistent archive of the embedded database and the
 * stored files. It takes the data-dir lock, so Bidflow must be stopped; it opens the database
 * once (recovering after a crash, reading every table) and closes it cleanly before packing.
 * On PostgreSQL it prints the pg_dump / pg_restore commands instead (exit 2).
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tar from 'tar';
import { loadConfig, type Config } from '../server/config.ts';
import { openConfiguredDatabase, type OpenedDatabase } from '../server/start.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { pgDataDir } from '../server/db/pglite-check.ts';
import { APP_VERSION } from '../server/version.ts';
import { BACKUP_ENTRIES, countFiles, MANIFEST_NAME, postgresBackupHelp, stamp, type BackupManifest } from './backup-format.ts';

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } }, allowPositionals: false });
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
  const now = new Date();
  const out = path.resolve(values.out ?? path.join('backups', `bidflow-${stamp(now)}.tar.gz`));

  let opened: OpenedDatabase;
  try {
    opened = await openConfiguredDatabase(config, { mustExist: true });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`Stop Bidflow before taking a backup / 备份前请先停止 Bidflow.\n${e.message}\n`);
    } else {
      process.stderr.write(`Backup failed / 备份失败: ${(e as Error).message}\n`);
    }
    return 1;
  }
  // Closed cleanly (checkpointed and sealed), still locked: nothing changes while we pack.
  await opened.close({ keepLock: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), 'bidflow-backup-'));
  const partial = `${out}.partial`;
  try {
    const dataDir = config.dataDir;
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
    const archiveSize = statSync(out).size;
    process.stdout.write(
      [
        `Backup written / 备份已写入: ${out}`,
        `  ${manifest.fileCount} files (${mb(manifest.bytes)} → ${mb(archiveSize)} compressed), ${stored.count} stored documents, Bidflow ${APP_VERSION}`,
        `  Restore with / 恢复命令: npm run restore -- ${displayPath(out)}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    try {
      unlinkSync(partial);
    } catch {
      /* nothing written */
    }
    process.stderr.write(`Backup failed / 备份失败: ${(e as Error).message}\n`);
    return 1;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    opened.release();
  }
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

process.exit(await run());
