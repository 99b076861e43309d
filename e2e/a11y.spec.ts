import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type E2eServer } from './support/server.ts';
import { blocking, launchBrowser, newPage, runAxe, screenshot, signIn } from './support/browser.ts';

/** axe-core on the login page and the signed-in shell: nothing serious or critical. */
describe('accessibility (axe)', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('login page, Chinese and English', async () => {
    const { context, page } = await newPage(browser, { width: 1366, height: 800 });
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: '登录 Bidflow' }).waitFor();
    expect(blocking(await runAxe(page))).toEqual([]);

    // the error state too
    await signIn(page, server.url, ADMIN_USERNAME, 'wrong-password');
    await page.getByRole('alert').waitFor();
    expect(blocking(await runAxe(page))).toEqual([]);

    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in to Bidflow' }).waitFor();
    await page.keyboard.press('Escape');
    expect(blocking(await runAxe(page))).toEqual([]);
    await screenshot(page, 'a11y-login-en');
    await context.close();
  });

  test('signed-in shell with the users page, desktop and phone', async () => {
    for (const [width, height] of [
      [1366, 800],
      [390, 844],
    ] as const) {
      const { context, page } = await newPage(browser, { width, height });
      await signIn(page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor(); // everyone lands on the workspace
      await page.goto(`${server.url}/admin/users`);
      await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
      await page.getByRole('row', { name: /admin/ }).waitFor();
      expect(blocking(await runAxe(page))).toEqual([]);

      await page.goto(`${server.url}/profile`);
      await page.getByRole('heading', { name: '个人资料', level: 1 }).waitFor();
      expect(blocking(await runAxe(page))).toEqual([]);
      await context.close();
    }
  });
});
