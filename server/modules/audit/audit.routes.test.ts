import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../../test-support/test-app.ts';
import { verifyAuditChain } from '../../audit/audit-log.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.call('POST', '/api/auth/login', { body: { username: 'admin', password: 'wrong-one' } });
  admin = await t.login('admin', ADMIN_PASSWORD);
  for (const name of ['市场部', '工程部', '采购部']) {
    await t.call('POST', '/api/departments', { cookie: admin, body: { name } });
  }
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('audit log', () => {
  it('records logins (success and failure) and changes, newest first, filterable', async () => {
    const all = (await t.call('GET', '/api/audit?pageSize=100', { cookie: admin })).json();
    const actions = all.items.map((i: { action: string; result: string }) => `${i.action}:${i.result}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login:failure',
        'auth.login:success',
        'department.create:success',
        'role.seed:success',
        'user.create:success',
      ]),
    );
    expect(all.items[0].id).toBeGreaterThan(all.items[all.items.length - 1].id);
    const failures = (await t.call('GET', '/api/audit?result=failure', { cookie: admin })).json();
    expect(failures.items.every((i: { result: string }) => i.result === 'failure')).toBe(true);
    expect(failures.items[0].ip).toBeTruthy();
    const depts = (await t.call('GET', '/api/audit?entityType=department', { cookie: admin })).json();
    expect(depts.total).toBe(3);
    const future = (await t.call('GET', `/api/audit?from=${encodeURIComponent('2999-01-01T00:00:00+08:00')}`, { cookie: admin })).json();
    expect(future.total).toBe(0);
  });

  it('exports the filtered log to .xlsx, read back by exceljs, and audits the export', async () => {
    const res = await t.call('GET', '/api/audit/export.xlsx?entityType=department', { cookie: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志');
    expect(ws).toBeDefined();
    expect(ws?.getRow(1).getCell(2).value).toBe('时间（北京时间）');
    expect(ws?.rowCount).toBe(4);
    const actions = [2, 3, 4].map((r) => ws?.getRow(r).getCell(6).value);
    expect(actions).toEqual(['department.create', 'department.create', 'department.create']);
    expect(String(ws?.getRow(2).getCell(2).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const exp = (await t.call('GET', '/api/audit?action=audit.export', { cookie: admin })).json();
    expect(exp.total).toBe(1);
  });

  it('the database itself refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(t.database.exec(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.database.exec(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.database.exec(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('verifies the hash chain and reports the first broken link after tampering', async () => {
    const ok = (await t.call('GET', '/api/audit/verify', { cookie: admin })).json();
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(5);
    // an attacker with owner rights disables the trigger and edits a row
    const rows = await t.database.db.execute(sql`SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 3`);
    const victim = (rows as unknown as { rows: Array<{ id: number }> }).rows[0]?.id;
    await t.database.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET detail = 'nothing happened' WHERE id = ${Number(victim)};
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const broken = await verifyAuditChain(t.database.db);
    expect(broken.ok).toBe(false);
    expect(broken.firstBrokenId).toBe(Number(victim));
    const viaApi = (await t.call('GET', '/api/audit/verify', { cookie: admin })).json();
    expect(viaApi.firstBrokenId).toBe(Number(victim));
  });
});
