import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../core/crm/credit-code.ts';
import { rowsOf } from '../../db/client.ts';
import { customers } from '../../db/schema.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from '../../test-support/fixtures.ts';
import { testEngine } from '../../test-support/test-db.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/**
 * Regressions found in review of the customer module: phone digits searchable without
 * `contact.phone`, control characters (NUL) reaching PostgreSQL, a malformed timeline cursor, and
 * a unique violation from a concurrent save answered with a 500.
 */

const code = (n: number, prefix = '91330106MA') => {
  const first = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`;
  return `${first}${creditCodeCheckChar(first) ?? ''}`;
};

let t: TestApp;
let org: OrgFixture;
let mm: string;
let am: string;
let assistant: string;
let customerId = '';
let contactId = '';

async function workbook(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function xlsxRows(body: Buffer | string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof body === 'string' ? Buffer.from(body, 'binary') : body) as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  mm = org.users.mm?.cookie ?? '';
  am = org.users.am?.cookie ?? '';
  await createUserViaApi(t, org.adminCookie, {
    username: 'asst', displayName: '孙助理', departmentId: org.depts.market, roleIds: [org.roleIds.marketing_assistant ?? ''],
  });
  assistant = await loginAndActivate(t, 'asst');
  const c = await t.call('POST', '/api/customers', { cookie: mm, body: { name: '嘉兴市水利局', creditCode: code(1, '11330400MB') } });
  customerId = c.json().id;
  const ct = await t.call('POST', '/api/contacts', { cookie: mm, body: { customerId, name: '钱工', title: '信息科', phone: '139-1234-5678', wechat: 'qian_jx' } });
  contactId = ct.json().id;
}, 180_000);
afterAll(async () => {
  await t.close();
});

const get = (cookie: string, url: string) => t.call('GET', url, { cookie });
const post = (cookie: string, url: string, body: unknown) => t.call('POST', url, { cookie, body });

describe('phone digits are searchable only with contact.phone', () => {
  it('search, the contact list and its export find a contact by phone only for readers who may see the number', async () => {
    // the marketing assistant (本部门, no contact.phone) sees the customer and the contact…
    const byName = (await get(assistant, '/api/search?q=钱工')).json();
    expect(byName.contacts).toHaveLength(1);
    expect(byName.contacts[0].subtitle).toBe('嘉兴市水利局 · 139-****-5678');
    // …but cannot confirm the full number (or any part of it) by searching for it
    for (const q of ['13912345678', '139 1234 5678', '12345678', '5678']) {
      expect((await get(assistant, `/api/search?q=${encodeURIComponent(q)}`)).json().contacts, q).toEqual([]);
      expect((await get(assistant, `/api/contacts?q=${encodeURIComponent(q)}`)).json().total, q).toBe(0);
    }
    const exp = await xlsxRows((await get(assistant, '/api/contacts/export.xlsx?q=13912345678')).rawPayload);
    expect(exp).toHaveLength(1);
    // the other fields stay searchable
    expect((await get(assistant, '/api/contacts?q=qian')).json().total).toBe(1);
    // the marketing manager holds contact.phone: found by the number
    expect((await get(mm, '/api/search?q=13912345678')).json().contacts[0]).toMatchObject({ id: contactId, subtitle: '嘉兴市水利局 · 139-1234-5678' });
    expect((await get(mm, '/api/contacts?q=5678')).json().total).toBe(1);
    expect((await xlsxRows((await get(mm, '/api/contacts/export.xlsx?q=5678')).rawPayload))[1]?.[4]).toBe('139-1234-5678');
  });
});

describe('bad input is a 400 or is cleaned, never a 500', () => {
  it('drops control characters (PostgreSQL refuses NUL) from fields, search terms and import files', async () => {
    const c = await post(mm, '/api/customers', { name: '湖州市\u0000档案馆', address: 'a\u0000b', notes: '第一行\n第二行\u0007' });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ name: '湖州市档案馆', address: 'ab', notes: '第一行\n第二行' });
    for (const url of ['/api/search?q=%00', '/api/customers?q=%00', '/api/contacts?q=%00', '/api/partners?q=%00']) {
      expect((await get(mm, url)).statusCode, url).toBe(200);
    }
    expect((await post(mm, '/api/customers/duplicates', { name: '湖州市\u0000档案馆' })).json().matches[0]).toMatchObject({ name: '湖州市档案馆' });
    const patched = await t.call('PATCH', `/api/contacts/${contactId}`, {
      cookie: mm, body: { version: (await get(mm, `/api/contacts/${contactId}`)).json().version, title: '\u0000信息科科长' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().title).toBe('信息科科长');

    // an .xlsx whose shared string holds `_x0000_` (Excel's escape, decoded to NUL by the reader)
    const zip = await JSZip.loadAsync(await workbook(['所属客户', '姓名', '职务'], [['嘉兴市水利局', '孙PLACEHOLDER', '']]));
    const strings = zip.file('xl/sharedStrings.xml');
    expect(strings).not.toBeNull();
    zip.file('xl/sharedStrings.xml', (await strings?.async('string') ?? '').replace('PLACEHOLDER', '_x0000_工'));
    const file = { fileName: '联系人\u0000.xlsx', contentBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') };
    const preview = await post(mm, '/api/contacts/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ validRows: 1, rows: [{ values: { name: '孙工' } }] });
    const commit = await post(mm, '/api/contacts/import/commit', { ...file, mode: 'all_or_nothing' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect((await get(mm, '/api/contacts?q=孙工')).json().items[0]).toMatchObject({ name: '孙工', customerName: '嘉兴市水利局' });
  });

  it('refuses a malformed timeline cursor with 400', async () => {
    for (const before of ['2026-01-01T00:00:00.000Z_99999999999999999999999', '2026-13-45T00:00:00.000Z_1', '2026-01-01T99:99:99Z_1', 'x_1']) {
      const res = await get(mm, `/api/customers/${customerId}/timeline?before=${encodeURIComponent(before)}`);
      expect(res.statusCode, before).toBe(400);
      expect(Object.keys(res.json().details.fields)).toEqual(['querystring.before']);
    }
    const page = (await get(mm, `/api/customers/${customerId}/timeline?limit=1`)).json();
    expect(page.nextBefore).toMatch(/Z_\d+$/);
    expect((await get(mm, `/api/customers/${customerId}/timeline?limit=1&before=${encodeURIComponent(page.nextBefore)}`)).statusCode).toBe(200);
  });

  it('writes the status change on the timeline with both statuses, and never lets an owner be set without customer.transfer', async () => {
    const cur = (await get(mm, `/api/customers/${customerId}`)).json();
    await t.call('PATCH', `/api/customers/${customerId}`, { cookie: mm, body: { version: cur.version, status: 'cooperating' } });
    const tl = (await get(mm, `/api/customers/${customerId}/timeline`)).json();
    expect(tl.items[0]).toMatchObject({ kind: 'customer.status', title: '客户状态：潜在客户 → 合作中' });
    // account managers hold no customer.transfer: no other owner, and a department is not theirs to pick
    expect((await post(am, '/api/customers', { name: '绍兴市某某中学', ownerUserId: org.users.mm?.id })).statusCode).toBe(403);
    const own = await post(am, '/api/customers', { name: '绍兴市某某中学', departmentId: org.depts.engineering, ownerUserId: org.users.am?.id });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ ownerUserId: org.users.am?.id, departmentId: org.depts.marketEast });
  });
});

describe('a unique violation from a concurrent save', () => {
  it('answers 409 conflict_duplicate for a create and an import, never a 500', async () => {
    const db = t.database.db;
    if (testEngine() !== 'postgres') {
      // PGlite runs one transaction at a time, so the race cannot happen there; the index still holds
      const dup = await db.insert(customers).values({ name: '重复', nameKey: '重复', creditCode: code(1, '11330400MB') }).then(() => null, (e: unknown) => e);
      expect(dup).not.toBeNull();
      return;
    }
    // hold an uncommitted customer with the code, let the request pass its duplicate check and
    // wait on the unique index, then commit: the request's insert fails with 23505
    const race = async (creditCode: string, request: () => Promise<{ statusCode: number; body: string; json(): { code: string; message: string } }>) => {
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let inserted = () => {};
      const insertedP = new Promise<void>((r) => {
        inserted = r;
      });
      const tx = db.transaction(async (x) => {
        await x.insert(customers).values({ name: `并发占用${creditCode}`, nameKey: `并发占用${creditCode}`, creditCode });
        inserted();
        await held;
      });
      await insertedP;
      const pending = request();
      for (let i = 0; i < 200; i++) {
        const waiting = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`));
        if ((waiting[0]?.n ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      release();
      await tx;
      return pending;
    };
    const created = await race(code(2, '11330400MB'), () => post(mm, '/api/customers', { name: '舟山市港航局', creditCode: code(2, '11330400MB') }));
    expect(created.statusCode, created.body).toBe(409);
    expect(created.json()).toMatchObject({ code: 'conflict_duplicate', message: '该统一社会信用代码已存在' });
    const file = { fileName: '客户.xlsx', contentBase64: (await workbook(['客户名称', '统一社会信用代码'], [['丽水市气象局', code(3, '11330400MB')]])).toString('base64') };
    const imported = await race(code(3, '11330400MB'), () => post(mm, '/api/customers/import/commit', { ...file, mode: 'all_or_nothing' }));
    expect(imported.statusCode, imported.body).toBe(409);
    expect(imported.json()).toMatchObject({ code: 'conflict_duplicate', message: '文件中的统一社会信用代码已存在' });
    expect((await get(mm, '/api/customers?q=丽水市气象局')).json().total).toBe(0);
  });
});

