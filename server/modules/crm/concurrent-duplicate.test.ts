import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { customers } from '../../db/schema.ts';
import { testEngine } from '../../test-support/test-db.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, crmFixture, workbook } from './crm-test-fixture.ts';
import type { TestApp } from '../../test-support/test-app.ts';

/**
 * A credit code saved twice at once: the unique index refuses the second insert, and the create
 * or import that hits it answers 409 conflict_duplicate, never a 500 (raced on PostgreSQL).
 */

let t: TestApp;
let mm: string;

beforeAll(async () => {
  ({ t, mm } = await crmFixture());
}, 180_000);
afterAll(async () => {
  await t.close();
});

const get = (cookie: string, url: string) => t.call('GET', url, { cookie });
const post = (cookie: string, url: string, body: unknown) => t.call('POST', url, { cookie, body });

describe('a unique violation from a concurrent save', () => {
  it('answers 409 conflict_duplicate for a create and an import, never a 500', async () => {
    const db = t.database.db;
    if (testEngine() !== 'postgres') {
      // PGlite runs one transaction at a time, so the race cannot happen there; the index still holds
      const dup = await db
        .insert(customers)
        .values({ name: '重复', nameKey: '重复', creditCode: code(1, '11330400MB') })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(dup).not.toBeNull();
      return;
    }
    // hold an uncommitted customer with the code, let the request pass its duplicate check and
    // wait on the unique index, then commit: the request's insert fails with 23505
    const race = async (
      creditCode: string,
      request: () => Promise<{ statusCode: number; body: string; json(): { code: string; message: string } }>,
    ) => {
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let inserted = () => {};
      const insertedP = new Promise<void>((r) => {
        inserted = r;
      });
      const tx = db.transaction(async (x) => {
        await x.insert(customers).values({ name: `并发占用${creditCode}`, nameKey: `并发占用${creditCode}`, creditCode });
        inserted();
        await held;
      });
      await insertedP;
      const pending = request();
      for (let i = 0; i < 200; i++) {
        const waiting = rowsOf<{ n: number }>(
          await db.execute(
            sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          ),
        );
        if ((waiting[0]?.n ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      release();
      await tx;
      return pending;
    };
    const created = await race(code(2, '11330400MB'), () =>
      post(mm, '/api/customers', { name: '舟山市港航局', creditCode: code(2, '11330400MB') }),
    );
    expect(created.statusCode, created.body).toBe(409);
    expect(created.json()).toMatchObject({ code: 'conflict_duplicate', message: '该统一社会信用代码已存在' });
    const file = {
      fileName: '客户.xlsx',
      contentBase64: (await workbook(['客户名称', '统一社会信用代码'], [['丽水市气象局', code(3, '11330400MB')]])).toString('base64'),
    };
    const imported = await race(code(3, '11330400MB'), () => post(mm, '/api/customers/import/commit', { ...file, mode: 'all_or_nothing' }));
    expect(imported.statusCode, imported.body).toBe(409);
    expect(imported.json()).toMatchObject({ code: 'conflict_duplicate', message: '文件中的统一社会信用代码已存在' });
    expect((await get(mm, '/api/customers?q=丽水市气象局')).json().total).toBe(0);
  });
});
