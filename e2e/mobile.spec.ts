import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { screenshot, signIn } from './support/browser.ts';

/** A 390 px wide phone: the menu folds into a drawer, the users table scrolls sideways. */
describe('phone width (390 px)', () => {
  const env = useE2eEnvironment('bidflow-e2e-mobile-');

  test('collapsed menu, usable users table, no page-wide horizontal scroll', async () => {
    const { page, problems, close } = await env.page(390, 844);
    await page.goto(`${env.server.url}/login`);
    await page.getByRole('heading', { name: '登录 Bidflow' }).waitFor();
    await screenshot(page, 'mobile-01-login');

    await signIn(page, env.server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor(); // everyone lands on the workspace
    await page.goto(`${env.server.url}/admin/users`);
    await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
    await page.getByRole('row', { name: /admin/ }).waitFor();

    // no side menu: a hamburger button instead
    expect(await page.locator('aside').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    const hamburger = page.getByRole('button', { name: '打开导航菜单' });
    expect(await hamburger.isVisible()).toBe(true);

    // the page itself does not scroll sideways; the table does
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
    const tableScroll = await page.evaluate(() => {
      const el = document.querySelector('.ant-table-content, .ant-table-body');
      return el ? { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth } : null;
    });
    expect(tableScroll).not.toBeNull();
    expect(tableScroll?.clientWidth ?? 999).toBeLessThanOrEqual(390);
    expect(tableScroll?.scrollWidth ?? 0).toBeGreaterThan(tableScroll?.clientWidth ?? 0);
    // the search box and the create button are usable at this width
    expect(await page.getByRole('button', { name: '新建用户' }).isVisible()).toBe(true);
    await page.getByLabel('搜索用户').fill('adm');
    await page.getByLabel('搜索用户').press('Enter');
    await page.waitForURL(/q=adm/);
    await page.getByRole('row', { name: /admin/ }).waitFor();
    await screenshot(page, 'mobile-02-users');

    // the menu opens as a drawer and navigates
    await hamburger.click();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('menuitem', { name: '部门管理' }).waitFor();
    await screenshot(page, 'mobile-03-menu-open');
    await nav.getByRole('menuitem', { name: '部门管理' }).click();
    await page.getByRole('heading', { name: '部门管理', level: 1 }).waitFor();
    await expect.poll(() => nav.isVisible()).toBe(false);
    await screenshot(page, 'mobile-04-departments');

    // a drawer form stacks at full width
    await page.goto(`${env.server.url}/admin/users`);
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.getByRole('dialog', { name: '新建用户' });
    await drawer.getByLabel('用户名').waitFor();
    const box = await drawer.getByLabel('用户名').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    await screenshot(page, 'mobile-05-user-drawer');

    expect(problems).toEqual([]);
    await close();
  });
});
