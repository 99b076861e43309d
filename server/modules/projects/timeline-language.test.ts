import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineEntries } from '../../db/schema.ts';
import { createOrg, type OrgFixture } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/**
 * Timeline titles are stored as a catalogue key with its parameters (plus the Chinese text) and
 * shown in the reader's language: the same project and customer timelines read in Chinese by a
 * Chinese-locale account manager and in English by an English-locale general manager. Rows
 * written before titles had keys (or whose key is gone) show their stored title to everyone.
 */

let t: TestApp;
let org: OrgFixture;
let customerId: string;
let projectId: string;
let projectCode: string;

const am = () => org.users.am?.cookie ?? '';
const gm = () => org.users.gm?.cookie ?? '';

async function projectTitles(cookie: string): Promise<string[]> {
  const res = await t.call('GET', `/api/projects/${projectId}/timeline?limit=100`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Array<{ title: string }>).map((e) => e.title);
}
async function customerTitles(cookie: string): Promise<string[]> {
  const res = await t.call('GET', `/api/customers/${customerId}/timeline?limit=100`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Array<{ title: string }> }).items.map((e) => e.title);
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const c = await t.call('POST', '/api/customers', { cookie: am(), body: { name: '杭州市某某局', status: 'potential' } });
  expect(c.statusCode, c.body).toBe(200);
  customerId = (c.json() as { id: string }).id;
  const version = ((await t.call('GET', `/api/customers/${customerId}`, { cookie: am() })).json() as { version: number }).version;
  const u = await t.call('PATCH', `/api/customers/${customerId}`, { cookie: am(), body: { version, status: 'following' } });
  expect(u.statusCode, u.body).toBe(200);
  const p = await t.call('POST', '/api/projects', { cookie: am(), body: { name: '智慧停车', customerId } });
  expect(p.statusCode, p.body).toBe(200);
  ({ id: projectId, code: projectCode } = p.json() as { id: string; code: string });
  const en = await t.call('PATCH', '/api/auth/profile', { cookie: gm(), body: { locale: 'en' } });
  expect(en.statusCode, en.body).toBe(200);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('timeline titles in the reader language', () => {
  it('the row keeps the key, the parameters and the Chinese title', async () => {
    const rows = await t.database.db.select().from(timelineEntries).where(eq(timelineEntries.customerId, customerId));
    const status = rows.find((r) => r.kind === 'customer.status');
    expect(status?.title).toBe('客户状态：潜在客户 → 跟进中');
    expect(status?.titleKey).toBe('crm.timeline.customer_status');
    expect(status?.titleParams).toEqual({ from: { zh: '潜在客户', en: 'Potential' }, to: { zh: '跟进中', en: 'Following up' } });
    const created = rows.find((r) => r.kind === 'project.created');
    expect(created?.title).toBe(`新建商机 ${projectCode}「智慧停车」`);
    expect(created?.titleKey).toBe('projects.timeline.created');
  });

  it('a Chinese-locale reader sees Chinese titles, as written', async () => {
    expect(await projectTitles(am())).toEqual([`新建商机 ${projectCode}「智慧停车」`]);
    expect(await customerTitles(am())).toEqual(
      expect.arrayContaining(['新建客户「杭州市某某局」', '客户状态：潜在客户 → 跟进中', `新建商机 ${projectCode}「智慧停车」`]),
    );
  });

  it('an English-locale reader sees the same entries in English (labels too; names stay as entered)', async () => {
    expect(await projectTitles(gm())).toEqual([`Opportunity ${projectCode} "智慧停车" created`]);
    const titles = await customerTitles(gm());
    expect(titles).toEqual(
      expect.arrayContaining([
        'Customer "杭州市某某局" created',
        'Customer status: Potential → Following up',
        `Opportunity ${projectCode} "智慧停车" created`,
      ]),
    );
    expect(titles).not.toContain('客户状态：潜在客户 → 跟进中');
  });

  it('an old row without a key, or with a key no catalogue knows, shows its stored title to every reader', async () => {
    const base = { customerId, projectId, entityType: 'project', entityId: projectId, actorId: null, at: new Date(Date.now() + 60_000) };
    await t.database.db.insert(timelineEntries).values([
      { ...base, kind: 'project.legacy', title: '旧版写入的条目' },
      { ...base, kind: 'project.legacy', title: '已停用的消息', titleKey: 'projects.timeline.no_such_key', titleParams: { x: '1' } },
    ]);
    for (const cookie of [am(), gm()]) {
      const project = await projectTitles(cookie);
      expect(project).toEqual(expect.arrayContaining(['旧版写入的条目', '已停用的消息']));
      expect(await customerTitles(cookie)).toEqual(expect.arrayContaining(['旧版写入的条目', '已停用的消息']));
    }
    expect(await projectTitles(gm())).toContain(`Opportunity ${projectCode} "智慧停车" created`);
  });
});
