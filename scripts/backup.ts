/**
 * `npm run backup [-- --out <file>]`: archive of the embedded database and the stored files
 * (default ./backups/bidflow-YYYYMMDD-HHmmss.tar.gz). Bidflow must be stopped (the data-dir
 * lock says so). On PostgreSQL it prints the pg_dump / pg_restore commands instead (exit 2).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { backupDataDir } from '../server/maintenance/backup.ts';
import { MaintenanceError, postgresBackupHelp } from '../server/maintenance/backup-format.ts';

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function run(): Promise<number> {
  try {
    const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
    const config = loadConfig();
    if (config.databaseUrl) {
      process.stdout.write(`${postgresBackupHelp()}\n`);
      return 2;
    }
    const { file, manifest: m, archiveBytes } = await backupDataDir(config, { out: values.out });
    process.stdout.write(
      [
        `Backup written / 备份已写入: ${file}`,
        `  ${m.fileCount} files (${mb(m.bytes)} → ${mb(archiveBytes)} compressed), ${m.storedFileCount} stored documents, Bidflow ${m.version}`,
        `  Restore with / 恢复命令: npm run restore -- ${displayPath(file)}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return e instanceof MaintenanceError ? e.exitCode : 1;
  }
}

process.exit(await run());
