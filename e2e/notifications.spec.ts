import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { screenshot, signIn } from './support/browser.ts';

/**
 * Notifications in the browser: an administrator resets a user's password (an event that
 * notifies the user in-app); the user signs in, the bell shows one unread notification, the
 * inbox lists it, and marking it read clears the count.
 */
describe('notifications', () => {
  const env = useE2eEnvironment('bidflow-e2e-notifications-');

  /** Calls the API as the administrator (same-origin, cookie session); the answer must be 200. */
  async function adminApi(): Promise<(method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>> {
    const admin = await env.apiAs(ADMIN_USERNAME, ADMIN_PASSWORD);
    return (method, path, body) => env.ok(admin, method, path, body);
  }

  test('the bell counts an unread notification, the inbox lists it, marking it read clears the count', async () => {
    const call = await adminApi();
    const roles = (await call('GET', '/roles')) as unknown as Array<{ id: string; code: string }>;
    const role = roles.find((r) => r.code === 'account_manager');
    const user = await call('POST', '/users', {
      username: 'wangfang',
      displayName: '王芳',
      roleIds: [role?.id],
      password: 'Init#Pass2024',
    });
    // the event: an administrator resets the password (notify runs in the same transaction)
    await call('POST', `/users/${String(user.id)}/reset-password`, { version: user.version, newPassword: 'Reset#Pass2024' });

    const { page, problems, close } = await env.page(1366, 860);
    const base = env.server.url;
    await signIn(page, base, 'wangfang', 'Reset#Pass2024');
    await page.waitForURL(/\/change-password/);
    await page.getByLabel('当前密码').fill('Reset#Pass2024');
    await page.getByLabel('新密码', { exact: true }).fill('Wang#Fang2024');
    await page.getByLabel('确认新密码').fill('Wang#Fang2024');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/change-password'));

    const bell = page.getByRole('button', { name: '通知：1 条未读' });
    await bell.waitFor();
    expect(await page.getByTestId('notification-bell').locator('.ant-badge-count').textContent()).toBe('1');
    await screenshot(page, 'notifications-01-bell-unread');

    await bell.click();
    await page.waitForURL(/\/inbox/);
    await page.getByRole('heading', { name: '站内通知', level: 1 }).waitFor();
    const item = page.getByTestId('inbox-item').filter({ hasText: '您的登录密码已被重置' });
    await item.waitFor();
    expect(await item.textContent()).toContain('管理员 系统管理员');
    expect(await item.textContent()).toContain('密码被管理员重置');
    await screenshot(page, 'notifications-02-inbox');

    await item.getByRole('button', { name: '标为已读' }).click();
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('notification-bell').locator('.ant-badge-count').count()).toBe(0);
    expect(await item.getByRole('button', { name: '标为已读' }).count()).toBe(0);
    await page.getByText('未读', { exact: true }).click();
    await page.getByText('没有未读通知，全部处理完了。').waitFor();
    await screenshot(page, 'notifications-03-all-read');

    // the preferences page lists the event type with its default channels
    await page.goto(`${base}/profile/notifications`);
    await page.getByRole('heading', { name: '通知设置', level: 1 }).waitFor();
    const inapp = page.getByRole('switch', { name: '密码被管理员重置 · 站内通知' });
    expect(await inapp.getAttribute('aria-checked')).toBe('true');

    expect(problems).toEqual([]);
    await close();
  });

  test('an administrator sees the channel settings, the CC rule and the outbox', async () => {
    const { page, problems, close } = await env.signedIn(ADMIN_USERNAME, 1366, 860, ADMIN_PASSWORD);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('menuitem', { name: '通知管理' }).click();
    await page.getByRole('heading', { name: '通知管理', level: 1 }).waitFor();
    await page.getByText('企业微信群机器人').waitFor();
    await page.getByRole('tab', { name: '抄送与摘要' }).click();
    await page.getByText('重要事项抄送规则', { exact: true }).waitFor();
    await page.getByText('总经理').first().waitFor(); // the default CC role
    await screenshot(page, 'notifications-04-admin-rules');
    await page.getByRole('tab', { name: '发送记录' }).click();
    await page.getByText('暂无发送记录').waitFor();
    await nav.getByRole('menuitem', { name: '后台任务' }).click();
    await page.getByRole('heading', { name: '后台任务', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'notification.digest' }).waitFor();
    await screenshot(page, 'notifications-05-jobs');
    expect(problems).toEqual([]);
    await close();
  });
});