describe('editing a partner', () => {
  it('renames it (search follows), refuses a stale version and a credit code another partner holds', async () => {
    const a = await t.call('POST', '/api/partners', { cookie: mm, body: { name: '宁波甬安系统集成有限公司', kind: 'channel', creditCode: code(31) } });
    const b = await t.call('POST', '/api/partners', { cookie: mm, body: { name: '温州瓯江安防工程有限公司', kind: 'dealer', creditCode: code(32) } });
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    const id = a.json().id as string;
    const v1 = (await t.call('GET', `/api/partners/${id}`, { cookie: mm })).json().version as number;
    const renamed = await t.call('PATCH', `/api/partners/${id}`, { cookie: mm, body: { version: v1, name: '宁波甬安智能科技有限公司' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const found = (await t.call('GET', '/api/search?q=甬安智能', { cookie: mm })).json().partners as Array<{ id: string }>;
    expect(found.map((p) => p.id)).toEqual([id]);
    const stale = await t.call('PATCH', `/api/partners/${id}`, { cookie: mm, body: { version: v1, notes: '旧版本' } });
    expect(stale.statusCode).toBe(409);
    const v2 = (await t.call('GET', `/api/partners/${id}`, { cookie: mm })).json().version as number;
    expect(v2).toBe(v1 + 1);
    const taken = await t.call('PATCH', `/api/partners/${id}`, { cookie: mm, body: { version: v2, creditCode: code(32) } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details.confirmable).toBe(false);
  });
});
