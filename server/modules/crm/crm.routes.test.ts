import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../core/crm/credit-code.ts';
import { auditLog, notifications } from '../../db/schema.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/** A valid credit code (our own check character) with a serial number, e.g. code(1) → 91330106MA00000011…. */
const code = (n: number, prefix = '91330106MA') => {
  const first = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`;
  return `${first}${creditCodeCheckChar(first) ?? ''}`;
};

let t: TestApp;
let org: OrgFixture;
let am: string;
let am2: string;
let am2Id: string;
let mm: string;
let assistant: string;
let gm: string;

async function xlsxRows(body: Buffer | string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof body === 'string' ? Buffer.from(body, 'binary') : body) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: unknown[][] = [];
  ws?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function fileOf(header: string[], rows: unknown[][]): Promise<{ fileName: string; contentBase64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return { fileName: '客户导入.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  am = org.users.am?.cookie ?? '';
  mm = org.users.mm?.cookie ?? '';
  gm = org.users.gm?.cookie ?? '';
  am2Id = await createUserViaApi(t, org.adminCookie, {
    username: 'am2',
    displayName: '刘客户经理',
    departmentId: org.depts.marketEast,
    roleIds: [org.roleIds.account_manager ?? ''],
  });
  am2 = await loginAndActivate(t, 'am2');
  await createUserViaApi(t, org.adminCookie, {
    username: 'asst',
    displayName: '孙助理',
    departmentId: org.depts.marketEast,
    roleIds: [org.roleIds.marketing_assistant ?? ''],
  });
  assistant = await loginAndActivate(t, 'asst');
}, 180_000);
afterAll(async () => {
  await t.close();
});

const post = (cookie: string, url: string, body: unknown) => t.call('POST', url, { cookie, body });
const get = (cookie: string, url: string) => t.call('GET', url, { cookie });

describe('customers', () => {
  let id = '';
  let version = 1;

  it('creates, reads, lists and edits a customer; stale versions are refused', async () => {
    const res = await post(am, '/api/customers', {
      name: '杭州市公安局',
      creditCode: code(1, '11330100MB'),
      industry: 'public_security',
      level: 'A',
      source: 'prospecting',
      address: '杭州市上城区',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    id = c.id;
    expect(c).toMatchObject({
      name: '杭州市公安局',
      province: 'zhejiang',
      region: 'east',
      status: 'potential',
      ownerName: '张客户经理',
      version: 1,
    });
    expect(c.can).toEqual({ edit: true, transfer: false, share: true });
    expect((await get(am, `/api/customers/${id}`)).json().name).toBe('杭州市公安局');
    const list = (await get(am, '/api/customers?q=公安&sort=-updatedAt')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(id);
    const patched = await t.call('PATCH', `/api/customers/${id}`, {
      cookie: am,
      body: { version: 1, status: 'following', province: 'jiangsu' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'following', province: 'jiangsu', region: 'east', version: 2 });
    version = 2;
    const stale = await t.call('PATCH', `/api/customers/${id}`, { cookie: am, body: { version: 1, notes: 'x' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict_stale', details: { currentVersion: 2 } });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'customer.update')));
    expect(audits[0]?.changes).toMatchObject({
      status: { before: 'potential', after: 'following' },
      province: { before: 'zhejiang', after: 'jiangsu' },
    });
  });

  it('refuses bad input with localized field messages and never a 500', async () => {
    const bad = await post(am, '/api/customers', { name: '测试单位', creditCode: '914403001922038217' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields['body.creditCode']).toBe('统一社会信用代码校验位不正确，请核对');
    const short = await post(am, '/api/customers', { name: '测试单位', creditCode: '91440300' });
    expect(short.json().details.fields['body.creditCode']).toBe('统一社会信用代码应为 18 位');
    const empty = await post(am, '/api/customers', { name: '', industry: 'nope' });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().details.fields).sort()).toEqual(['body.industry', 'body.name']);
    await t.call('PATCH', '/api/auth/profile', { cookie: gm, body: { locale: 'en' } });
    const en = await post(gm, '/api/customers', { name: 'Test', creditCode: '914403001922038217' });
    expect(en.json().details.fields['body.creditCode']).toBe(
      'the check character of the unified social credit code is wrong; please check the code',
    );
    expect(en.json().message).toBe('Some fields are invalid; please check them');
    await t.call('PATCH', '/api/auth/profile', { cookie: gm, body: { locale: 'zh-CN' } });
  });

  it('catches duplicates: same credit code always, similar names unless confirmed; invisible records show only the owner', async () => {
    const same = await post(am, '/api/customers', { name: '别的名字', creditCode: code(1, '11330100MB') });
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('conflict_duplicate');
    expect(same.json().message).toBe('该统一社会信用代码已存在');
    expect(same.json().details.duplicates[0]).toMatchObject({ visible: true, id, name: '杭州市公安局', reason: 'credit_code' });
    // am2 cannot see am's customer: told only that it exists and who owns it
    const hidden = await post(am2, '/api/customers', { name: '杭州市公安局', creditCode: code(1, '11330100MB') });
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().details.duplicates[0]).toEqual({
      visible: false,
      id: null,
      name: null,
      creditCode: null,
      ownerName: '张客户经理',
      reason: 'credit_code',
      similarity: 1,
    });
    expect(hidden.body).not.toContain(id);
    const similar = await post(am, '/api/customers', { name: '杭州市公安局（本级）' });
    expect(similar.statusCode).toBe(409);
    expect(similar.json().details.confirmable).toBe(true);
    const check = await post(am2, '/api/customers/duplicates', { name: '杭州市 公安局', creditCode: '123' });
    expect(check.json()).toMatchObject({
      creditCodeError: '统一社会信用代码应为 18 位',
      matches: [{ visible: false, ownerName: '张客户经理', reason: 'name' }],
    });
    const confirmed = await post(am, '/api/customers', { name: '杭州市公安局（本级）', confirmDuplicate: true });
    expect(confirmed.statusCode).toBe(200);
  });

  it('scopes account managers to their own customers (404), and sharing opens one up', async () => {
    expect((await get(am2, `/api/customers/${id}`)).statusCode).toBe(404);
    expect((await t.call('PATCH', `/api/customers/${id}`, { cookie: am2, body: { version, notes: 'x' } })).statusCode).toBe(404);
    expect((await get(am2, `/api/customers/${id}/timeline`)).statusCode).toBe(404);
    expect((await get(am2, '/api/customers')).json().total).toBe(0);
    expect((await get(am2, '/api/search?q=杭州市公安')).json().customers).toEqual([]);
    // the marketing manager (department and below) sees it and shares it with am2
    const share = await t.call('PUT', `/api/customers/${id}/shares`, { cookie: mm, body: { userIds: [am2Id] } });
    expect(share.statusCode, share.body).toBe(200);
    expect(share.json().items.map((s: { displayName: string }) => s.displayName)).toEqual(['刘客户经理']);
    expect((await get(am2, `/api/customers/${id}`)).statusCode).toBe(200);
    expect((await get(am2, '/api/customers?pageSize=50')).json().items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await get(am2, '/api/search?q=杭州市公安')).json().customers[0].id).toBe(id);
    // a colleague it was shared with may not re-share it; its owner may change the sharing
    expect((await t.call('PUT', `/api/customers/${id}/shares`, { cookie: am2, body: { userIds: [] } })).statusCode).toBe(403);
    const unshare = await t.call('PUT', `/api/customers/${id}/shares`, { cookie: am, body: { userIds: [] } });
    expect(unshare.statusCode, unshare.body).toBe(200);
    expect(unshare.json().items).toEqual([]);
    expect((await get(am2, `/api/customers/${id}`)).statusCode).toBe(404);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'customer.share')));
    expect(audits).toHaveLength(2);
  });

  it('contacts: phones masked without contact.phone on detail, list, search and export', async () => {
    const created = await post(am, '/api/contacts', {
      customerId: id,
      name: '王处长',
      title: '科技信息化处处长',
      decisionRole: 'decision_maker',
      phone: '13812341234',
      email: 'wang@example.cn',
      wechat: 'wang_hz',
    });
    expect(created.statusCode, created.body).toBe(200);
    const contact = created.json();
    expect(contact).toMatchObject({ phone: '13812341234', phoneMasked: false, customerName: '杭州市公安局' });
    const badPhone = await post(am, '/api/contacts', { customerId: id, name: '李四', phone: 'abc' });
    expect(badPhone.json().details.fields['body.phone']).toBe('电话号码格式不正确（数字及 + - ( )，至少 5 位数字）');
    const neither = await post(am, '/api/contacts', { name: '李四' });
    expect(neither.statusCode).toBe(400);
    // the marketing assistant (本部门, no contact.phone) sees the customer but not the full number
    const detail = (await get(assistant, `/api/contacts/${contact.id}`)).json();
    expect(detail).toMatchObject({ phone: '138****1234', phoneMasked: true });
    const list = (await get(assistant, `/api/contacts?customerId=${id}`)).json();
    expect(list.items[0].phone).toBe('138****1234');
    const search = (await get(assistant, '/api/search?q=王处长')).json();
    expect(search.contacts[0].subtitle).toContain('138****1234');
    expect(JSON.stringify(search)).not.toContain('13812341234');
    // nor can the number be confirmed by searching for it
    expect((await get(assistant, '/api/search?q=1381234')).json().contacts).toEqual([]);
    const exp = await get(assistant, `/api/contacts/export.xlsx?customerId=${id}`);
    expect(exp.statusCode).toBe(200);
    const rows = await xlsxRows(exp.rawPayload);
    expect(rows[0]).toEqual(['所属客户', '姓名', '职务', '决策链角色', '电话', '邮箱', '微信', '备注', '更新时间']);
    expect(rows[1]?.slice(0, 7)).toEqual([
      '杭州市公安局',
      '王处长',
      '科技信息化处处长',
      '决策者',
      '138****1234',
      'wang@example.cn',
      'wang_hz',
    ]);
    // full number for the owner, in the export too
    const own = await xlsxRows((await get(am, `/api/contacts/export.xlsx?customerId=${id}`)).rawPayload);
    expect(own[1]?.[4]).toBe('13812341234');
    // the masked value sent back unchanged does not overwrite the number
    const u = await t.call('PATCH', `/api/contacts/${contact.id}`, { cookie: am, body: { version: 1, phone: '138****1234' } });
    expect(u.statusCode).toBe(400);
    const ok = await t.call('PATCH', `/api/contacts/${contact.id}`, { cookie: am, body: { version: 1, title: '处长' } });
    expect(ok.json()).toMatchObject({ title: '处长', version: 2, phone: '13812341234' });
    // out of scope: 404 for am2
    expect((await get(am2, `/api/contacts/${contact.id}`)).statusCode).toBe(404);
    const del = await t.call('DELETE', `/api/contacts/${contact.id}?version=1`, { cookie: am });
    expect(del.statusCode).toBe(409);
    expect((await t.call('DELETE', `/api/contacts/${contact.id}?version=2`, { cookie: am })).statusCode).toBe(200);
    expect((await get(am, `/api/contacts?customerId=${id}`)).json().total).toBe(0);
    expect((await get(am, `/api/contacts?customerId=${id}&includeArchived=true`)).json().items[0].archived).toBe(true);
  });

  it('transfers a customer: audited, on the timeline, the new owner notified', async () => {
    const cur = (await get(mm, `/api/customers/${id}`)).json();
    expect(cur.can.transfer).toBe(true);
    expect((await post(am, `/api/customers/${id}/transfer`, { version: cur.version, ownerUserId: am2Id })).statusCode).toBe(403);
    const res = await post(mm, `/api/customers/${id}/transfer`, { version: cur.version, ownerUserId: am2Id, note: '片区调整' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, stillVisible: true, customer: { ownerName: '刘客户经理', version: cur.version + 1 } });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'customer.transfer')));
    expect(audit?.changes).toMatchObject({ ownerUserId: { before: org.users.am?.id, after: am2Id } });
    expect(audit?.detail).toBe('片区调整');
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, am2Id));
    expect(notes.some((n) => n.title.includes('杭州市公安局'))).toBe(true);
    expect((await get(am, `/api/customers/${id}`)).statusCode).toBe(404);
    expect((await get(am2, `/api/customers/${id}`)).statusCode).toBe(200);
    const again = await post(mm, `/api/customers/${id}/transfer`, { version: cur.version + 1, ownerUserId: am2Id });
    expect(again.statusCode).toBe(400);
  });

  it('shows one timeline, newest first, paginated', async () => {
    const all = (await get(am2, `/api/customers/${id}/timeline`)).json();
    expect(all.items.map((e: { kind: string }) => e.kind)).toEqual([
      'customer.transferred',
      'contact.created',
      'customer.status',
      'customer.created',
    ]);
    expect(all.items[0]).toMatchObject({ actorName: '王经理', summary: '片区调整' });
    expect(all.items[3]).toMatchObject({ title: '新建客户「杭州市公安局」', link: null });
    const p1 = (await get(am2, `/api/customers/${id}/timeline?limit=2`)).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (await get(am2, `/api/customers/${id}/timeline?limit=2&before=${encodeURIComponent(p1.nextBefore)}`)).json();
    expect(p2.items.map((e: { kind: string }) => e.kind)).toEqual(['customer.status', 'customer.created']);
    expect(p2.nextBefore).toBeNull();
  });

  it('exports the filtered list, read back cell by cell', async () => {
    await post(mm, '/api/customers', {
      name: '宁波市某某制造有限公司',
      industry: 'manufacturing',
      province: 'zhejiang',
      level: 'C',
      status: 'cooperating',
    });
    const res = await get(mm, '/api/customers/export.xlsx?industry=manufacturing');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('客户'));
    const rows = await xlsxRows(res.rawPayload);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      '客户名称',
      '统一社会信用代码',
      '行业',
      '省份',
      '区域',
      '客户等级',
      '客户来源',
      '状态',
      '负责人',
      '所属部门',
      '联系人数',
      '地址',
      '备注',
      '创建时间',
      '更新时间',
    ]);
    const r = rows[1] ?? [];
    expect(r.slice(0, 11)).toEqual([
      '宁波市某某制造有限公司',
      undefined,
      '制造业',
      '浙江',
      '华东',
      'C 类（一般客户）',
      undefined,
      '合作中',
      '王经理',
      '市场部',
      0,
    ]);
    // the creation time is written as Beijing wall-clock time
    const createdAt = r[13] as Date;
    const shanghai = new Date(t.clock.now.getTime() + 8 * 3600 * 1000);
    expect(createdAt.toISOString().slice(0, 16)).toBe(shanghai.toISOString().slice(0, 16));
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'customer.export'));
    expect(audits.at(-1)?.detail).toContain('1 rows');
    // without customer.export: 403 (presales engineers have none; the account manager has it)
    expect((await get(am, '/api/customers/export.xlsx')).statusCode).toBe(200);
  });
});

describe('customer and contact import', () => {
  it('template → preview with Chinese row errors → all_or_nothing refused → valid_only imports', async () => {
    const tpl = await get(mm, '/api/customers/import/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]?.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(['客户名称', '统一社会信用代码', '行业']);
    expect(wb.getWorksheet('填写说明')).toBeDefined();

    const file = await fileOf(header, [
      ['温州市交通运输局', code(11, '11330300MB'), '交通运输', '', '', 'B 类（重点客户）', '招标网站', '', '', '温州市鹿城区', ''],
      ['台州市某某电子有限公司', code(12), '制造业', '浙江', '', 'C', 'exhibition', '跟进中', 'am', '', ''],
      ['', code(13), '不存在的行业', '', '', '', '', '', '', '', ''],
      ['杭州市公安局', '', '', '', '', '', '', '', '', '', ''],
      ['湖州某某科技', '914403001922038217', '', '', '', '', '', '', '查无此人', '', ''],
    ]);
    const preview = await post(mm, '/api/customers/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ totalRows: 5, validRows: 2, invalidRows: 3 });
    const msgs = (row: number) => p.errors.filter((e: { row: number }) => e.row === row).map((e: { message: string }) => e.message);
    expect(msgs(4)).toEqual(['「客户名称」不能为空', expect.stringContaining('「行业」的值“不存在的行业”无效')]);
    expect(msgs(5)).toEqual(['名称重复：已有客户「杭州市公安局」（负责人：刘客户经理）']);
    // cell errors first; the database checks (owner, duplicates) run once a row's cells are right
    expect(msgs(6)).toEqual(['统一社会信用代码校验位不正确，请核对']);
    const refused = await post(mm, '/api/customers/import/commit', { ...file, mode: 'all_or_nothing' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.rows).toHaveLength(4);
    expect((await get(mm, '/api/customers?q=温州市交通')).json().total).toBe(0);
    const done = await post(mm, '/api/customers/import/commit', { ...file, mode: 'valid_only' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ imported: 2, skipped: 3, totalRows: 5 });
    const wz = (await get(mm, '/api/customers?q=温州市交通')).json().items[0];
    expect(wz).toMatchObject({
      industry: 'transportation',
      province: 'zhejiang',
      region: 'east',
      level: 'B',
      source: 'tender_site',
      ownerName: '王经理',
    });
    const tz = (await get(am, '/api/customers?q=台州')).json().items[0];
    expect(tz).toMatchObject({ ownerName: '张客户经理', status: 'following' });
    const tl = (await get(mm, `/api/customers/${wz.id}/timeline`)).json();
    expect(tl.items[0].kind).toBe('customer.created');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'customer.import'));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toContain('5 rows, 2 imported, 3 skipped');
    // account managers hold no customer.import
    expect((await post(am, '/api/customers/import/preview', file)).statusCode).toBe(403);
  });

  it('imports contacts referencing the customer by name or credit code', async () => {
    const header = ['所属客户', '姓名', '职务', '决策链角色', '电话', '邮箱', '微信', '备注'];
    const file = await fileOf(header, [
      ['温州市交通运输局', '陈科长', '信息科科长', '技术评估', '0577-88886666', 'chen@wz.gov.cn', '', ''],
      [code(11, '11330300MB'), '周主任', '', '决策者', 13900001111, '', '', ''],
      ['不存在的客户', '吴某', '', '', '', 'not-an-email', '', ''],
    ]);
    const preview = (await post(mm, '/api/contacts/import/preview', file)).json();
    expect(preview.errors.map((e: { row: number; message: string }) => `${e.row}:${e.message}`)).toEqual(['4:邮箱格式不正确']);
    const file2 = await fileOf(header, [
      ['温州市交通运输局', '陈科长', '信息科科长', '技术评估', '0577-88886666', 'chen@wz.gov.cn', '', ''],
      [code(11, '11330300MB'), '周主任', '', '决策者', 13900001111, '', '', ''],
      ['不存在的客户', '吴某', '', '', '', '', '', ''],
    ]);
    const p2 = (await post(mm, '/api/contacts/import/preview', file2)).json();
    expect(p2.errors.map((e: { row: number; message: string }) => `${e.row}:${e.message}`)).toEqual([
      '4:找不到客户「不存在的客户」（或您无权维护该客户）',
    ]);
    const done = await post(mm, '/api/contacts/import/commit', { ...file2, mode: 'valid_only' });
    expect(done.json()).toMatchObject({ imported: 2, skipped: 1 });
    const found = (await get(mm, '/api/search?q=13900001111')).json();
    expect(found.contacts[0]).toMatchObject({ title: '周主任', subtitle: '温州市交通运输局 · 13900001111' });
    const byDigits = (await get(mm, '/api/search?q=0577 8888')).json();
    expect(byDigits.contacts[0].title).toBe('陈科长（信息科科长）');
  });
});

describe('partners and search', () => {
  it('creates partners with contacts, refuses duplicates, transfers, and finds them', async () => {
    const res = await post(mm, '/api/partners', {
      name: '杭州某某智能科技有限公司',
      kind: 'dealer',
      level: 'gold',
      creditCode: code(21),
      province: 'zhejiang',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      kind: 'dealer',
      level: 'gold',
      region: 'east',
      status: 'active',
      ownerName: '王经理',
      can: { edit: true, transfer: true },
    });
    const dup = await post(mm, '/api/partners', { name: '杭州某某智能科技股份有限公司' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details.duplicates[0]).toMatchObject({ id: p.id, reason: 'name', similarity: 1 });
    // account managers read partners but may not manage them
    expect((await post(am, '/api/partners', { name: '另一家' })).statusCode).toBe(403);
    const c = await post(mm, '/api/contacts', { partnerId: p.id, name: '赵经理', phone: '+86 139-0000-2222' });
    expect(c.statusCode, c.body).toBe(200);
    const contacts = (await get(mm, `/api/contacts?partnerId=${p.id}`)).json();
    expect(contacts.items[0]).toMatchObject({ partnerName: '杭州某某智能科技有限公司', customerName: null });
    const list = (await get(mm, '/api/partners?kind=dealer')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const s = (await get(mm, `/api/search?q=${code(21).slice(4, 12)}`)).json();
    expect(s.partners[0]).toMatchObject({ id: p.id, link: `/partners/${p.id}` });
    const s2 = (await get(mm, '/api/search?q=智能科技')).json();
    expect(s2.partners).toHaveLength(1);
    expect(s2.contacts).toEqual([]);
    const s3 = (await get(mm, '/api/search?q=13900002222')).json();
    expect(s3.contacts[0]).toMatchObject({ title: '赵经理', link: `/partners/${p.id}?tab=contacts` });
    const tr = await post(mm, `/api/partners/${p.id}/transfer`, { version: p.version, ownerUserId: org.users.sup?.id });
    expect(tr.json()).toMatchObject({ ok: true, partner: { ownerName: '李主管' } });
    const exp = await xlsxRows((await get(mm, '/api/partners/export.xlsx?kind=dealer')).rawPayload);
    expect(exp[1]?.slice(0, 8)).toEqual(['杭州某某智能科技有限公司', '经销商', code(21), '浙江', '华东', '金牌', '合作中', '李主管']);
  });

  it('finds customers by any part of the name or credit code, with nothing for those without permission', async () => {
    const byCode = (await get(mm, `/api/search?q=${code(11, '11330300MB').slice(3, 17).toLowerCase()}`)).json();
    expect(byCode.customers.map((c: { title: string }) => c.title)).toEqual(['温州市交通运输局']);
    const byName = (await get(mm, '/api/search?q=交通 运输')).json();
    expect(byName.customers[0]).toMatchObject({ title: '温州市交通运输局', link: expect.stringMatching(/^\/customers\//) });
    expect(byName.leads).toEqual([]);
    const eng = (await get(org.users.eng?.cookie ?? '', '/api/search?q=交通')).json();
    expect(eng).toEqual({ customers: [], contacts: [], partners: [], leads: [] });
    expect((await get(mm, '/api/search?q=')).statusCode).toBe(400);
    expect((await get(mm, '/api/search?q=%25%25')).json().customers).toEqual([]);
  });
});

describe('bulk import', () => {
  it('imports 10,000 customers in seconds, and the list keeps answering meanwhile', async () => {
    const header = ['客户名称', '统一社会信用代码', '行业', '省份', '客户等级', '负责人', '地址'];
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `批量导入测试单位${i}号有限公司`,
      code(100_000 + i, '91320100MA'),
      '制造业',
      '江苏',
      'C',
      i % 2 ? 'am' : '',
      `南京市玄武区某某路${i}号`,
    ]);
    const file = await fileOf(header, rows);
    const started = Date.now();
    const commit = post(mm, '/api/customers/import/commit', { ...file, mode: 'all_or_nothing' });
    const meanwhile = await get(am, '/api/customers?pageSize=5');
    expect(meanwhile.statusCode).toBe(200);
    const res = await commit;
    const ms = Date.now() - started;
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ imported: 10_000, skipped: 0 });
    console.info(`10,000-customer import: ${ms} ms`);
    expect(ms).toBeLessThan(30_000);
    expect((await get(am, '/api/customers?q=批量导入测试单位&pageSize=1')).json().total).toBe(5_000);
    expect((await get(mm, '/api/search?q=批量导入测试单位9999号')).json().customers).toHaveLength(1);
  }, 60_000);
});
