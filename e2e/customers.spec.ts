import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { creditCodeCheckChar } from '../core/crm/credit-code.ts';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { E2E_PASSWORD, useE2eEnvironment } from './support/environment.ts';
import { blocking, runAxe, screenshot } from './support/browser.ts';

/**
 * Customers in the browser: on a 390 px phone the account manager sees the live duplicate
 * warning (a similar customer owned by a colleague, without its details), creates a customer
 * and a contact, finds it with the header search and sees both on the timeline. On 1366 px the
 * marketing manager imports a small .xlsx (preview with a row error → import the valid rows).
 */
describe('customers', () => {
  const env = useE2eEnvironment('bidflow-e2e-customers-');
  const { apiAs, ok, user, signedIn } = env;
  const PASSWORD = E2E_PASSWORD;

  async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
    await scope.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: option }).first().click();
  }

  const code = (first17: string) => `${first17}${creditCodeCheckChar(first17) ?? ''}`;

  test('phone: duplicate warning, create customer and contact, search, timeline; desktop: import', async () => {
    const admin = await apiAs(ADMIN_USERNAME, ADMIN_PASSWORD);
    const roles = (await admin('GET', '/roles')).json as unknown as Array<{ id: string; code: string }>;
    const roleId = (c: string) => roles.find((r) => r.code === c)?.id ?? '';
    const market = String((await ok(admin, 'POST', '/departments', { name: '市场部', parentId: null })).id);
    const east = String((await ok(admin, 'POST', '/departments', { name: '华东片区', parentId: market })).id);
    await user(admin, 'sunli', '孙丽', roleId('account_manager'), east);
    await user(admin, 'zhaolei', '赵磊', roleId('account_manager'), east);
    await user(admin, 'wangfang', '王芳', roleId('marketing_manager'), market);
    // a colleague's customer: sunli may not see it, but must learn that it exists
    const zhao = await apiAs('zhaolei', PASSWORD);
    await ok(zhao, 'POST', '/customers', { name: '宁波甬兴焊接设备有限公司', industry: 'manufacturing' });

    // ---- 390 px phone: the account manager ----
    const sun = await signedIn('sunli', 390);
    const p = sun.page;
    await p.getByRole('button', { name: '打开导航菜单' }).click();
    await p
      .getByRole('navigation', { name: '主导航' })
      .getByRole('menuitem', { name: /^\S*\s*客户$/ })
      .click();
    await p.getByRole('heading', { name: '客户', level: 1 }).waitFor();
    await p.getByText('还没有客户').waitFor();
    await screenshot(p, 'customers-01-empty-390');
    await p.getByRole('button', { name: '新建客户' }).click();
    const drawer = p.getByRole('dialog', { name: '新建客户' });
    await drawer.getByLabel('客户名称').fill('宁波甬兴焊接设备股份有限公司');
    await p.getByText('已有一条记录（您无权查看详情）').waitFor();
    await p.getByText('负责人：赵磊').waitFor();
    await screenshot(p, 'customers-02-duplicate-warning-390');
    await drawer.getByLabel('客户名称').fill('温州市瓯海区公安分局');
    await drawer.getByLabel('统一社会信用代码').fill(code('11330304MB0012345'));
    await pick(p, drawer, '行业', '公安 / 政法');
    await pick(p, drawer, '客户等级', 'A 类');
    await expect
      .poll(() =>
        drawer
          .locator('.ant-form-item')
          .filter({ has: p.getByText('省份', { exact: true }) })
          .first()
          .textContent(),
      )
      .toContain('浙江');
    await p
      .locator('.ant-drawer-footer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await p.getByRole('heading', { name: '温州市瓯海区公安分局', level: 1 }).waitFor();
    await p.getByText('华东').first().waitFor();
    await screenshot(p, 'customers-03-detail-390');

    await p.getByRole('tab', { name: /联系人/ }).click();
    await p.getByRole('button', { name: '添加联系人' }).click();
    const dialog = p.getByRole('dialog', { name: '添加联系人' });
    await dialog.getByLabel('姓名').fill('陈海峰');
    await dialog.getByLabel('职务').fill('科技信息化科科长');
    await pick(p, dialog, '决策链角色', '技术评估');
    await dialog.getByLabel('电话').fill('13957712345');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await p.locator('.bf-crm-card-item', { hasText: '陈海峰' }).waitFor();
    await screenshot(p, 'customers-04-contacts-390');

    // the header search finds the contact by phone digits and the customer by part of its name
    await p.getByRole('button', { name: '全局搜索' }).click();
    const search = p.getByRole('dialog', { name: '全局搜索' });
    await search.getByRole('combobox', { name: '全局搜索' }).fill('5771234');
    await p.locator('.bf-crm-search-hit-title', { hasText: '陈海峰' }).waitFor();
    await search.getByRole('combobox', { name: '全局搜索' }).fill('瓯海');
    await p.locator('.bf-crm-search-group', { hasText: '客户' }).first().waitFor();
    await screenshot(p, 'customers-05-search-390');
    await p.locator('.bf-crm-search-hit-title', { hasText: '温州市瓯海区公安分局' }).click();
    await p.getByRole('tab', { name: '时间线' }).click();
    await p.getByText('新增联系人「陈海峰」').waitFor();
    await p.getByText('新建客户「温州市瓯海区公安分局」').waitFor();
    await screenshot(p, 'customers-06-timeline-390');
    expect(blocking(await runAxe(p))).toEqual([]);
    await p.goto(`${env.server.url}/customers`);
    await p.getByText('温州市瓯海区公安分局').waitFor();
    await screenshot(p, 'customers-07-list-390');
    expect(sun.problems).toEqual([]);
    await sun.close();

    // ---- 1366 px: the marketing manager imports a small file ----
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '统一社会信用代码', '行业', '省份', '客户等级', '负责人']);
    ws.addRow(['嘉兴市南湖区教育局', code('11330402MB0054321'), '教育', '浙江', 'B', '孙丽']);
    ws.addRow(['湖州南太湖智能装备有限公司', code('91330500MA2B00001'), '制造业', '', 'C', '']);
    ws.addRow(['', '123', '不存在的行业', '', '', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const wang = await signedIn('wangfang', 1366);
    const w = wang.page;
    await w.goto(`${env.server.url}/customers`);
    await w.getByRole('heading', { name: '客户', level: 1 }).waitFor();
    await w.getByRole('button', { name: 'Excel 导入' }).click();
    await w.getByRole('button', { name: '下载导入模板' }).waitFor();
    await w.locator('input[type=file]').setInputFiles({
      name: '客户导入.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await w.getByText('共 3 行：2 行无误，1 行有错误').waitFor();
    await w.getByText('「客户名称」不能为空').first().waitFor();
    await screenshot(w, 'customers-08-import-preview-1366');
    expect(await w.getByRole('button', { name: /全部导入/ }).isDisabled()).toBe(true);
    await w.getByRole('button', { name: '仅导入无误的 2 行' }).click();
    await w.getByText('已导入 2 行').waitFor();
    await w.getByRole('button', { name: '完成' }).click();
    await w.getByRole('link', { name: '嘉兴市南湖区教育局' }).waitFor();
    await w.getByRole('link', { name: '湖州南太湖智能装备有限公司' }).waitFor();
    await screenshot(w, 'customers-09-list-1366');
    expect(blocking(await runAxe(w))).toEqual([]);
    await w.getByRole('link', { name: '温州市瓯海区公安分局' }).click();
    await w.getByRole('heading', { name: '温州市瓯海区公安分局', level: 1 }).waitFor();
    await screenshot(w, 'customers-10-detail-1366');
    // partners: the same pages
    const wf = await apiAs('wangfang', PASSWORD);
    const partner = await ok(wf, 'POST', '/partners', {
      name: '杭州安瑞达电子有限公司',
      kind: 'dealer',
      level: 'silver',
      province: 'zhejiang',
    });
    await ok(wf, 'POST', '/contacts', {
      partnerId: partner.id,
      name: '林晓东',
      title: '销售总监',
      decisionRole: 'decision_maker',
      phone: '13800571234',
    });
    await w.goto(`${env.server.url}/partners`);
    await w.getByRole('link', { name: '杭州安瑞达电子有限公司' }).click();
    await w.getByRole('tab', { name: /联系人/ }).click();
    await w.getByText('林晓东').waitFor();
    await screenshot(w, 'customers-11-partner-1366');
    expect(blocking(await runAxe(w))).toEqual([]);
    expect(wang.problems).toEqual([]);
    await wang.close();
  });
});
