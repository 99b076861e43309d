import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractEndpoints } from '../modules/install.ts';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../test-support/test-app.ts';
import { createOrg, type OrgFixture } from '../test-support/fixtures.ts';

/**
 * The role × endpoint matrix. The list of endpoints comes from the modules' contracts (every
 * route the server mounts must come from one, and every contract endpoint must be mounted); the
 * expected access of each — and the exact status an allowed caller gets for a call with a
 * made-up id and an empty body — is written here by hand, independently of the contracts' own
 * declarations. An endpoint missing from this table fails the test, so a new endpoint cannot
 * ship without a decision about who may call it.
 */
type Expectation = readonly [access: 'public' | 'authenticated' | string, status: number];
const EXPECTED: Record<string, Expectation> = {
  'GET /api/health': ['public', 200],
  'GET /api/openapi.json': ['public', 200],
  'POST /api/auth/login': ['public', 400],
  'GET /api/auth/password-policy': ['public', 200],
  'POST /api/auth/logout': ['authenticated', 200],
  'GET /api/auth/me': ['authenticated', 200],
  'POST /api/auth/change-password': ['authenticated', 400],
  'PATCH /api/auth/profile': ['authenticated', 200],
  'GET /api/auth/tokens': ['authenticated', 200],
  'POST /api/auth/tokens': ['authenticated', 400],
  'DELETE /api/auth/tokens/:id': ['authenticated', 404],
  'GET /api/users': ['user.read', 200],
  'GET /api/users/:id': ['user.read', 404],
  'POST /api/users': ['user.manage', 400],
  'PATCH /api/users/:id': ['user.manage', 400],
  'POST /api/users/:id/reset-password': ['user.manage', 400],
  'POST /api/users/:id/active': ['user.manage', 400],
  'POST /api/users/:id/unlock': ['user.manage', 400],
  'GET /api/departments': ['department.read', 200],
  'POST /api/departments': ['department.manage', 400],
  'PATCH /api/departments/:id': ['department.manage', 400],
  'GET /api/roles': ['role.read', 200],
  'GET /api/permissions': ['role.read', 200],
  'POST /api/roles': ['role.manage', 400],
  'PATCH /api/roles/:id': ['role.manage', 400],
  'GET /api/audit': ['audit.read', 200],
  'GET /api/audit/export.xlsx': ['audit.export', 200],
  'GET /api/audit/verify': ['audit.verify', 200],
  'GET /api/settings/security': ['system.settings', 200],
  'PUT /api/settings/security': ['system.settings', 400],
  'GET /api/notifications/unread-count': ['authenticated', 200],
  'GET /api/notifications': ['authenticated', 200],
  'POST /api/notifications/:id/read': ['authenticated', 404],
  'POST /api/notifications/read-all': ['authenticated', 200],
  'GET /api/notifications/preferences': ['authenticated', 200],
  'PUT /api/notifications/preferences': ['authenticated', 400],
  'GET /api/notifications/admin/settings': ['notification.admin', 200],
  'PUT /api/notifications/admin/channels/email': ['notification.admin', 400],
  'PUT /api/notifications/admin/channels/:channel': ['notification.admin', 400],
  'POST /api/notifications/admin/channels/:channel/test': ['notification.admin', 400],
  'PUT /api/notifications/admin/rules': ['notification.admin', 400],
  'GET /api/notifications/admin/outbox': ['notification.admin', 200],
  'POST /api/notifications/admin/outbox/:id/retry': ['notification.admin', 404],
  'GET /api/jobs': ['job.manage', 200],
  'GET /api/jobs/schedules': ['job.manage', 200],
  'POST /api/jobs/:id/retry': ['job.manage', 404],
  'GET /api/approvals': ['authenticated', 200],
  'GET /api/approvals/counts': ['authenticated', 200],
  'GET /api/approvals/:id': ['authenticated', 404],
  'POST /api/approvals/:id/approve': ['authenticated', 400],
  'POST /api/approvals/:id/reject': ['authenticated', 400],
  'POST /api/approvals/:id/return': ['authenticated', 400],
  'POST /api/approvals/:id/add-approver': ['authenticated', 400],
  'POST /api/approvals/:id/withdraw': ['authenticated', 404],
  'POST /api/approvals/:id/resubmit': ['authenticated', 404],
  'POST /api/approvals/:id/attachments': ['authenticated', 400],
  'GET /api/approvals/:id/attachments/:attachmentId': ['authenticated', 400],
  'GET /api/approvals/delegations': ['authenticated', 200],
  'POST /api/approvals/delegations': ['authenticated', 400],
  'DELETE /api/approvals/delegations/:id': ['authenticated', 404],
  'GET /api/approvals/user-options': ['authenticated', 200],
  'GET /api/approval-processes': ['approval.admin', 200],
  'GET /api/approval-processes/:code': ['approval.admin', 404],
  'GET /api/approval-processes/:code/versions/:version': ['approval.admin', 400],
  'PUT /api/approval-processes/:code/chain': ['approval.admin', 400],
  'GET /api/calendar/add-working-days': ['public', 400],
  'GET /api/calendar/working-days-between': ['public', 400],
  'GET /api/calendar/add-working-hours': ['public', 400],
  'GET /api/calendar/years': ['public', 200],
  'GET /api/calendar/years/:year': ['public', 400],
  'PUT /api/calendar/years/:year': ['calendar.manage', 400],
  'GET /api/calendar/working-hours': ['public', 200],
  'PUT /api/calendar/working-hours': ['calendar.manage', 400],
  'POST /api/calendar/parse-notice': ['calendar.manage', 400],
  'GET /api/deadlines/policies': ['deadline.read', 200],
  'PATCH /api/deadlines/policies/:id': ['deadline.manage', 400],
  'GET /api/deadlines': ['deadline.read', 200],
  'GET /api/deadlines/sla': ['deadline.read', 200],
  // presales projects, workspace, weekly tracking
  'GET /api/projects/config/stages': ['project.read', 200],
  'PUT /api/projects/config/stages': ['project.configure', 400],
  'GET /api/projects': ['project.read', 200],
  'GET /api/projects/kanban': ['project.read', 200],
  'GET /api/projects/kanban/:stage': ['project.read', 404],
  'POST /api/projects': ['project.create', 400],
  'GET /api/projects/:id': ['project.read', 404],
  'PATCH /api/projects/:id': ['project.update', 400],
  'POST /api/projects/:id/go-no-go': ['project.update', 400],
  'POST /api/projects/:id/no-go': ['project.update', 400],
  'POST /api/projects/:id/registration': ['project.create', 400],
  'POST /api/projects/:id/share-exception': ['project.update', 400],
  'POST /api/projects/:id/special-handling': ['project.update', 400],
  'POST /api/projects/:id/presales-lead': ['project.assign', 400],
  'GET /api/projects/:id/members': ['project.read', 404],
  'POST /api/projects/:id/members': ['project.update', 400],
  'DELETE /api/projects/:id/members': ['project.update', 400],
  'PUT /api/projects/:id/monitor': ['project.update', 400],
  'PUT /api/projects/:id/manager': ['project.update', 400],
  'POST /api/projects/:id/stage': ['project.update', 400],
  'POST /api/projects/:id/outcome': ['project.update', 400],
  'GET /api/projects/:id/summary': ['project.read', 404],
  'PUT /api/projects/:id/summary': ['project.read', 400],
  'POST /api/projects/:id/close': ['project.update', 400],
  'GET /api/projects/:id/timeline': ['project.read', 404],
  'GET /api/projects/:id/stage-history': ['project.read', 404],
  'GET /api/projects/:id/deadlines': ['project.read', 404],
  'GET /api/projects/:id/meetings': ['project.read', 404],
  'POST /api/projects/:id/meetings': ['project.update', 400],
  'PATCH /api/meetings/:id': ['project.update', 400],
  'POST /api/meetings/:id/tasks': ['project.update', 400],
  'GET /api/tasks/mine': ['authenticated', 200],
  'POST /api/tasks/:id/done': ['authenticated', 400],
  'GET /api/saved-views': ['authenticated', 400],
  'POST /api/saved-views': ['authenticated', 400],
  'DELETE /api/saved-views/:id': ['authenticated', 404],
  'GET /api/workspace': ['authenticated', 200],
  'GET /api/project-tracking': ['project.read', 200],
  'GET /api/project-tracking/missing': ['project.tracking', 200],
  'GET /api/project-tracking/export.xlsx': ['project.read', 200],
  'PATCH /api/project-tracking/:id': ['project.read', 400],
  'GET /api/customers': ['customer.read', 200],
  'POST /api/customers': ['customer.manage', 400],
  'GET /api/customers/:id': ['customer.read', 404],
  'PATCH /api/customers/:id': ['customer.manage', 400],
  'GET /api/customers/export.xlsx': ['customer.export', 200],
  'GET /api/customers/import/template.xlsx': ['customer.import', 200],
  'POST /api/customers/import/preview': ['customer.import', 400],
  'POST /api/customers/import/commit': ['customer.import', 400],
  'POST /api/customers/duplicates': ['customer.read', 200],
  'POST /api/customers/:id/transfer': ['customer.transfer', 400],
  'GET /api/customers/:id/shares': ['customer.read', 404],
  'PUT /api/customers/:id/shares': ['customer.manage', 400],
  'GET /api/customers/:id/timeline': ['customer.read', 404],
  'GET /api/partners': ['partner.read', 200],
  'POST /api/partners': ['partner.manage', 400],
  'GET /api/partners/:id': ['partner.read', 404],
  'PATCH /api/partners/:id': ['partner.manage', 400],
  'GET /api/partners/export.xlsx': ['customer.export', 200],
  'GET /api/partners/import/template.xlsx': ['customer.import', 200],
  'POST /api/partners/import/preview': ['customer.import', 400],
  'POST /api/partners/import/commit': ['customer.import', 400],
  'POST /api/partners/duplicates': ['partner.read', 200],
  'POST /api/partners/:id/transfer': ['partner.manage', 400],
  'GET /api/partners/:id/shares': ['partner.read', 404],
  'PUT /api/partners/:id/shares': ['partner.manage', 400],
  'GET /api/contacts': ['customer.read', 200],
  'POST /api/contacts': ['customer.manage', 400],
  'GET /api/contacts/:id': ['customer.read', 404],
  'PATCH /api/contacts/:id': ['customer.manage', 400],
  'GET /api/contacts/export.xlsx': ['customer.export', 200],
  'GET /api/contacts/import/template.xlsx': ['customer.import', 200],
  'POST /api/contacts/import/preview': ['customer.import', 400],
  'POST /api/contacts/import/commit': ['customer.import', 400],
  'DELETE /api/contacts/:id': ['customer.manage', 400],
  'GET /api/search': ['authenticated', 400],
  // information intake, activities, visit log, inquiries and complaints
  'GET /api/leads': ['lead.read', 200],
  'POST /api/leads': ['lead.register', 400],
  'GET /api/leads/export.xlsx': ['customer.export', 200],
  'GET /api/leads/import/template.xlsx': ['customer.import', 200],
  'POST /api/leads/import/preview': ['customer.import', 400],
  'POST /api/leads/import/commit': ['customer.import', 400],
  'GET /api/leads/assignees': ['lead.screen', 200],
  'GET /api/leads/settings': ['lead.read', 200],
  'PUT /api/leads/settings': ['system.settings', 400],
  'POST /api/leads/partner-registration': ['lead.register', 400],
  'GET /api/leads/:id': ['lead.read', 404],
  'PATCH /api/leads/:id': ['lead.read', 400],
  'POST /api/leads/:id/attachments': ['lead.read', 400],
  'GET /api/leads/:id/attachments/:attId': ['lead.read', 400],
  'POST /api/leads/:id/screen': ['lead.screen', 400],
  'POST /api/leads/:id/evaluate': ['lead.evaluate', 400],
  'POST /api/leads/:id/escalate': ['lead.read', 400],
  'POST /api/leads/:id/decide': ['lead.decide', 400],
  'POST /api/leads/:id/resolve-conflict': ['lead.decide', 400],
  'GET /api/activities': ['activity.read', 200],
  'POST /api/activities': ['activity.create', 400],
  'GET /api/activities/export.xlsx': ['customer.export', 200],
  'GET /api/activities/:id': ['activity.read', 404],
  'PATCH /api/activities/:id': ['activity.create', 400],
  'GET /api/visit-logs/mine': ['activity.create', 200],
  'POST /api/visit-logs/:date/submit': ['activity.create', 400],
  'GET /api/reports/visit-rollup': ['report.visit_rollup', 200],
  'GET /api/reports/visit-rollup/export.xlsx': ['report.visit_rollup', 200],
  'GET /api/cases': ['case.read', 200],
  'POST /api/cases': ['case.manage', 400],
  'GET /api/cases/export.xlsx': ['customer.export', 200],
  'GET /api/cases/:id': ['case.read', 404],
  'PATCH /api/cases/:id': ['case.manage', 400],
  'POST /api/cases/:id/assign': ['case.manage', 400],
  'POST /api/cases/:id/answer': ['case.read', 400],
  'POST /api/cases/:id/close': ['case.manage', 400],
};

