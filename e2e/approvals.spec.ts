import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { E2E_PASSWORD, useE2eEnvironment } from './support/environment.ts';
import { blocking, runAxe, screenshot, settle } from './support/browser.ts';

/**
 * An approval from submission to decision in the browser, with a returned-and-resubmitted
 * round. No product process exists yet, so the server runs with BIDFLOW_TEST_SUBJECTS=1, which
 * registers the test-only subject "测试事项" and its process; the request is created through
 * that test API. Everything the approvers and the requester do happens in the UI.
 */
describe('approvals', () => {
  const env = useE2eEnvironment('bidflow-e2e-approvals-', { serverEnv: { BIDFLOW_TEST_SUBJECTS: '1' } });
  const { apiAs, ok, user, signedIn } = env;
  const PASSWORD = E2E_PASSWORD;

  test('submit → return with a comment → edit and resubmit → approve through two steps', async () => {
    const admin = await apiAs(ADMIN_USERNAME, ADMIN_PASSWORD);
    const proc = await admin('GET', '/approval-processes/test.item_review');
    if (proc.status === 404) {
      throw new Error(
        'The test-only approval subject is not loaded: server/start.ts must call installApprovalTestSubjects() when BIDFLOW_TEST_SUBJECTS=1',
      );
    }
    const roles = (await admin('GET', '/roles')).json as unknown as Array<{ id: string; code: string }>;
    const roleId = (code: string) => roles.find((r) => r.code === code)?.id ?? '';
    const dept = String((await ok(admin, 'POST', '/departments', { name: '市场部', parentId: null })).id);
    const dir = await user(admin, 'wangzj', '王总监', roleId('sales_director'), dept, { managerId: null });
    const mm = await user(admin, 'lijl', '李经理', roleId('marketing_manager'), dept, { managerId: dir });
    await user(admin, 'zhangsan', '张三', roleId('account_manager'), dept, { managerId: mm });

    // the chain: the requester's manager, then the sales director by name
    await ok(admin, 'PUT', '/approval-processes/test.item_review/chain', {
      baseVersion: (proc.json.chain as { version: number }).version,
      definition: {
        resubmitFrom: 'first',
        steps: [
          { name: '直属上级审批', approver: { type: 'manager' }, mode: 'any' },
          { name: '市场总监审批', approver: { type: 'user', userId: dir }, mode: 'any' },
        ],
      },
    });

    const requester = await apiAs('zhangsan', PASSWORD);
    const submitted = await requester('POST', '/test-support/approval-items', {
      title: '华东某银行安防改造报价',
      amountFen: 128_000_000,
      marginPercent: 4.5,
      region: '华东',
    });
    expect(submitted.status).toBe(200);
    const { itemId, requestId } = submitted.json as { itemId: string; requestId: string };

    // 1. the manager sees the task in 我的审批 (badge in the menu) and returns it with a comment
    const manager = await signedIn('lijl');
    await manager.page.goto(`${env.server.url}/approvals`);
    await manager.page.getByTestId('approvals-nav-badge').waitFor();
    expect(await manager.page.getByTestId('approvals-nav-badge').textContent()).toBe('1');
    expect(blocking(await runAxe(manager.page))).toEqual([]);
    await manager.page.getByRole('link', { name: '华东某银行安防改造报价' }).click();
    await manager.page.waitForURL(`**/approvals/${requestId}`);
    await manager.page.getByText('¥1,280,000.00').waitFor();
    await screenshot(manager.page, 'approvals-01-approver-detail');
    expect(blocking(await runAxe(manager.page))).toEqual([]);
    await manager.page.getByRole('button', { name: '退回修改' }).click();
    const returnDialog = manager.page.getByRole('dialog', { name: '退回修改' });
    await returnDialog.getByRole('button', { name: '退回' }).click();
    await returnDialog.getByText('请填写意见，说明原因或需要修改的内容').waitFor();
    await returnDialog.getByLabel('审批意见').fill('毛利率低于 5%，请补充设备询价单后重新提交。');
    await returnDialog.getByRole('button', { name: '退回' }).click();
    await manager.page.getByRole('heading', { level: 1 }).getByText('已退回修改', { exact: true }).waitFor();
    await screenshot(manager.page, 'approvals-02-returned');

    // 2. the requester edits the record (a new version) and resubmits in the browser
    const edited = await requester('PATCH', `/test-support/approval-items/${itemId}`, { marginPercent: 6.2 });
    expect(edited.json.version).toBe(2);
    const owner = await signedIn('zhangsan');
    await owner.page.goto(`${env.server.url}/approvals?tab=mine`);
    await owner.page.getByTestId('approvals-nav-badge').waitFor();
    await owner.page.getByRole('link', { name: '华东某银行安防改造报价' }).click();
    await owner.page.getByText('此审批已退回修改').waitFor();
    await owner.page.getByText('毛利率低于 5%，请补充设备询价单后重新提交。').waitFor();
    await screenshot(owner.page, 'approvals-03-requester-returned');
    expect(blocking(await runAxe(owner.page))).toEqual([]);
    await owner.page.getByRole('button', { name: '重新提交' }).click();
    const resubmitDialog = owner.page.getByRole('dialog', { name: '重新提交' });
    await resubmitDialog.getByLabel('审批意见').fill('已补充询价，毛利率调整为 6.2%。');
    await resubmitDialog.getByRole('button', { name: '重新提交' }).click();
    await owner.page.getByText('第 2 轮', { exact: true }).first().waitFor();
    await owner.page.getByRole('heading', { level: 1 }).getByText('审批中', { exact: true }).waitFor();

    // 3. the manager approves the resubmitted version: history of both rounds is kept
    await manager.page.goto(`${env.server.url}/approvals/${requestId}`);
    await manager.page.getByText('6.2%', { exact: true }).waitFor();
    await manager.page.getByRole('button', { name: '同意' }).click();
    const approveDialog = manager.page.getByRole('dialog', { name: '同意' });
    await approveDialog.getByLabel('审批意见').fill('同意。');
    await approveDialog.getByRole('button', { name: '同意' }).click();
    await manager.page.getByText('已同意').first().waitFor();
    await settle(manager.page);
    expect(await manager.page.getByRole('button', { name: '同意' }).count()).toBe(0);

    // 4. the sales director approves the last step: the request is approved
    const director = await signedIn('wangzj');
    await director.page.goto(`${env.server.url}/approvals`);
    await director.page.getByRole('link', { name: '华东某银行安防改造报价' }).click();
    await director.page.getByRole('button', { name: '同意' }).click();
    await director.page.getByRole('dialog', { name: '同意' }).getByRole('button', { name: '同意' }).click();
    await director.page.getByRole('heading', { level: 1 }).getByText('已通过', { exact: true }).waitFor();
    const actions = await director.page.getByTestId('approval-action').allTextContents();
    expect(actions.map((a) => (/提交审批|重新提交|退回修改|同意/.exec(a) ?? [''])[0])).toEqual([
      '同意',
      '同意',
      '重新提交',
      '退回修改',
      '提交审批',
    ]);
    await screenshot(director.page, 'approvals-04-approved');

    // the decision is on record for the requester, and nothing is left waiting
    const final = await ok(requester, 'GET', `/approvals/${requestId}`);
    expect(final.state).toBe('approved');
    expect((final.rounds as unknown[]).length).toBe(2);
    const counts = await ok(await apiAs('lijl', PASSWORD), 'GET', '/approvals/counts');
    expect(counts).toEqual({ waiting: 0, returned: 0 });

    for (const s of [manager, owner, director]) {
      expect(s.problems).toEqual([]);
      await s.close();
    }
  });
});
