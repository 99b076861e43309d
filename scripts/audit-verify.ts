/**
 * `npm run audit:verify`: walks the whole audit chain of the configured database and reports
 * the first row whose link or content hash is wrong. Exit 0 = intact, 1 = broken or cannot
 * check. On the embedded database it takes the data-dir lock, so it refuses while the app runs.
 */
import { loadConfig } from '../server/config.ts';
import { openConfiguredDatabase } from '../server/start.ts';
import { verifyAuditChain } from '../server/audit/audit-log.ts';

async function run(): Promise<number> {
  let opened;
  try {
    opened = await openConfiguredDatabase(loadConfig(), { mustExist: true });
  } catch (e) {
    process.stderr.write(`Cannot verify the audit log: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const result = await verifyAuditChain(opened.database.db);
    if (result.ok) {
      process.stdout.write(`OK: ${result.checked} entries verified\n`);
      return 0;
    }
    process.stdout.write(
      `BROKEN at entry #${result.firstBrokenId ?? '?'}: ${result.reason ?? 'unknown'} (${result.checked} entries before it verified)\n`,
    );
    return 1;
  } finally {
    await opened.close();
  }
}

process.exit(await run());
