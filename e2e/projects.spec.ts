import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { E2E_PASSWORD, useE2eEnvironment } from './support/environment.ts';
import { blocking, runAxe, screenshot, settle } from './support/browser.ts';

/**
 * The presales path in the env.browser with the right people: the account manager creates an
 * opportunity and fills in the preliminary analysis → the advisor and the GM approve the
 * go/no-go → the registration form (立项) → the marketing manager (API) and the presales manager
 * approve → the presales manager assigns the presales lead → Advance is disabled with its
 * reasons until the project manager is set → outcome → summary → closed. The engineer on the
 * team sees the project but no edit actions. Kanban, project page and workspace at 1366 and
 * 390 px. Set-up (org, customer, extra projects) goes through the API.
 */
describe('presales projects', () => {
  const env = useE2eEnvironment('bidflow-e2e-projects-');
  const { apiAs, ok, user, signedIn } = env;
  const PASSWORD = E2E_PASSWORD;

  /** Approves the request titled like `title` from 我的审批. */
  async function approveInUi(page: Page, title: RegExp): Promise<void> {
    await page.goto(`${env.server.url}/approvals`);
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('button', { name: '同意' }).click();
    const dialog = page.getByRole('dialog', { name: '同意' });
    await dialog.getByRole('button', { name: '同意' }).click();
    await page.getByText('已同意').first().waitFor();
  }

  /** Picks an option of an antd Select (searching first when `search` is given) and waits for the list to close. */
  async function choose(
    page: Page,
    scope: Page | ReturnType<Page['getByRole']>,
    label: string,
    search: string | null,
    option: string,
  ): Promise<void> {
    await scope.getByLabel(label, { exact: true }).click();
    if (search) await page.keyboard.type(search);
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    // A remote search can re-render the options under the click; the list then stays open: pick again.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
      const closed = await dropdown
        .waitFor({ state: 'detached', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (closed) break;
    }
    await settle(page);
  }

  test('opportunity → go/no-go → registration → presales lead → stages → outcome → summary → closed', async () => {
    const admin = await apiAs(ADMIN_USERNAME, ADMIN_PASSWORD);
    const roles = (await admin('GET', '/roles')).json as unknown as Array<{ id: string; code: string }>;
    const roleId = (code: string) => roles.find((r) => r.code === code)?.id ?? '';
    const market = String((await ok(admin, 'POST', '/departments', { name: '市场部', parentId: null })).id);
    const east = String((await ok(admin, 'POST', '/departments', { name: '华东片区', parentId: market })).id);
    const tech = String((await ok(admin, 'POST', '/departments', { name: '技术中心', parentId: null })).id);
    await user(admin, 'sunli', '孙丽', roleId('account_manager'), east);
    await user(admin, 'zhangwei', '张伟', roleId('general_manager'), market);
    await user(admin, 'linxue', '林雪', roleId('advisor'), market);
    await user(admin, 'wangfang', '王芳', roleId('marketing_manager'), market);
    await user(admin, 'zhouqiang', '周强', roleId('presales_manager'), tech);
    const wujie = await user(admin, 'wujie', '吴杰', roleId('presales_engineer'), tech);
    const am = await apiAs('sunli', PASSWORD);
    const customerId = String((await ok(am, 'POST', '/customers', { name: '苏州市某区政务服务中心' })).id);
    // a few more projects so the kanban has something in several columns
    for (const [name, amount] of [
      ['园区安防改造', 86_000_00],
      ['政务云扩容', 320_000_00],
      ['视频会议系统', 45_500_00],
    ] as const) {
      await ok(am, 'POST', '/projects', { name, customerId, amountFen: amount });
    }

    // 1. the account manager lands on the workspace and creates an opportunity
    const sun = await signedIn('sunli');
    await sun.page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await sun.page.getByTestId('ws-projects').getByText('园区安防改造').waitFor();
    await screenshot(sun.page, 'projects-01-workspace-1366');
    await sun.page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '商机与项目' }).click();
    await sun.page.getByRole('heading', { name: '商机与项目', level: 1 }).waitFor();
    await sun.page.getByRole('button', { name: '新建商机' }).click();
    await sun.page.getByRole('heading', { name: '新建商机', level: 1 }).waitFor();
    await choose(sun.page, sun.page, '客户', '苏州', '苏州市某区政务服务中心');
    await sun.page.getByLabel('预计签约日期').fill('2026-12-31');
    await sun.page.getByLabel('项目名称').fill('政务服务中心智慧停车系统');
    await sun.page.getByLabel('预计金额（元）').fill('1280000');
    await settle(sun.page);
    expect(await sun.page.getByLabel('预计签约日期').inputValue()).toBe('2026-12-31');
    await sun.page.getByRole('button', { name: '创建商机' }).click();
    await sun.page.getByRole('heading', { level: 1 }).getByText('政务服务中心智慧停车系统').waitFor();
    const projectId = sun.page.url().split('/projects/')[1]?.split('?')[0] ?? '';
    expect(projectId).toMatch(/^[0-9a-f-]{36}$/);
    await sun.page.getByTestId('next-step').getByText('提交跟进决策审批').waitFor();

    // 2. preliminary analysis, then go/no-go
    await sun.page.getByLabel('客户预算（元）').fill('1500000');
    await sun.page.getByLabel('决策程序').fill('区政府常务会审议，中心主任签批');
    await sun.page.getByLabel('资金情况').fill('财政资金已列入年度预算');
    await sun.page.getByLabel('客户信用').fill('良好');
    await sun.page.getByLabel('竞争对手').fill('某大型集成商');
    await sun.page.getByLabel('我方优势').fill('本地实施团队，同类案例 3 个');
    await sun.page.getByLabel('风险', { exact: true }).fill('工期紧');
    await sun.page.getByRole('button', { name: '保存', exact: true }).click();
    await sun.page.getByText('已保存').first().waitFor();
    await sun.page.getByRole('button', { name: '提交跟进决策审批' }).click();
    await sun.page.getByTestId('next-step').getByText('等待总经理与顾问的跟进决策审批').waitFor();
    await screenshot(sun.page, 'projects-02-project-page-1366');
    expect(blocking(await runAxe(sun.page))).toEqual([]);

    // 3. 会签: the advisor, then the GM
    const lin = await signedIn('linxue');
    await approveInUi(lin.page, /跟进决策/);
    const gm = await signedIn('zhangwei');
    await approveInUi(gm.page, /跟进决策/);

    // 4. the registration form (立项), submitted by the account manager
    await sun.page.goto(`${env.server.url}/projects/${projectId}`);
    await sun.page.getByTestId('next-step').getByText('填写项目登记表并提交立项审批').waitFor();
    await sun.page.getByLabel('公司级项目').check();
    await sun.page.getByLabel('自主开发').check();
    await sun.page.getByLabel('预计工作量（人月）').fill('60');
    await sun.page.getByRole('button', { name: '保存', exact: true }).click();
    await sun.page.getByRole('heading', { level: 1 }).getByText('大项目').waitFor();
    await sun.page.getByRole('button', { name: '提交立项审批' }).click();
    await sun.page
      .getByTestId('next-step')
      .getByText(/等待项目登记（立项）审批/)
      .waitFor();
    // presales staff cannot join yet: the role is disabled in the UI, and the server refuses
    const early = await am('POST', `/projects/${projectId}/members`, { userId: wujie, projectRole: 'presales_engineer' });
    expect(early.status).toBe(409);
    expect(early.json.code).toBe('project_not_registered');

    // 5. the marketing manager approves (API); the presales manager approves and assigns the lead in the env.browser
    const mm = await apiAs('wangfang', PASSWORD);
    const waiting = (await ok(mm, 'GET', '/approvals?box=waiting')).items as Array<{ id: string }>;
    const reqId = waiting[0]?.id ?? '';
    const detail = await ok(mm, 'GET', `/approvals/${reqId}`);
    await ok(mm, 'POST', `/approvals/${reqId}/approve`, { subjectVersion: detail.subjectVersion });
    const zhou = await signedIn('zhouqiang');
    await approveInUi(zhou.page, /项目登记（立项）/);
    await zhou.page.goto(`${env.server.url}/projects/${projectId}`);
    await zhou.page.getByTestId('next-step').getByText('等待售前经理指派售前负责人').waitFor();
    await zhou.page.getByRole('button', { name: '指派售前负责人' }).click();
    const leadDialog = zhou.page.getByRole('dialog', { name: '指派售前负责人' });
    await choose(zhou.page, leadDialog, '售前负责人', '吴', '吴杰');
    await leadDialog.getByRole('button', { name: '确定' }).click();
    await zhou.page.getByRole('button', { name: '更换售前负责人' }).waitFor();
    await zhou.page.getByRole('tab', { name: '项目组' }).click();
    await zhou.page.getByRole('button', { name: '加入成员' }).click();
    const memberDialog = zhou.page.getByRole('dialog', { name: '加入成员' });
    await choose(zhou.page, memberDialog, '人员', '吴', '吴杰');
    await choose(zhou.page, memberDialog, '项目角色', null, '售前工程师');
    await memberDialog.getByRole('button', { name: '确定' }).click();
    await zhou.page.getByText('已加入项目组').waitFor();

    // 6. Advance is disabled, with the reasons, until the project manager is set
    await sun.page.reload();
    const advance = sun.page.getByTestId('advance');
    await advance.waitFor();
    expect(await advance.isDisabled()).toBe(true);
    await sun.page.getByTestId('next-step').getByText('推进到「需求调研」').waitFor();
    await sun.page.getByText('请填写「项目经理」').first().waitFor();
    await screenshot(sun.page, 'projects-03-advance-blocked-1366');
    await sun.page.getByRole('tab', { name: '项目组' }).click();
    await sun.page.getByRole('button', { name: '设置项目经理' }).click();
    const mgrDialog = sun.page.getByRole('dialog', { name: '设置项目经理' });
    await choose(sun.page, mgrDialog, '人员', '孙', '孙丽');
    await mgrDialog.getByRole('button', { name: '确定' }).click();
    await sun.page.getByText('已保存').first().waitFor();
    await settle(sun.page);
    expect(await sun.page.getByTestId('advance').isDisabled()).toBe(false);
    await sun.page.getByTestId('advance').click();
    await sun.page.getByText('阶段已变更').first().waitFor();
    await sun.page.getByTestId('next-step').getByText('推进到「方案」').waitFor();

    // 7. the engineer sees the project (team) but cannot change it
    const wu = await signedIn('wujie');
    await wu.page.goto(`${env.server.url}/projects/${projectId}`);
    await wu.page.getByRole('heading', { level: 1 }).getByText('政务服务中心智慧停车系统').waitFor();
    expect(await wu.page.getByTestId('advance').count()).toBe(0);
    expect(await wu.page.getByRole('button', { name: '更多' }).count()).toBe(0);

    // 8. outcome (lost, price), closing refused without the summary, the team's summary, closed
    await sun.page.getByRole('button', { name: '更多' }).click();
    await sun.page.getByRole('menuitem', { name: '记录结果' }).click();
    const outcome = sun.page.getByRole('dialog', { name: '记录项目结果' });
    await outcome.getByLabel('丢单').check();
    await choose(sun.page, outcome, '原因', null, '价格');
    await outcome.getByLabel('中标单位').fill('某大型集成商');
    await outcome.getByRole('button', { name: '保存结果' }).click();
    await sun.page.getByText('结果已记录').first().waitFor();
    await sun.page.getByTestId('next-step').getByText('项目组撰写项目总结（无论结果）').waitFor();
    const refused = await am('POST', `/projects/${projectId}/close`, { version: 1 });
    expect(refused.status).toBe(409);
    await wu.page.goto(`${env.server.url}/projects/${projectId}?tab=summary`);
    await wu.page.getByRole('button', { name: '撰写项目总结' }).click();
    await wu.page.getByLabel('总体情况').fill('价格劣势导致丢单；方案得分第一。');
    await wu.page.getByLabel('经验教训').fill('提前摸清客户预算与竞争对手报价策略。');
    await wu.page.getByRole('button', { name: '提交总结' }).click();
    await wu.page.getByText('项目总结已保存并通知项目组与监控人').waitFor();
    await sun.page.reload();
    await sun.page.getByRole('button', { name: '关闭项目' }).click();
    await sun.page.getByRole('dialog', { name: '关闭项目' }).getByRole('button', { name: '关闭项目' }).click();
    await sun.page.getByText('项目已关闭').first().waitFor();
    const closed = await ok(am, 'GET', `/projects/${projectId}`);
    expect(closed).toMatchObject({ stage: 'closed', status: 'lost' });
    await screenshot(sun.page, 'projects-04-closed-1366');

    // 9. kanban and table at 1366; kanban, project page and workspace at 390
    await sun.page.goto(`${env.server.url}/projects`);
    await sun.page.getByRole('heading', { name: '商机与项目', level: 1 }).waitFor();
    await settle(sun.page);
    await sun.page.getByRole('region', { name: '商机', exact: true }).getByTestId('kanban-sum').getByText('¥451,500.00').waitFor();
    await screenshot(sun.page, 'projects-05-kanban-1366');
    expect(blocking(await runAxe(sun.page))).toEqual([]);
    await sun.page.getByText('列表', { exact: true }).click();
    await sun.page.getByRole('cell', { name: /视频会议系统/ }).waitFor();
    await screenshot(sun.page, 'projects-06-table-1366');
    await sun.page.goto(`${env.server.url}/project-tracking`);
    await sun.page.getByRole('heading', { name: '项目跟踪表', level: 1 }).waitFor();
    await sun.page.getByText('园区安防改造').first().waitFor();
    await screenshot(sun.page, 'projects-07-tracking-1366');

    const phone = await signedIn('sunli', 390);
    await phone.page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await phone.page.getByTestId('ws-projects').getByText('园区安防改造').waitFor();
    await screenshot(phone.page, 'projects-08-workspace-390');
    await phone.page.goto(`${env.server.url}/projects`);
    await phone.page.getByRole('region', { name: '商机', exact: true }).waitFor();
    await screenshot(phone.page, 'projects-09-kanban-390');
    await phone.page.goto(`${env.server.url}/projects/${projectId}`);
    await phone.page.getByRole('heading', { level: 1 }).getByText('政务服务中心智慧停车系统').waitFor();
    await screenshot(phone.page, 'projects-10-project-390');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    for (const s of [sun, lin, gm, zhou, wu, phone]) {
      expect(s.problems).toEqual([]);
      await s.close();
    }
  }, 240_000);
});