/** Which default role holds which permission (from PRODUCT.md §1 defaults). */
const ROLE_GRANTS: Record<string, string[]> = {
  sup: ['user.read', 'department.read', 'deadline.read'],
  mm: ['user.read', 'department.read', 'deadline.read'],
  am: ['user.read'],
  eng: ['user.read'],
  gm: ['user.read', 'department.read', 'role.read', 'audit.read', 'audit.export', 'deadline.read'],
  // the administrator of an empty database (core/default-roles.ts: every administration capability)
  admin: [
    'user.read',
    'user.manage',
    'department.read',
    'department.manage',
    'role.read',
    'role.manage',
    'audit.read',
    'audit.export',
    'audit.verify',
    'system.settings',
    'notification.admin',
    'job.manage',
    'approval.admin',
    'calendar.manage',
    'deadline.read',
    'deadline.manage',
    'project.configure',
  ],
};

// customers, contacts, partners (default roles of core/default-roles.ts)
for (const [who, perms] of Object.entries({
  sup: ['customer.read', 'customer.manage', 'partner.read', 'partner.manage', 'customer.export', 'customer.import'],
  mm: ['customer.read', 'customer.manage', 'partner.read', 'partner.manage', 'customer.export', 'customer.import', 'customer.transfer'],
  am: ['customer.read', 'customer.manage', 'partner.read', 'customer.export'],
  gm: ['customer.read', 'customer.manage', 'partner.read', 'partner.manage', 'customer.export', 'customer.transfer'],
}))
  ROLE_GRANTS[who]?.push(...perms);

