import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN_PASSWORD, type TestApp } from '../../test-support/test-app.ts';
import { createUserViaApi, loginAndActivate, USER_PASSWORD } from '../../test-support/fixtures.ts';

let t: TestApp;
let admin: string;
let roleIds: Record<string, string>;

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + ms);
};
const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.call('POST', '/api/auth/login', { body: { username, password }, headers });

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT: '1000' });
  admin = await t.login('admin', ADMIN_PASSWORD);
  const roles = (await t.call('GET', '/api/roles', { cookie: admin })).json() as Array<{ id: string; code: string }>;
  roleIds = Object.fromEntries(roles.map((r) => [r.code, r.id]));
}, 120_000);
beforeEach(async () => {
  // tests move the clock forward; start each with a fresh administrator session
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

async function newUser(username: string, role = 'account_manager') {
  const id = await createUserViaApi(t, admin, {
    username,
    displayName: `用户${username}`,
    departmentId: null,
    roleIds: [roleIds[role] ?? ''],
  });
  const cookie = await loginAndActivate(t, username);
  return { id, cookie };
}

describe('sign in and out', () => {
  it('logs in, reads me, logs out; the old cookie is dead', async () => {
    const cookie = await t.login('admin', ADMIN_PASSWORD);
    expect(cookie).toMatch(/^bf_sid=[\w-]{40,}$/);
    const me = await t.call('GET', '/api/auth/me', { cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('admin');
    expect(me.json().grants['user.manage']).toBe('all');
    expect((await t.call('POST', '/api/auth/logout', { cookie })).statusCode).toBe(200);
    const after = await t.call('GET', '/api/auth/me', { cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ code: 'unauthenticated', message: '请先登录' });
    const en = await t.call('GET', '/api/auth/me', { cookie, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().message).toBe('Please sign in first');
  });

  it('sets an httpOnly SameSite=Lax cookie and a new session id at every login', async () => {
    const first = await login('admin', ADMIN_PASSWORD);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    const c1 = setCookie.split(';')[0] ?? '';
    const second = await login('admin', ADMIN_PASSWORD, { cookie: c1 });
    const c2 = String(second.headers['set-cookie']).split(';')[0] ?? '';
    expect(c2).not.toBe(c1);
    // the session presented at login was replaced, not kept alive
    expect((await t.call('GET', '/api/auth/me', { cookie: c1 })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/auth/me', { cookie: c2 })).statusCode).toBe(200);
  });

  it('answers an unknown user and a wrong password the same way', async () => {
    const a = await login('nobody-here', 'x12345678');
    const b = await login('admin', 'wrong-pass');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().message).toBe('用户名或密码错误');
  });
});

describe('session timeouts', () => {
  it('ends a session after 30 idle minutes', async () => {
    const cookie = await t.login('admin', ADMIN_PASSWORD);
    advance(minutes(29));
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    advance(minutes(29));
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    advance(minutes(31));
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('ends an active session after 12 hours at the latest', async () => {
    const cookie = await t.login('admin', ADMIN_PASSWORD);
    for (let i = 0; i < 47; i++) {
      advance(minutes(15));
      expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    }
    advance(minutes(16)); // 12 h 1 min after login
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });
});

describe('lockout', () => {
  it('locks after 5 failures in 15 minutes, refuses the right password while locked, unlocks after 15 minutes', async () => {
    await newUser('lock1');
    for (let i = 0; i < 4; i++) {
      const r = await login('lock1', 'wrong-password');
      expect(r.json().code).toBe('invalid_credentials');
    }
    const fifth = await login('lock1', 'wrong-password');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().code).toBe('account_locked');
    const right = await login('lock1', USER_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('account_locked');
    advance(minutes(16));
    expect((await login('lock1', USER_PASSWORD)).statusCode).toBe(200);
  });

  it('failures spread over more than 15 minutes do not lock', async () => {
    await newUser('lock2');
    for (let i = 0; i < 6; i++) {
      expect((await login('lock2', 'wrong-password')).json().code).toBe('invalid_credentials');
      advance(minutes(4));
    }
    expect((await login('lock2', USER_PASSWORD)).statusCode).toBe(200);
  });

  it('an unknown user name "locks" exactly like a real one', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) answers.push((await login('ghost-user', 'whatever1')).json().code);
    const real: string[] = [];
    await newUser('lock3');
    for (let i = 0; i < 6; i++) real.push((await login('lock3', 'whatever1')).json().code);
    expect(answers).toEqual(real);
    advance(minutes(16));
  });

  it('an administrator can unlock, and lockouts are audited', async () => {
    const u = await newUser('lock4');
    for (let i = 0; i < 5; i++) await login('lock4', 'bad-password');
    const view = (await t.call('GET', `/api/users/${u.id}`, { cookie: admin })).json();
    expect(view.lockedUntil).not.toBeNull();
    const res = await t.call('POST', `/api/users/${u.id}/unlock`, { cookie: admin, body: { version: view.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await login('lock4', USER_PASSWORD)).statusCode).toBe(200);
    const audit = (await t.call('GET', `/api/audit?entityId=${u.id}&pageSize=50`, { cookie: admin })).json();
    const actions = (audit.items as Array<{ action: string; result: string }>).map((a) => `${a.action}:${a.result}`);
    expect(actions).toContain('auth.lockout:success');
    expect(actions).toContain('auth.login:failure');
    expect(actions).toContain('user.unlock:success');
  });
});

describe('per-IP limit', () => {
  it('answers 429 once an address has too many failures', async () => {
    const limited = await createTestApp({ LOGIN_IP_LIMIT: '3' });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await limited.call('POST', '/api/auth/login', { body: { username: `u${i}`, password: 'nope-nope' } });
        expect(r.statusCode).toBe(401);
      }
      const r = await limited.call('POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
      expect(r.statusCode).toBe(429);
      expect(r.json().code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('passwords', () => {
  it('forces the initial password to be changed before anything else', async () => {
    await createUserViaApi(t, admin, {
      username: 'newbie',
      displayName: '新人',
      departmentId: null,
      roleIds: [roleIds.sales_supervisor ?? ''],
    });
    const cookie = await t.login('newbie', 'Initial#2026');
    const me = await t.call('GET', '/api/auth/me', { cookie });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.call('GET', '/api/users', { cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    const weak = await t.call('POST', '/api/auth/change-password', {
      cookie,
      body: { currentPassword: 'Initial#2026', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('password_policy');
    expect(weak.json().message).toContain('长度至少 8 位');
    const wrong = await t.call('POST', '/api/auth/change-password', {
      cookie,
      body: { currentPassword: 'nope', newPassword: 'LongEnough1' },
    });
    expect(wrong.json().code).toBe('password_wrong');
    const ok = await t.call('POST', '/api/auth/change-password', {
      cookie,
      body: { currentPassword: 'Initial#2026', newPassword: 'LongEnough1' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.call('GET', '/api/users', { cookie })).statusCode).toBe(200);
  });

  it("an admin reset forces a change at next login and ends the user's sessions", async () => {
    const u = await newUser('resetme');
    const view = (await t.call('GET', `/api/users/${u.id}`, { cookie: admin })).json();
    const res = await t.call('POST', `/api/users/${u.id}/reset-password`, {
      cookie: admin,
      body: { version: view.version, newPassword: 'Reset#2026x' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    expect((await t.call('GET', '/api/auth/me', { cookie: u.cookie })).statusCode).toBe(401);
    const c = await t.login('resetme', 'Reset#2026x');
    expect((await t.call('GET', '/api/auth/me', { cookie: c })).json().mustChangePassword).toBe(true);
  });

  it('等保 mode demands 3 of 4 character classes and expires passwords after N days', async () => {
    // its own app: expiring passwords 30 days ahead would expire everybody's, the admin's too
    const m = await createTestApp();
    try {
      const adm = await m.login('admin', ADMIN_PASSWORD);
      const roles = (await m.call('GET', '/api/roles', { cookie: adm })).json() as Array<{ id: string; code: string }>;
      const sup = roles.find((r) => r.code === 'sales_supervisor')?.id ?? '';
      const cur = (await m.call('GET', '/api/settings/security', { cookie: adm })).json();
      const on = await m.call('PUT', '/api/settings/security', {
        cookie: adm,
        body: { version: cur.version, minLength: 8, complianceMode: true, maxAgeDays: 30 },
      });
      expect(on.statusCode).toBe(200);
      expect((await m.call('GET', '/api/auth/password-policy')).json()).toEqual({ minLength: 8, complianceMode: true, maxAgeDays: 30 });
      const stale = await m.call('PUT', '/api/settings/security', {
        cookie: adm,
        body: { version: cur.version, minLength: 8, complianceMode: false, maxAgeDays: 30 },
      });
      expect(stale.statusCode).toBe(409);
      const weak = await m.call('POST', '/api/users', {
        cookie: adm,
        body: { username: 'mlps', displayName: '等保', roleIds: [sup], password: 'lowercase123' },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().message).toContain('至少三类');
      await createUserViaApi(m, adm, { username: 'mlps', displayName: '等保', departmentId: null, roleIds: [sup] });
      const cookie = await m.login('mlps', 'Initial#2026');
      const twoClasses = await m.call('POST', '/api/auth/change-password', {
        cookie,
        body: { currentPassword: 'Initial#2026', newPassword: 'abcdefgh1' },
      });
      expect(twoClasses.json().code).toBe('password_policy');
      const three = await m.call('POST', '/api/auth/change-password', {
        cookie,
        body: { currentPassword: 'Initial#2026', newPassword: 'Abcdefgh1' },
      });
      expect(three.statusCode).toBe(200);
      expect((await m.call('GET', '/api/users', { cookie })).statusCode).toBe(200);
      m.clock.now = new Date(m.clock.now.getTime() + 30 * 86_400_000 + minutes(1));
      const fresh = await m.login('mlps', 'Abcdefgh1');
      expect((await m.call('GET', '/api/auth/me', { cookie: fresh })).json().passwordExpired).toBe(true);
      const expired = await m.call('GET', '/api/users', { cookie: fresh });
      expect(expired.statusCode).toBe(403);
      expect(expired.json().code).toBe('password_expired');
      expect(
        (
          await m.call('POST', '/api/auth/change-password', {
            cookie: fresh,
            body: { currentPassword: 'Abcdefgh1', newPassword: 'Xyzabcde2' },
          })
        ).statusCode,
      ).toBe(200);
      expect((await m.call('GET', '/api/users', { cookie: fresh })).statusCode).toBe(200);
    } finally {
      await m.close();
    }
  });
});

describe('deactivation', () => {
  it('ends every session and token of the user at once', async () => {
    const u = await newUser('leaver');
    const other = await t.login('leaver', USER_PASSWORD);
    const token = (await t.call('POST', '/api/auth/tokens', { cookie: u.cookie, body: { name: 't' } })).json().token as string;
    expect((await t.call('GET', '/api/auth/me', { bearer: token })).statusCode).toBe(200);
    const v = (await t.call('GET', `/api/users/${u.id}`, { cookie: admin })).json();
    const res = await t.call('POST', `/api/users/${u.id}/active`, { cookie: admin, body: { version: v.version, active: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    for (const cookie of [u.cookie, other]) expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/auth/me', { bearer: token })).statusCode).toBe(401);
    expect((await login('leaver', USER_PASSWORD)).json().code).toBe('invalid_credentials');
  });

  it('an administrator cannot deactivate themselves', async () => {
    const me = (await t.call('GET', '/api/auth/me', { cookie: admin })).json();
    const v = (await t.call('GET', `/api/users/${me.id}`, { cookie: admin })).json();
    const res = await t.call('POST', `/api/users/${me.id}/active`, { cookie: admin, body: { version: v.version, active: false } });
    expect(res.statusCode).toBe(409);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, expire, and can be revoked only by their owner', async () => {
    const a = await newUser('tok-a', 'sales_supervisor');
    const b = await newUser('tok-b');
    const created = await t.call('POST', '/api/auth/tokens', { cookie: a.cookie, body: { name: '数据同步', expiresInDays: 1 } });
    const token = created.json().token as string;
    const list = await t.call('GET', '/api/auth/tokens', { cookie: a.cookie });
    expect(list.body).not.toContain(token);
    expect(list.json()[0].prefix).toBe(token.slice(0, 10));
    expect((await t.call('GET', '/api/auth/me', { bearer: token })).json().via).toBe('token');
    // tokens cannot be stretched by another user
    expect((await t.call('DELETE', `/api/auth/tokens/${created.json().id}`, { cookie: b.cookie })).statusCode).toBe(404);
    advance(86_400_000 + 1000);
    expect((await t.call('GET', '/api/auth/me', { bearer: token })).statusCode).toBe(401);
    const c = await t.login('tok-a', USER_PASSWORD);
    const second = (await t.call('POST', '/api/auth/tokens', { cookie: c, body: { name: '第二个' } })).json();
    expect((await t.call('GET', '/api/users', { bearer: second.token })).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/auth/tokens/${second.id}`, { cookie: c })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/users', { bearer: second.token })).statusCode).toBe(401);
    admin = await t.login('admin', ADMIN_PASSWORD);
    const audit = (await t.call('GET', `/api/audit?entityType=api_token&pageSize=50`, { cookie: admin })).json();
    const actions = (audit.items as Array<{ action: string }>).map((x) => x.action);
    expect(actions).toContain('token.create');
    expect(actions).toContain('token.revoke');
  });
});
