import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { blocking, runAxe, screenshot, signIn } from './support/browser.ts';

/** axe-core on the login page and the signed-in shell: nothing serious or critical. */
describe('accessibility (axe)', () => {
  const env = useE2eEnvironment('bidflow-e2e-a11y-');

  test('login page, Chinese and English', async () => {
    const { page, close } = await env.page(1366, 800);
    await page.goto(`${env.server.url}/login`);
    await page.getByRole('heading', { name: '登录 Bidflow' }).waitFor();
    expect(blocking(await runAxe(page))).toEqual([]);

    // the error state too
    await signIn(page, env.server.url, ADMIN_USERNAME, 'wrong-password');
    await page.getByRole('alert').waitFor();
    expect(blocking(await runAxe(page))).toEqual([]);

    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in to Bidflow' }).waitFor();
    await page.keyboard.press('Escape');
    // the language menu fades out: measure contrast once it is gone
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    expect(blocking(await runAxe(page))).toEqual([]);
    await screenshot(page, 'a11y-login-en');
    await close();
  });

  test('signed-in shell with the users page, desktop and phone', async () => {
    for (const [width, height] of [
      [1366, 800],
      [390, 844],
    ] as const) {
      const { page, close } = await env.signedIn(ADMIN_USERNAME, width, height, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor(); // everyone lands on the workspace
      await page.goto(`${env.server.url}/admin/users`);
      await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
      await page.getByRole('row', { name: /admin/ }).waitFor();
      expect(blocking(await runAxe(page))).toEqual([]);

      await page.goto(`${env.server.url}/profile`);
      await page.getByRole('heading', { name: '个人资料', level: 1 }).waitFor();
      expect(blocking(await runAxe(page))).toEqual([]);
      await close();
    }
  });
});