// presales projects (default roles of core/default-roles.ts)
for (const [who, perms] of Object.entries({
  sup: ['project.read', 'project.tracking'],
  mm: ['project.read', 'project.create', 'project.update', 'project.tracking'],
  am: ['project.read', 'project.create', 'project.update'],
  eng: ['project.read'],
  gm: ['project.read', 'project.create', 'project.update', 'project.assign', 'project.tracking'],
}))
  ROLE_GRANTS[who]?.push(...perms);

// information intake, activities, visit roll-up, cases (default roles of core/default-roles.ts)
for (const [who, perms] of Object.entries({
  sup: ['activity.read', 'activity.create', 'case.read', 'case.manage', 'lead.register', 'lead.read', 'lead.screen'],
  mm: ['activity.read', 'activity.create', 'case.read', 'case.manage', 'lead.read', 'report.visit_rollup'],
  am: ['activity.read', 'activity.create', 'case.read', 'lead.register', 'lead.read', 'lead.evaluate'],
  gm: ['activity.read', 'activity.create', 'case.read', 'case.manage', 'lead.read', 'lead.decide', 'report.visit_rollup'],
}))
  ROLE_GRANTS[who]?.push(...perms);

let t: TestApp;
let org: OrgFixture;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  adminCookie = await t.login('admin', ADMIN_PASSWORD);
}, 180_000);
afterAll(async () => {
  await t.close();
});

