/**
 * `npm run demo`: a fresh database in ./data-demo (DATA_DIR to change) filled with a demo
 * company, then the normal server on it. Every run starts from scratch.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { acquireDataDirLock } from '../server/db/data-dir-lock.ts';
import { pgDataDir } from '../server/db/pglite-check.ts';
import { bootstrap } from '../server/commands/bootstrap.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoCompany } from '../server/seed/demo-company.ts';

const DEMO_ADMIN_PASSWORD = 'Admin@2026';
const dataDir = path.resolve(process.env.DATA_DIR ?? './data-demo');
if (process.env.DATABASE_URL) {
  process.stderr.write('npm run demo always uses a fresh embedded database; unset DATABASE_URL.\n');
  process.exit(2);
}
const config = loadConfig({ ...process.env, DATA_DIR: dataDir });

const release = acquireDataDirLock(dataDir);
rmSync(pgDataDir(dataDir), { recursive: true, force: true });
rmSync(path.join(dataDir, 'files'), { recursive: true, force: true });
const database = await openDatabase({ dataDir: pgDataDir(dataDir) });
const now = new Date();
await bootstrap(database.db, now, DEMO_ADMIN_PASSWORD);
await seedDemoCompany(database.db, config, now);
await database.close();
release();

process.stdout.write(`\nDemo company ready in ${dataDir}\n  admin / ${DEMO_ADMIN_PASSWORD}\n`);
for (const [username, name, dept] of DEMO_USERS) process.stdout.write(`  ${username.padEnd(10)} / ${DEMO_PASSWORD}  ${name}（${dept}）\n`);

const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
