import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * What a Bidflow backup archive (.tar.gz) holds: `manifest.json` first, then the embedded
 * database folder `pgdata/`, its seal `pgdata.seal.json`, and the stored files `files/`.
 */
export interface BackupManifest {
  app: 'bidflow';
  format: 1;
  version: string;
  createdAt: string;
  engine: 'pglite';
  /** PostgreSQL major version of the cluster (pgdata/PG_VERSION) */
  pgVersion: string;
  /** regular files in the archive besides manifest.json */
  fileCount: number;
  /** of which under files/ (stored documents) */
  storedFileCount: number;
  bytes: number;
}

/** A refusal or failure to show the operator as is; `exitCode` for the command line. */
export class MaintenanceError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Top-level entries of DATA_DIR that a backup carries and a restore puts back. */
export const BACKUP_ENTRIES = ['pgdata', 'pgdata.seal.json', 'files'] as const;
export const MANIFEST_NAME = 'manifest.json';

/** Files under `dir` (recursively), counted with their total size. */
export function countFiles(dir: string, statSize: (file: string) => number): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { count, bytes };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        count++;
        bytes += statSize(p);
      }
    }
  };
  walk(dir);
  return { count, bytes };
}

/** Local time as YYYYMMDD-HHmmss, for file names. */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function postgresBackupHelp(): string {
  return [
    'DATABASE_URL is set: Bidflow runs on PostgreSQL, which you back up with its own tools.',
    '已设置 DATABASE_URL：数据库为 PostgreSQL，请使用 PostgreSQL 自带工具备份与恢复。',
    '  Backup / 备份:   pg_dump -Fc -d "$DATABASE_URL" -f bidflow-$(date +%Y%m%d-%H%M%S).dump',
    '  Restore / 恢复:  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" <file.dump>',
    '                  (into an empty database: createdb <name> && pg_restore --no-owner -d <url> <file.dump>)',
    '  Stored files / 附件: also copy the folder DATA_DIR/files (e.g. tar czf files.tar.gz -C "$DATA_DIR" files).',
    '  Then check the audit chain / 然后校验审计链: npm run audit:verify',
  ].join('\n');
}
