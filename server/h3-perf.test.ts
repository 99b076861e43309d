import { sql } from 'drizzle-orm';
import { it } from 'vitest';
import { createTestApp } from './test-support/test-app.ts';
import { createProjectOrg, insertCustomer } from './test-support/project-fixtures.ts';

it('perf', async () => {
  const t = await createTestApp();
  const org = await createProjectOrg(t);
  const cust = await insertCustomer(t, { name: '性能客户', ownerUserId: org.id('am'), departmentId: org.depts.marketEast });
  const db = t.database.db;
  const owners = [org.id('am'), org.id('am2'), org.id('mm'), org.id('gm')];
  const stages = ['opportunity', 'registered', 'requirement_research', 'solution', 'quotation', 'tender', 'won', 'lost', 'handoff', 'closed'];
  const t0 = Date.now();
  await db.execute(sql`INSERT INTO projects (code, name, customer_id, stage, stage_entered_at, status, amount_fen, owner_user_id, department_id, search_text, updated_at, expected_sign_date)
    SELECT 'P-' || g, '项目' || g, ${cust}::uuid, (ARRAY[${sql.raw(stages.map((s) => `'${s}'`).join(','))}])[1 + g % 10], now(), CASE WHEN g % 10 = 7 THEN 'lost' ELSE 'open' END,
      (g % 1000) * 10000, (ARRAY[${sql.raw(owners.map((o) => `'${o}'::uuid`).join(','))}])[1 + g % 4],
      CASE WHEN g % 4 < 2 THEN ${org.depts.marketEast}::uuid ELSE ${org.depts.market}::uuid END, 'p-' || g || ' 项目' || g, now() - g * interval '1 minute', current_date + (g % 300)
    FROM generate_series(1, 100000) g`);
  await db.execute(sql`ANALYZE projects`);
  console.log('insert', Date.now() - t0);
  const time = async (label: string, who: string, url: string) => {
    await t.call('GET', url, { cookie: org.cookie(who) });
    const s = Date.now();
    let res;
    for (let i = 0; i < 5; i++) res = await t.call('GET', url, { cookie: org.cookie(who) });
    console.log(label, who, ((Date.now() - s) / 5).toFixed(1), 'ms', res?.statusCode, (res?.body ?? '').slice(0, 80));
  };
  for (const who of ['gm', 'am', 'mm', 'pe']) {
    await time('list', who, '/api/projects');
    await time('list-amount', who, '/api/projects?sort=-amount');
    await time('list-q', who, '/api/projects?q=99');
    await time('kanban', who, '/api/projects/kanban');
    await time('kanban-stage', who, '/api/projects/kanban/solution?page=3');
    await time('mine', who, '/api/projects?mine=true');
    await time('workspace', who, '/api/workspace');
  }
  await t.close();
}, 600_000);
