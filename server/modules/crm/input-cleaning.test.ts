import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmFixture, workbook } from './crm-test-fixture.ts';
import type { TestApp } from '../../test-support/test-app.ts';
import type { OrgFixture } from '../../test-support/fixtures.ts';

/**
 * Bad input to the customer endpoints is a 400 or is cleaned, never a 500: control characters
 * (NUL) in fields, search terms and import files, a malformed timeline cursor; and the status
 * change and owner rules that came with them.
 */

let t: TestApp;
let org: OrgFixture;
let mm: string;
let am: string;
let customerId = '';
let contactId = '';

beforeAll(async () => {
  ({ t, org, mm, am, customerId, contactId } = await crmFixture());
}, 180_000);
afterAll(async () => {
  await t.close();
});

const get = (cookie: string, url: string) => t.call('GET', url, { cookie });
const post = (cookie: string, url: string, body: unknown) => t.call('POST', url, { cookie, body });

describe('bad input is a 400 or is cleaned, never a 500', () => {
  it('drops control characters (PostgreSQL refuses NUL) from fields, search terms and import files', async () => {
    const c = await post(mm, '/api/customers', { name: '湖州市\u0000档案馆', address: 'a\u0000b', notes: '第一行\n第二行\u0007' });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ name: '湖州市档案馆', address: 'ab', notes: '第一行\n第二行' });
    for (const url of ['/api/search?q=%00', '/api/customers?q=%00', '/api/contacts?q=%00', '/api/partners?q=%00']) {
      expect((await get(mm, url)).statusCode, url).toBe(200);
    }
    expect((await post(mm, '/api/customers/duplicates', { name: '湖州市\u0000档案馆' })).json().matches[0]).toMatchObject({
      name: '湖州市档案馆',
    });
    const patched = await t.call('PATCH', `/api/contacts/${contactId}`, {
      cookie: mm,
      body: { version: (await get(mm, `/api/contacts/${contactId}`)).json().version, title: '\u0000信息科科长' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().title).toBe('信息科科长');

    // an .xlsx whose shared string holds `_x0000_` (Excel's escape, decoded to NUL by the reader)
    const zip = await JSZip.loadAsync(await workbook(['所属客户', '姓名', '职务'], [['嘉兴市水利局', '孙PLACEHOLDER', '']]));
    const strings = zip.file('xl/sharedStrings.xml');
    expect(strings).not.toBeNull();
    zip.file('xl/sharedStrings.xml', ((await strings?.async('string')) ?? '').replace('PLACEHOLDER', '_x0000_工'));
    const file = { fileName: '联系人\u0000.xlsx', contentBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') };
    const preview = await post(mm, '/api/contacts/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ validRows: 1, rows: [{ values: { name: '孙工' } }] });
    const commit = await post(mm, '/api/contacts/import/commit', { ...file, mode: 'all_or_nothing' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect((await get(mm, '/api/contacts?q=孙工')).json().items[0]).toMatchObject({ name: '孙工', customerName: '嘉兴市水利局' });
  });

  it('refuses a malformed timeline cursor with 400', async () => {
    for (const before of [
      '2026-01-01T00:00:00.000Z_99999999999999999999999',
      '2026-13-45T00:00:00.000Z_1',
      '2026-01-01T99:99:99Z_1',
      'x_1',
    ]) {
      const res = await get(mm, `/api/customers/${customerId}/timeline?before=${encodeURIComponent(before)}`);
      expect(res.statusCode, before).toBe(400);
      expect(Object.keys(res.json().details.fields)).toEqual(['querystring.before']);
    }
    const page = (await get(mm, `/api/customers/${customerId}/timeline?limit=1`)).json();
    expect(page.nextBefore).toMatch(/Z_\d+$/);
    expect((await get(mm, `/api/customers/${customerId}/timeline?limit=1&before=${encodeURIComponent(page.nextBefore)}`)).statusCode).toBe(
      200,
    );
  });

  it('writes the status change on the timeline with both statuses, and never lets an owner be set without customer.transfer', async () => {
    const cur = (await get(mm, `/api/customers/${customerId}`)).json();
    await t.call('PATCH', `/api/customers/${customerId}`, { cookie: mm, body: { version: cur.version, status: 'cooperating' } });
    const tl = (await get(mm, `/api/customers/${customerId}/timeline`)).json();
    expect(tl.items[0]).toMatchObject({ kind: 'customer.status', title: '客户状态：潜在客户 → 合作中' });
    // account managers hold no customer.transfer: no other owner, and a department is not theirs to pick
    expect((await post(am, '/api/customers', { name: '绍兴市某某中学', ownerUserId: org.users.mm?.id })).statusCode).toBe(403);
    const own = await post(am, '/api/customers', {
      name: '绍兴市某某中学',
      departmentId: org.depts.engineering,
      ownerUserId: org.users.am?.id,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ ownerUserId: org.users.am?.id, departmentId: org.depts.marketEast });
  });
});
