import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/server.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { blocking, runAxe, screenshot, settle } from './support/browser.ts';

// A notice in the State Council wording for a year far ahead (test data, not a real schedule).
const NOTICE_2030 =
  '国务院办公厅关于2030年部分节假日安排的通知 一、元旦：1月1日（周二）放假1天，不调休。' +
  '二、春节：2月2日（周六）至10日（周日）放假调休，共9天。1月27日（周日）上班。';

/** 工作日历 and 时限管理 in the browser: mark a holiday, save; enter a year from a pasted notice. */
describe('working-day calendar and deadlines', () => {
  const env = useE2eEnvironment('bidflow-e2e-calendar-');

  test('mark a day as a statutory holiday and save the year', async () => {
    const { page, problems, close } = await env.signedIn(ADMIN_USERNAME, 1366, 900, ADMIN_PASSWORD);
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor(); // signed in: everyone lands on the workspace
    await page.goto(`${env.server.url}/admin/calendar?year=2026`);
    await page.getByRole('heading', { name: '工作日历', level: 1 }).waitFor();
    await page.getByRole('button', { name: /2026-02-16 .*法定节假日（春节）/ }).waitFor();
    await settle(page);
    expect(blocking(await runAxe(page))).toEqual([]);

    await page.getByRole('button', { name: /2026-12-31 / }).click();
    await page.getByText('已修改 1 天，尚未保存。').waitFor();
    await page.getByRole('button', { name: '保存 2026 年日历' }).click();
    await page.getByText('2026 年工作日历已保存').first().waitFor();
    const year = (await (await fetch(`${env.server.url}/api/calendar/years/2026`)).json()) as { holidays: string[]; version: number };
    expect(year.holidays).toContain('2026-12-31');
    expect(year.version).toBe(2);
    const next = (await (await fetch(`${env.server.url}/api/calendar/add-working-days?start=2026-12-30&days=1`)).json()) as {
      code: string;
    };
    expect(next.code).toBe('calendar_year_missing');

    await page.getByRole('button', { name: '粘贴国务院通知' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年份', { exact: true }).fill('2030');
    await dialog.getByLabel('通知全文').fill(NOTICE_2030);
    await dialog.getByRole('button', { name: '识别' }).click();
    await dialog.getByText('2030-01-27').waitFor();
    await settle(page);
    expect(blocking(await runAxe(page))).toEqual([]);
    await dialog.getByRole('button', { name: '确认录入 2030 年' }).click();
    await page.locator('.ant-segmented').getByText('2030 年').waitFor();
    const added = (await (await fetch(`${env.server.url}/api/calendar/add-working-days?start=2030-02-01&days=1`)).json()) as {
      date: string;
    };
    expect(added.date).toBe('2030-02-11');
    await screenshot(page, 'calendar-2030');
    expect(problems).toEqual([]);
    await close();
  });

  test("the deadlines page on a phone: empty states that say what to do, the modules' policies listed", async () => {
    const { page, problems, close } = await env.signedIn(ADMIN_USERNAME, 390, 844, ADMIN_PASSWORD);
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor(); // signed in: everyone lands on the workspace
    await page.goto(`${env.server.url}/admin/deadlines`);
    await page.getByRole('heading', { name: '时限管理', level: 1 }).waitFor();
    await page.getByText('目前没有进行中的时限').waitFor();
    await settle(page);
    expect(blocking(await runAxe(page))).toEqual([]);
    await page.getByRole('tab', { name: '时限规则' }).click();
    // the business modules seed their default policies at start-up (e.g. 信息筛选: 1 working day)
    await page.getByText('信息筛选').first().waitFor();
    await page.getByRole('tab', { name: '时限达成统计' }).click();
    await page.getByText('所选范围内没有已到期的时限').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'deadlines-phone');
    expect(problems).toEqual([]);
    await close();
  });
});
