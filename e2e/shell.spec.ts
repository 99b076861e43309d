import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { screenshot, signIn } from './support/browser.ts';

/**
 * The main path through the shell: an administrator builds a department and a user with a
 * limited role; that user changes the initial password, sees only what the role grants, gets
 * a 403 page for the rest, switches to English and signs out.
 */
describe('shell, roles and language', () => {
  const env = useE2eEnvironment('bidflow-e2e-shell-');

  test('admin creates a sales supervisor, who sees only what the role allows', async () => {
    const { page, problems, close } = await env.page(1366, 860);
    const base = env.server.url;

    // --- administrator, in Chinese by default
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => page.getByRole('heading', { name: '登录 Bidflow' }).isVisible()).toBe(true);
    await screenshot(page, 'shell-01-login-zh');

    await signIn(page, base, ADMIN_USERNAME, ADMIN_PASSWORD);
    // everyone lands on the workspace (工作台)
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL(/\/admin\/users/);
    await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
    for (const item of ['用户管理', '部门管理', '角色与权限', '审计日志', '安全设置', '个人资料', 'API 令牌']) {
      await nav.getByRole('menuitem', { name: item }).waitFor();
    }

    // a department
    await nav.getByRole('menuitem', { name: '部门管理' }).click();
    await page.getByRole('heading', { name: '部门管理', level: 1 }).waitFor();
    await page.getByRole('button', { name: '新建部门' }).click();
    const deptDialog = page.getByRole('dialog', { name: '新建部门' });
    await deptDialog.getByLabel('部门名称').fill('华东销售部');
    await deptDialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('cell', { name: '华东销售部' }).waitFor();
    await screenshot(page, 'shell-02-department-created');

    // a user with the 业务主管 role (user.read + department.read, no role.read)
    await nav.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.getByRole('dialog', { name: '新建用户' });
    await drawer.getByLabel('用户名').fill('liwei');
    await drawer.getByLabel('姓名').fill('李伟');
    await drawer.getByLabel('初始密码').fill('Init#Pass2024');
    await drawer.getByLabel('部门').click();
    await page.getByTitle('华东销售部', { exact: true }).click();
    await drawer.getByLabel('角色').click();
    await page.keyboard.type('业务主管');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await screenshot(page, 'shell-03-user-drawer');
    await drawer.getByRole('button', { name: '创建' }).click();
    const row = page.getByRole('row', { name: /liwei/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('业务主管');
    expect(await row.textContent()).toContain('华东销售部');

    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);

    // --- the new user: forced to change the initial password first
    await signIn(page, base, 'liwei', 'Init#Pass2024');
    await page.waitForURL(/\/change-password/);
    await page.getByRole('heading', { name: '修改初始密码' }).waitFor();
    await page.goto(`${base}/admin/users`);
    await page.waitForURL(/\/change-password/);
    await page.getByLabel('当前密码').fill('Init#Pass2024');
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByText('长度至少 8 位').first().waitFor();
    await screenshot(page, 'shell-04-forced-password-change');
    await page.getByLabel('新密码', { exact: true }).fill('Liwei#Secure2024');
    await page.getByLabel('确认新密码').fill('Liwei#Secure2024');
    await page.getByRole('button', { name: '修改密码' }).click();

    // lands on the workspace, reaches the users page (user.read) and sees only the permitted modules
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await nav.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL(/\/admin\/users/);
    await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
    await nav.getByRole('menuitem', { name: '部门管理' }).waitFor();
    expect(await nav.getByRole('menuitem', { name: '角色与权限' }).count()).toBe(0);
    expect(await nav.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    expect(await nav.getByRole('menuitem', { name: '安全设置' }).count()).toBe(0);
    // data scope 本部门: the administrator (no department) is not listed
    await page.getByRole('row', { name: /liwei/ }).waitFor();
    expect(await page.getByRole('row', { name: /系统管理员/ }).count()).toBe(0);
    // read-only: no create button
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    await screenshot(page, 'shell-05-supervisor-users');

    // a module the role does not grant
    await page.goto(`${base}/admin/roles`);
    await page.getByRole('heading', { name: '403 无权限' }).waitFor();
    await screenshot(page, 'shell-06-forbidden');

    // English, saved on the profile
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: '403 No access' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    await navEn.getByRole('menuitem', { name: 'Users' }).waitFor();
    await navEn.getByRole('menuitem', { name: 'Departments' }).waitFor();
    await navEn.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('columnheader', { name: 'User name' }).waitFor();
    await screenshot(page, 'shell-07-english');
    await page.reload();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { name: 'Sign in to Bidflow' }).waitFor();
    await screenshot(page, 'shell-08-signed-out-en');

    expect(problems).toEqual([]);
    await close();
  });

  test('a wrong password shows the server message on the login page', async () => {
    const { page, close } = await env.page(1366, 800);
    await signIn(page, env.server.url, ADMIN_USERNAME, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码错误');
    await close();
  });
});
