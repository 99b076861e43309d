import type { TestApp } from './test-app.ts';
import { ADMIN_PASSWORD } from './test-app.ts';

export const USER_PASSWORD = 'Passw0rd!2026';

export interface OrgFixture {
  adminCookie: string;
  roleIds: Record<string, string>;
  depts: { market: string; marketEast: string; engineering: string };
  users: Record<string, { id: string; cookie: string }>;
}

/** Creates users through the real API and logs them in (after the forced first change). */
export async function createUserViaApi(
  t: TestApp,
  adminCookie: string,
  input: { username: string; displayName: string; departmentId: string | null; roleIds: string[]; managerId?: string | null },
): Promise<string> {
  const res = await t.call('POST', '/api/users', {
    cookie: adminCookie,
    body: { ...input, password: 'Initial#2026' },
  });
  if (res.statusCode !== 200) throw new Error(`create user ${input.username}: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export async function loginAndActivate(t: TestApp, username: string): Promise<string> {
  const cookie = await t.login(username, 'Initial#2026');
  const res = await t.call('POST', '/api/auth/change-password', {
    cookie,
    body: { currentPassword: 'Initial#2026', newPassword: USER_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`change password ${username}: ${res.statusCode} ${res.body}`);
  return cookie;
}

/**
 * A small company: 市场部 with a child 华东片区, and 工程部. Users: a sales supervisor and a
 * marketing manager in 市场部, an account manager in 华东片区, an engineer in 工程部, a GM.
 */
export async function createOrg(t: TestApp): Promise<OrgFixture> {
  const adminCookie = await t.login('admin', ADMIN_PASSWORD);
  const roles = (await t.call('GET', '/api/roles', { cookie: adminCookie })).json() as Array<{ id: string; code: string }>;
  const roleIds = Object.fromEntries(roles.map((r) => [r.code, r.id]));
  const mk = async (name: string, parentId: string | null) => {
    const res = await t.call('POST', '/api/departments', { cookie: adminCookie, body: { name, parentId } });
    if (res.statusCode !== 200) throw new Error(`dept ${name}: ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  const market = await mk('市场部', null);
  const marketEast = await mk('华东片区', market);
  const engineering = await mk('工程部', null);
  const specs: Array<[string, string, string, string]> = [
    ['sup', '李主管', market, 'sales_supervisor'],
    ['mm', '王经理', market, 'marketing_manager'],
    ['am', '张客户经理', marketEast, 'account_manager'],
    ['eng', '赵工', engineering, 'technical_group'],
    ['gm', '陈总', market, 'general_manager'],
  ];
  const users: OrgFixture['users'] = {};
  for (const [username, displayName, departmentId, role] of specs) {
    const id = await createUserViaApi(t, adminCookie, { username, displayName, departmentId, roleIds: [roleIds[role] ?? ''] });
    users[username] = { id, cookie: await loginAndActivate(t, username) };
  }
  return { adminCookie, roleIds, depts: { market, marketEast, engineering }, users };
}
