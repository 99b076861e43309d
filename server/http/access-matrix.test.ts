import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { createOrg, type OrgFixture } from '../test-support/fixtures.ts';

/**
 * The role × endpoint matrix. The expected access of every endpoint is written here by hand,
 * independently of the routes' own declarations; a route missing from this table fails the test,
 * so a new endpoint cannot ship without a decision about who may call it.
 */
const EXPECTED: Record<string, 'public' | 'authenticated' | string> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/password-policy': 'public',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/auth/me': 'authenticated',
  'POST /api/auth/change-password': 'authenticated',
  'PATCH /api/auth/profile': 'authenticated',
  'GET /api/auth/tokens': 'authenticated',
  'POST /api/auth/tokens': 'authenticated',
  'DELETE /api/auth/tokens/:id': 'authenticated',
  'GET /api/users': 'user.read',
  'GET /api/users/:id': 'user.read',
  'POST /api/users': 'user.manage',
  'PATCH /api/users/:id': 'user.manage',
  'POST /api/users/:id/reset-password': 'user.manage',
  'POST /api/users/:id/active': 'user.manage',
  'POST /api/users/:id/unlock': 'user.manage',
  'GET /api/departments': 'department.read',
  'POST /api/departments': 'department.manage',
  'PATCH /api/departments/:id': 'department.manage',
  'GET /api/roles': 'role.read',
  'GET /api/permissions': 'role.read',
  'POST /api/roles': 'role.manage',
  'PATCH /api/roles/:id': 'role.manage',
  'GET /api/audit': 'audit.read',
  'GET /api/audit/export.xlsx': 'audit.export',
  'GET /api/audit/verify': 'audit.verify',
  'GET /api/settings/security': 'system.settings',
  'PUT /api/settings/security': 'system.settings',
  'GET /api/notifications/unread-count': 'authenticated',
  'GET /api/notifications': 'authenticated',
  'POST /api/notifications/:id/read': 'authenticated',
  'POST /api/notifications/read-all': 'authenticated',
  'GET /api/notifications/preferences': 'authenticated',
  'PUT /api/notifications/preferences': 'authenticated',
  'GET /api/notifications/admin/settings': 'notification.admin',
  'PUT /api/notifications/admin/channels/email': 'notification.admin',
  'PUT /api/notifications/admin/channels/:channel': 'notification.admin',
  'POST /api/notifications/admin/channels/:channel/test': 'notification.admin',
  'PUT /api/notifications/admin/rules': 'notification.admin',
  'GET /api/notifications/admin/outbox': 'notification.admin',
  'POST /api/notifications/admin/outbox/:id/retry': 'notification.admin',
  'GET /api/jobs': 'job.manage',
  'GET /api/jobs/schedules': 'job.manage',
  'POST /api/jobs/:id/retry': 'job.manage',
  'GET /api/approvals': 'authenticated',
  'GET /api/approvals/counts': 'authenticated',
  'GET /api/approvals/:id': 'authenticated',
  'POST /api/approvals/:id/approve': 'authenticated',
  'POST /api/approvals/:id/reject': 'authenticated',
  'POST /api/approvals/:id/return': 'authenticated',
  'POST /api/approvals/:id/add-approver': 'authenticated',
  'POST /api/approvals/:id/withdraw': 'authenticated',
  'POST /api/approvals/:id/resubmit': 'authenticated',
  'POST /api/approvals/:id/attachments': 'authenticated',
  'GET /api/approvals/:id/attachments/:attachmentId': 'authenticated',
  'GET /api/approvals/delegations': 'authenticated',
  'POST /api/approvals/delegations': 'authenticated',
  'DELETE /api/approvals/delegations/:id': 'authenticated',
  'GET /api/approvals/user-options': 'authenticated',
  'GET /api/approval-processes': 'approval.admin',
  'GET /api/approval-processes/:code': 'approval.admin',
  'GET /api/approval-processes/:code/versions/:version': 'approval.admin',
  'PUT /api/approval-processes/:code/chain': 'approval.admin',
  'GET /api/calendar/add-working-days': 'public',
  'GET /api/calendar/working-days-between': 'public',
  'GET /api/calendar/add-working-hours': 'public',
  'GET /api/calendar/years': 'public',
  'GET /api/calendar/years/:year': 'public',
  'PUT /api/calendar/years/:year': 'calendar.manage',
  'GET /api/calendar/working-hours': 'public',
  'PUT /api/calendar/working-hours': 'calendar.manage',
  'POST /api/calendar/parse-notice': 'calendar.manage',
  'GET /api/deadlines/policies': 'deadline.read',
  'PATCH /api/deadlines/policies/:id': 'deadline.manage',
  'GET /api/deadlines': 'deadline.read',
  'GET /api/deadlines/sla': 'deadline.read',
  // presales projects, workspace, weekly tracking
  'GET /api/projects/config/stages': 'project.read',
  'PUT /api/projects/config/stages': 'project.configure',
  'GET /api/projects': 'project.read',
  'GET /api/projects/kanban': 'project.read',
  'GET /api/projects/kanban/:stage': 'project.read',
  'POST /api/projects': 'project.create',
  'GET /api/projects/:id': 'project.read',
  'PATCH /api/projects/:id': 'project.update',
  'POST /api/projects/:id/go-no-go': 'project.update',
  'POST /api/projects/:id/no-go': 'project.update',
  'POST /api/projects/:id/registration': 'project.create',
  'POST /api/projects/:id/share-exception': 'project.update',
  'POST /api/projects/:id/special-handling': 'project.update',
  'POST /api/projects/:id/presales-lead': 'project.assign',
  'GET /api/projects/:id/members': 'project.read',
  'POST /api/projects/:id/members': 'project.update',
  'DELETE /api/projects/:id/members': 'project.update',
  'PUT /api/projects/:id/monitor': 'project.update',
  'PUT /api/projects/:id/manager': 'project.update',
  'POST /api/projects/:id/stage': 'project.update',
  'POST /api/projects/:id/outcome': 'project.update',
  'GET /api/projects/:id/summary': 'project.read',
  'PUT /api/projects/:id/summary': 'project.read',
  'POST /api/projects/:id/close': 'project.update',
  'GET /api/projects/:id/timeline': 'project.read',
  'GET /api/projects/:id/stage-history': 'project.read',
  'GET /api/projects/:id/deadlines': 'project.read',
  'GET /api/projects/:id/meetings': 'project.read',
  'POST /api/projects/:id/meetings': 'project.update',
  'PATCH /api/meetings/:id': 'project.update',
  'POST /api/meetings/:id/tasks': 'project.update',
  'GET /api/tasks/mine': 'authenticated',
  'POST /api/tasks/:id/done': 'authenticated',
  'GET /api/saved-views': 'authenticated',
  'POST /api/saved-views': 'authenticated',
  'DELETE /api/saved-views/:id': 'authenticated',
  'GET /api/workspace': 'authenticated',
  'GET /api/project-tracking': 'project.read',
  'GET /api/project-tracking/missing': 'project.tracking',
  'GET /api/project-tracking/export.xlsx': 'project.read',
  'PATCH /api/project-tracking/:id': 'project.read',
  'GET /api/customers': 'customer.read',
  'POST /api/customers': 'customer.manage',
  'GET /api/customers/:id': 'customer.read',
  'PATCH /api/customers/:id': 'customer.manage',
  'GET /api/customers/export.xlsx': 'customer.export',
  'GET /api/customers/import/template.xlsx': 'customer.import',
  'POST /api/customers/import/preview': 'customer.import',
  'POST /api/customers/import/commit': 'customer.import',
  'POST /api/customers/duplicates': 'customer.read',
  'POST /api/customers/:id/transfer': 'customer.transfer',
  'GET /api/customers/:id/shares': 'customer.read',
  'PUT /api/customers/:id/shares': 'customer.manage',
  'GET /api/customers/:id/timeline': 'customer.read',
  'GET /api/partners': 'partner.read',
  'POST /api/partners': 'partner.manage',
  'GET /api/partners/:id': 'partner.read',
  'PATCH /api/partners/:id': 'partner.manage',
  'GET /api/partners/export.xlsx': 'customer.export',
  'GET /api/partners/import/template.xlsx': 'customer.import',
  'POST /api/partners/import/preview': 'customer.import',
  'POST /api/partners/import/commit': 'customer.import',
  'POST /api/partners/duplicates': 'partner.read',
  'POST /api/partners/:id/transfer': 'partner.manage',
  'GET /api/partners/:id/shares': 'partner.read',
  'PUT /api/partners/:id/shares': 'partner.manage',
  'GET /api/contacts': 'customer.read',
  'POST /api/contacts': 'customer.manage',
  'GET /api/contacts/:id': 'customer.read',
  'PATCH /api/contacts/:id': 'customer.manage',
  'GET /api/contacts/export.xlsx': 'customer.export',
  'GET /api/contacts/import/template.xlsx': 'customer.import',
  'POST /api/contacts/import/preview': 'customer.import',
  'POST /api/contacts/import/commit': 'customer.import',
  'DELETE /api/contacts/:id': 'customer.manage',
  'GET /api/search': 'authenticated',
  // information intake, activities, visit log, inquiries and complaints
  'GET /api/leads': 'lead.read',
  'POST /api/leads': 'lead.register',
  'GET /api/leads/export.xlsx': 'customer.export',
  'GET /api/leads/import/template.xlsx': 'customer.import',
  'POST /api/leads/import/preview': 'customer.import',
  'POST /api/leads/import/commit': 'customer.import',
  'GET /api/leads/assignees': 'lead.screen',
  'GET /api/leads/settings': 'lead.read',
  'PUT /api/leads/settings': 'system.settings',
  'POST /api/leads/partner-registration': 'lead.register',
  'GET /api/leads/:id': 'lead.read',
  'PATCH /api/leads/:id': 'lead.read',
  'POST /api/leads/:id/attachments': 'lead.read',
  'GET /api/leads/:id/attachments/:attId': 'lead.read',
  'POST /api/leads/:id/screen': 'lead.screen',
  'POST /api/leads/:id/evaluate': 'lead.evaluate',
  'POST /api/leads/:id/escalate': 'lead.read',
  'POST /api/leads/:id/decide': 'lead.decide',
  'POST /api/leads/:id/resolve-conflict': 'lead.decide',
  'GET /api/activities': 'activity.read',
  'POST /api/activities': 'activity.create',
  'GET /api/activities/export.xlsx': 'customer.export',
  'GET /api/activities/:id': 'activity.read',
  'PATCH /api/activities/:id': 'activity.create',
  'GET /api/visit-logs/mine': 'activity.create',
  'POST /api/visit-logs/:date/submit': 'activity.create',
  'GET /api/reports/visit-rollup': 'report.visit_rollup',
  'GET /api/reports/visit-rollup/export.xlsx': 'report.visit_rollup',
  'GET /api/cases': 'case.read',
  'POST /api/cases': 'case.manage',
  'GET /api/cases/export.xlsx': 'customer.export',
  'GET /api/cases/:id': 'case.read',
  'PATCH /api/cases/:id': 'case.manage',
  'POST /api/cases/:id/assign': 'case.manage',
  'POST /api/cases/:id/answer': 'case.read',
  'POST /api/cases/:id/close': 'case.manage',
};

