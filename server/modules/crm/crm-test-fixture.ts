import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '../../../core/crm/credit-code.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/**
 * The company the CRM regression tests run against: the test organisation, a marketing assistant
 * (本部门, no `contact.phone`), and one customer (嘉兴市水利局) with one contact (钱工, with a phone).
 */
export interface CrmFixture {
  t: TestApp;
  org: OrgFixture;
  mm: string;
  am: string;
  assistant: string;
  customerId: string;
  contactId: string;
}

/** A valid credit code (our own check character) with a serial number. */
export const code = (n: number, prefix = '91330106MA') => {
  const first = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`;
  return `${first}${creditCodeCheckChar(first) ?? ''}`;
};

export async function workbook(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function xlsxRows(body: Buffer | string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof body === 'string' ? Buffer.from(body, 'binary') : body) as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

export async function crmFixture(): Promise<CrmFixture> {
  const t = await createTestApp();
  const org = await createOrg(t);
  const mm = org.users.mm?.cookie ?? '';
  const am = org.users.am?.cookie ?? '';
  await createUserViaApi(t, org.adminCookie, {
    username: 'asst',
    displayName: '孙助理',
    departmentId: org.depts.market,
    roleIds: [org.roleIds.marketing_assistant ?? ''],
  });
  const assistant = await loginAndActivate(t, 'asst');
  const c = await t.call('POST', '/api/customers', { cookie: mm, body: { name: '嘉兴市水利局', creditCode: code(1, '11330400MB') } });
  const customerId = c.json().id as string;
  const ct = await t.call('POST', '/api/contacts', {
    cookie: mm,
    body: { customerId, name: '钱工', title: '信息科', phone: '139-1234-5678', wechat: 'qian_jx' },
  });
  const contactId = ct.json().id as string;
  return { t, org, mm, am, assistant, customerId, contactId };
}
