import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.ts';
import { NoDatabaseError, openConfiguredDatabase } from '../server/start.ts';
import { rowsOf } from '../server/db/client.ts';
import { verifyAuditChain } from '../server/audit/audit-log.ts';
import { engineEnabled, removeTempDir, runToExit, seededDataDir, tempDir } from '../server/test-support/spawn-server.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempDir));

/** `npm run audit:verify` on the embedded database (the happy path runs in the SIGKILL test). */
describe.skipIf(!engineEnabled('pglite'))('audit:verify', () => {
  it('names the first tampered entry and exits 1', async () => {
    const { dataDir } = await seededDataDir();
    dirs.push(dataDir);
    // Someone with database access edits a row behind the append-only trigger's back.
    const opened = await openConfiguredDatabase(loadConfig({ DATA_DIR: dataDir }), { mustExist: true });
    expect((await verifyAuditChain(opened.database.db)).ok).toBe(true);
    await opened.database.exec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET detail = 'edited' WHERE id = (SELECT min(id) FROM audit_log);
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const [first] = rowsOf<{ id: number }>(await opened.database.db.execute(sql`SELECT min(id) AS id FROM audit_log`));
    await opened.close();

    const broken = await runToExit({ DATA_DIR: dataDir }, { script: 'scripts/audit-verify.ts' });
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`BROKEN at entry #${String(first?.id ?? 1)}: row content does not match its hash`);
  }, 60_000);

  it('refuses a DATA_DIR without a database instead of creating one', async () => {
    const empty = tempDir();
    dirs.push(empty);
    await expect(openConfiguredDatabase(loadConfig({ DATA_DIR: empty }), { mustExist: true })).rejects.toThrow(NoDatabaseError);
  });
});