const FAKE_ID = '00000000-0000-4000-8000-000000000001';
const ours = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
/** Served by the app itself (the OpenAPI document), not by a module. */
const NOT_FROM_A_CONTRACT = new Set(['GET /api/openapi.json']);

function concrete(url: string): string {
  return url.replace(/:id/g, FAKE_ID);
}
const cookieOf = (who: string) => (who === 'admin' ? adminCookie : (org.users[who]?.cookie ?? ''));
const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});
const accessKey = (access: unknown) =>
  access === 'public' || access === 'authenticated' ? access : ((access as { permission?: string } | undefined)?.permission ?? 'none');

describe('access matrix', () => {
  it('every endpoint comes from a module contract, is mounted, and appears in the expected table', () => {
    const mounted = ours().map((r) => `${r.method} ${r.url}`);
    const declared = contractEndpoints();
    expect(new Set(declared).size, 'an endpoint is declared twice').toBe(declared.length);
    for (const key of mounted) if (!NOT_FROM_A_CONTRACT.has(key)) expect(declared, `${key} is mounted but in no contract`).toContain(key);
    for (const key of declared) expect(mounted, `${key} is in a contract but not mounted`).toContain(key);
    for (const key of mounted) expect(EXPECTED, `route ${key} needs an entry`).toHaveProperty([key]);
    for (const key of Object.keys(EXPECTED)) expect(mounted).toContain(key);
  });

  it('each endpoint declares exactly the access the table expects', () => {
    for (const r of ours()) {
      const key = `${r.method} ${r.url}`;
      expect(r.access, `${key} declares no access`).toBeDefined();
      expect(accessKey(r.access), key).toBe(EXPECTED[key]?.[0]);
    }
  });

  it('unauthenticated calls get 401 everywhere; public endpoints answer their exact status', async () => {
    for (const r of ours()) {
      const key = `${r.method} ${r.url}`;
      const res = await t.call(r.method as 'GET', concrete(r.url), { body: bodyFor(r.method) });
      const [access, status] = EXPECTED[key] ?? ['missing', 0];
      if (access === 'public') {
        expect(res.statusCode, key).toBe(status);
      } else {
        expect(res.statusCode, key).toBe(401);
        expect(res.json().code, key).toBe('unauthenticated');
      }
    }
  });

  it('every signed-in user gets the exact status of the endpoints open to any signed-in user', async () => {
    for (const who of ['am', 'gm']) {
      for (const r of ours()) {
        const key = `${r.method} ${r.url}`;
        const [access, status] = EXPECTED[key] ?? ['missing', 0];
        if (access !== 'authenticated' || key === 'POST /api/auth/logout') continue;
        const res = await t.call(r.method as 'GET', concrete(r.url), { cookie: cookieOf(who), body: bodyFor(r.method) });
        expect(res.statusCode, `${who} ${key}`).toBe(status);
      }
    }
  });

  it('each role reaches exactly the endpoints its permissions allow, with the exact status', async () => {
    for (const [who, grants] of Object.entries(ROLE_GRANTS)) {
      for (const r of ours()) {
        const key = `${r.method} ${r.url}`;
        const [need, status] = EXPECTED[key] ?? ['missing', 0];
        if (need === 'public' || need === 'authenticated') continue;
        const res = await t.call(r.method as 'GET', concrete(r.url), { cookie: cookieOf(who), body: bodyFor(r.method) });
        if (grants.includes(need)) {
          expect(res.statusCode, `${who} ${key}`).toBe(status);
        } else {
          expect(res.statusCode, `${who} ${key}`).toBe(403);
          expect(res.json().code).toBe('forbidden');
        }
      }
    }
  });

  it('a forged session cookie and a forged bearer token are both refused', async () => {
    expect((await t.call('GET', '/api/users', { cookie: 'bf_sid=forged' })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/auth/me', { bearer: 'bf_forged' })).statusCode).toBe(401);
  });

  it('data scope: records of other departments answer 404 and never leak', async () => {
    const sup = org.users.sup?.cookie ?? '';
    const mm = org.users.mm?.cookie ?? '';
    const engId = org.users.eng?.id ?? '';
    const amId = org.users.am?.id ?? '';
    // 本部门: the supervisor of 市场部 sees 市场部 only, not its child 华东片区 nor 工程部
    const engRes = await t.call('GET', `/api/users/${engId}`, { cookie: sup });
    expect(engRes.statusCode).toBe(404);
    expect(engRes.body).not.toContain('赵工');
    expect((await t.call('GET', `/api/users/${amId}`, { cookie: sup })).statusCode).toBe(404);
    const list = (await t.call('GET', '/api/users?pageSize=200', { cookie: sup })).json() as { items: Array<{ username: string }> };
    expect(list.items.map((u) => u.username).sort()).toEqual(['gm', 'mm', 'sup']);
    // 本部门及下级: the marketing manager also sees 华东片区, still not 工程部
    expect((await t.call('GET', `/api/users/${amId}`, { cookie: mm })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/users/${engId}`, { cookie: mm })).statusCode).toBe(404);
    const depts = (await t.call('GET', '/api/departments', { cookie: mm })).json() as Array<{ name: string }>;
    expect(depts.map((d) => d.name).sort()).toEqual(['华东片区', '市场部'].sort());
    // 全部: the GM sees everyone
    expect((await t.call('GET', `/api/users/${engId}`, { cookie: org.users.gm?.cookie ?? '' })).statusCode).toBe(200);
  });

  it("an API token carries exactly its owner's permissions", async () => {
    const sup = org.users.sup?.cookie ?? '';
    const created = await t.call('POST', '/api/auth/tokens', { cookie: sup, body: { name: '集成测试' } });
    expect(created.statusCode).toBe(200);
    const token = created.json().token as string;
    expect(token.startsWith('bf_')).toBe(true);
    expect((await t.call('GET', '/api/users', { bearer: token })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/roles', { bearer: token })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/users/${org.users.eng?.id ?? ''}`, { bearer: token })).statusCode).toBe(404);
  });
});
