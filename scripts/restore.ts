/**
 * `npm run restore -- <backup.tar.gz> [--force]`: puts a backup written by `npm run backup`
 * back into DATA_DIR after checking that it opens and its audit chain verifies. Existing data
 * is never deleted: --force moves it to `<DATA_DIR>.before-restore-<time>`. Bidflow must be
 * stopped. On PostgreSQL it prints the pg_restore commands instead (exit 2).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { restoreDataDir } from '../server/maintenance/restore.ts';
import { MaintenanceError, postgresBackupHelp } from '../server/maintenance/backup-format.ts';
import { APP_VERSION } from '../server/version.ts';

const USAGE = 'Usage / 用法: npm run restore -- <backup-file.tar.gz> [--force]';

async function run(): Promise<number> {
  let archive: string;
  let force: boolean;
  try {
    const { values, positionals } = parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 1 || positionals[0] === undefined) throw new Error('Name one backup file.');
    archive = positionals[0];
    force = values.force ?? false;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 1;
  }
  try {
    const config = loadConfig();
    if (config.databaseUrl) {
      process.stdout.write(`${postgresBackupHelp()}\n`);
      return 2;
    }
    const r = await restoreDataDir(config, archive, { force });
    const lines = [
      `Restored / 已恢复: ${r.archive}`,
      `  backup of Bidflow ${r.manifest.version} taken ${r.manifest.createdAt}; ${r.manifest.fileCount} files, ${r.storedFiles} stored documents`,
      `  into DATA_DIR ${r.dataDir}`,
      r.audit.ok
        ? `  audit chain / 审计链: OK, ${r.audit.checked} entries verified`
        : `  WARNING audit chain / 审计链: BROKEN at entry #${r.audit.firstBrokenId ?? '?'}: ${r.audit.reason ?? ''} (restored because of --force)`,
      r.movedAside ? `  previous data moved to / 原数据已移至: ${r.movedAside}` : '  (DATA_DIR held no previous data)',
    ];
    if (r.manifest.version !== APP_VERSION) {
      lines.push(
        `  note: the backup is from Bidflow ${r.manifest.version}, this is ${APP_VERSION}; the next start applies newer migrations.`,
      );
    }
    lines.push('  Start Bidflow / 启动: npm start', '');
    process.stdout.write(lines.join('\n'));
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return e instanceof MaintenanceError ? e.exitCode : 1;
  }
}

process.exit(await run());
