import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { E2E_PASSWORD, useE2eEnvironment } from './support/environment.ts';
import { blocking, runAxe, screenshot, settle } from './support/browser.ts';

/**
 * Information intake in the browser: on a 390 px phone an account manager logs a customer
 * visit (the day's visit log is then handed in); the sales supervisor screens a piece of
 * information and forwards it to another business unit; the sales director approves the
 * forwarding, after which the information reads "已转其他事业部".
 */
describe('information intake', () => {
  const env = useE2eEnvironment('bidflow-e2e-intake-');
  const { apiAs, ok, user, signedIn } = env;
  const PASSWORD = E2E_PASSWORD;

  test('visit on a phone → screening and forwarding → the director approves', async () => {
    const admin = await apiAs(ADMIN_USERNAME, ADMIN_PASSWORD);
    const roles = (await admin('GET', '/roles')).json as unknown as Array<{ id: string; code: string }>;
    const roleId = (code: string) => roles.find((r) => r.code === code)?.id ?? '';
    const market = String((await ok(admin, 'POST', '/departments', { name: '市场部', parentId: null })).id);
    const east = String((await ok(admin, 'POST', '/departments', { name: '华东片区', parentId: market })).id);
    await user(admin, 'liuzj', '刘总监', roleId('sales_director'), market);
    await user(admin, 'lina', '李娜', roleId('sales_supervisor'), market);
    await user(admin, 'sunli', '孙丽', roleId('account_manager'), east);
    const am = await apiAs('sunli', PASSWORD);
    await ok(am, 'POST', '/customers', { name: '苏州工业园区管委会信息中心' });

    // 1. the account manager logs a visit on a 390 px phone
    const phone = await signedIn('sunli', 390, 844);
    await phone.page.goto(`${env.server.url}/visit-logs`);
    await phone.page.getByRole('heading', { name: '我的巡访登记' }).waitFor();
    await screenshot(phone.page, 'intake-01-phone-visit-log-before');
    await phone.page.getByRole('button', { name: '登记巡访' }).click();
    await phone.page.getByRole('heading', { name: '登记客户巡访' }).waitFor();
    await phone.page.getByLabel('客户', { exact: true }).click();
    await phone.page.getByLabel('客户', { exact: true }).fill('园区');
    await phone.page.locator('.ant-select-item-option', { hasText: '苏州工业园区管委会信息中心' }).first().click();
    await phone.page.getByLabel('客户联系人').fill('周主任');
    await phone.page.getByLabel('巡访目的').fill('了解数据中心扩容需求');
    await phone.page.getByLabel('结果').fill('客户计划下半年招标，欢迎提交方案');
    await phone.page.getByLabel('下一步计划').fill('下周提交初步方案');
    await screenshot(phone.page, 'intake-02-phone-visit-form');
    expect(blocking(await runAxe(phone.page))).toEqual([]);
    await phone.page.getByRole('button', { name: '保存' }).click();
    await phone.page.waitForURL('**/visit-logs');
    await phone.page.getByText('已登记 1 次巡访').first().waitFor();
    await screenshot(phone.page, 'intake-03-phone-visit-log-after');

    // 2. information comes in; the supervisor screens it in the inbox and forwards it
    const sup = await apiAs('lina', PASSWORD);
    const lead = await ok(sup, 'POST', '/leads', {
      title: '园区焊接机器人工作站',
      channel: 'email',
      customerName: '苏州精工机械有限公司',
      contactName: '钱经理',
      description: '客户邮件询价：焊接机器人工作站 2 套',
    });
    const supervisor = await signedIn('lina', 1366, 860);
    await supervisor.page.goto(`${env.server.url}/leads/screening`);
    await supervisor.page.getByRole('heading', { name: '线索筛选' }).waitFor();
    await supervisor.page.getByRole('link', { name: '园区焊接机器人工作站' }).waitFor();
    await screenshot(supervisor.page, 'intake-04-screening-inbox');
    expect(blocking(await runAxe(supervisor.page))).toEqual([]);
    await supervisor.page
      .getByRole('row', { name: /园区焊接机器人工作站/ })
      .getByRole('button', { name: '筛选' })
      .click();
    const dialog = supervisor.page.getByRole('dialog', { name: '筛选信息' });
    await dialog.getByText('转其他事业部').click();
    await dialog.getByLabel('接收事业部').fill('机器人事业部');
    await dialog.getByLabel('接收负责人').fill('赵部长');
    await dialog.getByLabel('意见 / 备注').fill('属机器人事业部业务范围');
    await screenshot(supervisor.page, 'intake-05-screen-forward');
    await dialog.getByRole('button', { name: '确定' }).click();
    await supervisor.page.getByText('已提交市场总监审核').waitFor();
    await settle(supervisor.page);
    expect(await supervisor.page.getByRole('link', { name: '园区焊接机器人工作站' }).count()).toBe(0);

    // 3. the sales director approves; the information is forwarded
    const director = await signedIn('liuzj', 1366, 860);
    await director.page.goto(`${env.server.url}/approvals`);
    await director.page.getByRole('link', { name: /园区焊接机器人工作站/ }).click();
    await director.page.getByText('机器人事业部').first().waitFor();
    await screenshot(director.page, 'intake-06-director-approval');
    await director.page.getByRole('button', { name: '同意' }).click();
    await director.page.getByRole('dialog', { name: '同意' }).getByRole('button', { name: '同意' }).click();
    await director.page.getByRole('heading', { level: 1 }).getByText('已通过', { exact: true }).waitFor();
    await director.page.goto(`${env.server.url}/leads/${String(lead.id)}`);
    await director.page.getByText('已转其他事业部').first().waitFor();
    await director.page.getByText('机器人事业部（赵部长）', { exact: true }).waitFor();
    await screenshot(director.page, 'intake-07-lead-forwarded');
    expect(blocking(await runAxe(director.page))).toEqual([]);

    // the lead on a phone, for the supervisor
    const supPhone = await signedIn('lina', 390, 844);
    await supPhone.page.goto(`${env.server.url}/leads/${String(lead.id)}`);
    await supPhone.page.getByText('已转其他事业部').first().waitFor();
    await screenshot(supPhone.page, 'intake-08-phone-lead-detail');

    for (const s of [phone, supervisor, director, supPhone]) {
      expect(s.problems).toEqual([]);
      await s.close();
    }
  });
});
