import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../../test-support/test-app.ts';
import { createOrg, type OrgFixture } from '../../test-support/fixtures.ts';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('users', () => {
  it('validates input with localized field messages', async () => {
    const zh = await t.call('POST', '/api/users', {
      cookie: org.adminCookie,
      body: { username: 'a', email: 'not-mail', roleIds: [], password: 'x' },
    });
    expect(zh.statusCode).toBe(400);
    const body = zh.json();
    expect(body.code).toBe('validation_failed');
    expect(body.message).toBe('提交的内容有误，请检查标出的字段');
    expect(Object.keys(body.details.fields)).toEqual(expect.arrayContaining(['body.username', 'body.displayName', 'body.email']));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i);
    const en = await t.call('POST', '/api/users', {
      cookie: org.adminCookie,
      headers: { 'accept-language': 'en' },
      body: { username: 'a', roleIds: [], password: 'x' },
    });
    // a signed-in user's own language wins over the header; the admin's is zh-CN
    expect(en.json().message).toBe('提交的内容有误，请检查标出的字段');
  });

  it('refuses a duplicate user name regardless of case', async () => {
    const res = await t.call('POST', '/api/users', {
      cookie: org.adminCookie,
      body: { username: 'SUP', displayName: '重复', roleIds: [], password: 'Initial#2026' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('用户名已存在');
  });

  it('refuses a stale version and reports the current one', async () => {
    const id = org.users.am?.id ?? '';
    const v = (await t.call('GET', `/api/users/${id}`, { cookie: org.adminCookie })).json();
    const ok = await t.call('PATCH', `/api/users/${id}`, { cookie: org.adminCookie, body: { version: v.version, phone: '13800138000' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(v.version + 1);
    const stale = await t.call('PATCH', `/api/users/${id}`, {
      cookie: org.adminCookie,
      body: { version: v.version, phone: '13900139000' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict_stale');
    expect(stale.json().details.currentVersion).toBe(v.version + 1);
    const now = (await t.call('GET', `/api/users/${id}`, { cookie: org.adminCookie })).json();
    expect(now.phone).toBe('13800138000');
  });

  it('audits changes with before and after values', async () => {
    const id = org.users.am?.id ?? '';
    const audit = (await t.call('GET', `/api/audit?entityId=${id}&action=user.update`, { cookie: org.adminCookie })).json();
    const entry = audit.items[0];
    expect(entry.changes.phone).toEqual({ before: null, after: '13800138000' });
    expect(entry.actorName).toBe('系统管理员');
  });

  it('filters, searches Chinese names and sorts on allow-listed fields only', async () => {
    const byName = (await t.call('GET', `/api/users?q=${encodeURIComponent('经理')}`, { cookie: org.adminCookie })).json();
    expect(byName.items.map((u: { username: string }) => u.username).sort()).toEqual(['am', 'mm']);
    const byDept = (await t.call('GET', `/api/users?departmentId=${org.depts.engineering}`, { cookie: org.adminCookie })).json();
    expect(byDept.total).toBe(1);
    const sorted = (await t.call('GET', '/api/users?sort=-username&pageSize=2', { cookie: org.adminCookie })).json();
    expect(sorted.items.map((u: { username: string }) => u.username)).toEqual(['sup', 'mm']);
    expect(sorted.total).toBe(6);
    expect((await t.call('GET', '/api/users?sort=password_hash', { cookie: org.adminCookie })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/users?pageSize=201', { cookie: org.adminCookie })).statusCode).toBe(400);
  });

  it('a user manager cannot hand out permissions they do not hold', async () => {
    const { roleIds } = org;
    const create = await t.call('POST', '/api/roles', {
      cookie: org.adminCookie,
      body: {
        code: 'hr_clerk',
        nameZh: '人事专员',
        nameEn: 'HR clerk',
        dataScope: 'all',
        permissions: ['user.read', 'user.manage', 'department.read'],
      },
    });
    expect(create.statusCode).toBe(200);
    const hr = await t.call('POST', '/api/users', {
      cookie: org.adminCookie,
      body: { username: 'hr', displayName: '人事', roleIds: [create.json().id], password: 'Initial#2026' },
    });
    expect(hr.statusCode).toBe(200);
    const hrCookie = await t.login('hr', 'Initial#2026');
    await t.call('POST', '/api/auth/change-password', {
      cookie: hrCookie,
      body: { currentPassword: 'Initial#2026', newPassword: 'HrPass#2026' },
    });
    const current = (await t.call('GET', `/api/users/${hr.json().id}`, { cookie: hrCookie })).json();
    const escalate = await t.call('PATCH', `/api/users/${hr.json().id}`, {
      cookie: hrCookie,
      body: { version: current.version, roleIds: [create.json().id, roleIds.admin] },
    });
    expect(escalate.statusCode).toBe(403);
    const fine = await t.call('POST', '/api/users', {
      cookie: hrCookie,
      body: { username: 'clerk2', displayName: '文员', roleIds: [roleIds.procurement], password: 'Initial#2026' },
    });
    expect(fine.statusCode).toBe(200);
  });
});

describe('departments', () => {
  it('refuses moving a department under its own child, and duplicate sibling names', async () => {
    const depts = (await t.call('GET', '/api/departments', { cookie: org.adminCookie })).json() as Array<{
      id: string;
      name: string;
      version: number;
    }>;
    const market = depts.find((d) => d.name === '市场部');
    const cycle = await t.call('PATCH', `/api/departments/${org.depts.market}`, {
      cookie: org.adminCookie,
      body: { version: market?.version ?? 1, parentId: org.depts.marketEast },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().details.fields['body.parentId']).toContain('不能移动');
    const dup = await t.call('POST', '/api/departments', {
      cookie: org.adminCookie,
      body: { name: '华东片区', parentId: org.depts.market },
    });
    expect(dup.statusCode).toBe(409);
    const sameNameElsewhere = await t.call('POST', '/api/departments', {
      cookie: org.adminCookie,
      body: { name: '华东片区', parentId: org.depts.engineering },
    });
    expect(sameNameElsewhere.statusCode).toBe(200);
  });
});

describe('roles', () => {
  it('edits the permission matrix, audits the difference, refuses unknown permissions', async () => {
    const roles = (await t.call('GET', '/api/roles', { cookie: org.adminCookie })).json() as Array<{
      id: string;
      code: string;
      version: number;
      permissions: string[];
    }>;
    const am = roles.find((r) => r.code === 'account_manager');
    expect(am).toBeDefined();
    const bad = await t.call('PATCH', `/api/roles/${am?.id}`, {
      cookie: org.adminCookie,
      body: { version: am?.version, permissions: ['root.everything'] },
    });
    expect(bad.statusCode).toBe(400);
    const before = [...(am?.permissions ?? [])].sort();
    expect(before).toContain('user.read');
    const without = before.filter((p) => p !== 'user.read');
    const res = await t.call('PATCH', `/api/roles/${am?.id}`, {
      cookie: org.adminCookie,
      body: { version: am?.version, permissions: without, dataScope: 'department' },
    });
    expect(res.statusCode).toBe(200);
    expect([...res.json().permissions].sort()).toEqual(without);
    // the change applies to the next request of a user holding the role
    expect((await t.call('GET', '/api/users', { cookie: org.users.am?.cookie })).statusCode).toBe(403);
    const audit = (await t.call('GET', `/api/audit?entityId=${am?.id}`, { cookie: org.adminCookie })).json();
    expect(audit.items[0].action).toBe('role.update_permissions');
    const change = audit.items[0].changes.permissions as { before: string[]; after: string[] };
    expect([...change.before].sort()).toEqual(before);
    expect([...change.after].sort()).toEqual(without);
    const restore = await t.call('PATCH', `/api/roles/${am?.id}`, {
      cookie: org.adminCookie,
      body: { version: res.json().version, permissions: before, dataScope: 'own' },
    });
    expect(restore.statusCode).toBe(200);
    expect((await t.call('GET', '/api/users', { cookie: org.users.am?.cookie })).statusCode).toBe(200);
  });

  it('never lets the last role manager remove their own power', async () => {
    const roles = (await t.call('GET', '/api/roles', { cookie: org.adminCookie })).json() as Array<{
      id: string;
      code: string;
      version: number;
      permissions: string[];
    }>;
    const admin = roles.find((r) => r.code === 'admin');
    const res = await t.call('PATCH', `/api/roles/${admin?.id}`, {
      cookie: org.adminCookie,
      body: { version: admin?.version, permissions: (admin?.permissions ?? []).filter((p) => p !== 'role.manage') },
    });
    expect(res.statusCode).toBe(409);
    const after = (await t.call('GET', '/api/roles', { cookie: org.adminCookie })).json() as Array<{ code: string; permissions: string[] }>;
    expect(after.find((r) => r.code === 'admin')?.permissions).toContain('role.manage');
  });

  it("shows role names and the permission catalog in the reader's language", async () => {
    const profile = await t.call('PATCH', '/api/auth/profile', { cookie: org.users.gm?.cookie, body: { locale: 'en' } });
    expect(profile.json().locale).toBe('en');
    const cat = (await t.call('GET', '/api/permissions', { cookie: org.users.gm?.cookie })).json() as Array<{ key: string; label: string }>;
    expect(cat.find((c) => c.key === 'audit.read')?.label).toBe('View the audit log');
    const roles = (await t.call('GET', '/api/roles', { cookie: org.users.gm?.cookie })).json() as Array<{ code: string; name: string }>;
    expect(roles.find((r) => r.code === 'general_manager')?.name).toBe('General manager');
    const err = await t.call('POST', '/api/roles', { cookie: org.users.gm?.cookie, body: {} });
    expect(err.json().message).toBe('You do not have permission to do this');
  });
});

describe('first administrator', () => {
  it('the bootstrap admin can sign in with ADMIN_PASSWORD without a forced change', async () => {
    const c = await t.login('admin', ADMIN_PASSWORD);
    expect((await t.call('GET', '/api/auth/me', { cookie: c })).json().mustChangePassword).toBe(false);
  });
});