/** Which default role holds which permission (from PRODUCT.md §1 defaults). */
const ROLE_GRANTS: Record<string, string[]> = {
  sup: ['user.read', 'department.read', 'deadline.read'],
  mm: ['user.read', 'department.read', 'deadline.read'],
  am: ['user.read'],
  eng: ['user.read'],
  gm: ['user.read', 'department.read', 'role.read', 'audit.read', 'audit.export', 'deadline.read'],
};

// customers, contacts, partners (default roles of core/default-roles.ts)
for (const [who, perms] of Object.entries({
  sup: ['customer.read', 'customer.manage', 'partner.read', 'partner.manage', 'customer.export', 'customer.import'],
  mm: ['customer.read', 'customer.manage', 'partner.read', 'partner.manage', 'customer.export', 'customer.import', 'customer.transfer'],
  am: ['customer.read', 'customer.manage', 'partner.read', 'customer.export'],
  gm: ['customer.read', 'customer.manage', 'partner.read', 'partner.manage', 'customer.export', 'customer.transfer'],
})) ROLE_GRANTS[who]?.push(...perms);

// presales projects (default roles of core/default-roles.ts)
for (const [who, perms] of Object.entries({
  sup: ['project.read', 'project.tracking'],
  mm: ['project.read', 'project.create', 'project.update', 'project.tracking'],
  am: ['project.read', 'project.create', 'project.update'],
  eng: ['project.read'],
  gm: ['project.read', 'project.create', 'project.update', 'project.assign', 'project.tracking'],
})) ROLE_GRANTS[who]?.push(...perms);

// information intake, activities, visit roll-up, cases (default roles of core/default-roles.ts)
for (const [who, perms] of Object.entries({
  sup: ['activity.read', 'activity.create', 'case.read', 'case.manage', 'lead.register', 'lead.read', 'lead.screen'],
  mm: ['activity.read', 'activity.create', 'case.read', 'case.manage', 'lead.read', 'report.visit_rollup'],
  am: ['activity.read', 'activity.create', 'case.read', 'lead.register', 'lead.read', 'lead.evaluate'],
  gm: ['activity.read', 'activity.create', 'case.read', 'case.manage', 'lead.read', 'lead.decide', 'report.visit_rollup'],
})) ROLE_GRANTS[who]?.push(...perms);

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 180_000);
afterAll(async () => {
  await t.close();
});

const FAKE_ID = '00000000-0000-4000-8000-000000000001';
const ours = () =>
  t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

function concrete(url: string): string {
  return url.replace(/:id/g, FAKE_ID);
}

describe('access matrix', () => {
  it('every /api route declares its access and appears in the expected table', () => {
    const seen = ours().map((r) => `${r.method} ${r.url}`);
    for (const key of seen) expect(EXPECTED, `route ${key} needs an entry`).toHaveProperty([key]);
    for (const r of ours()) expect(r.access, `${r.method} ${r.url} declares no access`).toBeDefined();
    for (const key of Object.keys(EXPECTED)) expect(seen).toContain(key);
  });

  it('unauthenticated calls get 401 everywhere except public routes', async () => {
    for (const r of ours()) {
      const key = `${r.method} ${r.url}`;
      const res = await t.call(r.method as 'GET', concrete(r.url), { body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      if (EXPECTED[key] === 'public') {
        expect(res.statusCode, key).not.toBe(401);
      } else {
        expect(res.statusCode, key).toBe(401);
        expect(res.json().code, key).toBe('unauthenticated');
      }
    }
  });

  it('a forged session cookie and a forged bearer token are both refused', async () => {
    expect((await t.call('GET', '/api/users', { cookie: 'bf_sid=forged' })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/auth/me', { bearer: 'bf_forged' })).statusCode).toBe(401);
  });

  it('each role reaches exactly the endpoints its permissions allow', async () => {
    for (const [who, grants] of Object.entries(ROLE_GRANTS)) {
      const cookie = org.users[who]?.cookie ?? '';
      for (const r of ours()) {
        const key = `${r.method} ${r.url}`;
        const need = EXPECTED[key] ?? 'missing';
        if (need === 'public' || need === 'authenticated' || key.startsWith('POST /api/auth/logout')) continue;
        const res = await t.call(r.method as 'GET', concrete(r.url), {
          cookie,
          body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        if (grants.includes(need)) {
          expect([200, 400, 404], `${who} ${key} → ${res.statusCode}`).toContain(res.statusCode);
        } else {
          expect(res.statusCode, `${who} ${key}`).toBe(403);
          expect(res.json().code).toBe('forbidden');
        }
      }
    }
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

  it('an API token carries exactly its owner\'s permissions', async () => {
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
