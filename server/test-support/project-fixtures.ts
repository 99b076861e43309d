import { customers, leads, partners } from '../db/schema.ts';
import type { TestApp } from './test-app.ts';
import type { ProjectProcessCode } from '../modules/projects/project-approval-processes.ts';
import { createOrg, createUserViaApi, loginAndActivate, type OrgFixture } from './fixtures.ts';

/**
 * The company of the project tests: createOrg's people (sup, mm, am, eng, gm) plus an advisor,
 * a presales manager and a presales engineer in 工程部, a solution architect, a project monitor
 * and a second account manager. Customers, partners and leads are inserted directly (set-up
 * only; the project behaviour under test goes through the HTTP API).
 */
export interface ProjectOrg extends OrgFixture {
  /** user id by username */
  id(username: string): string;
  cookie(username: string): string;
}

export async function createProjectOrg(t: TestApp): Promise<ProjectOrg> {
  const org = await createOrg(t);
  const more: Array<[string, string, string, string]> = [
    ['advisor', '林顾问', org.depts.market, 'advisor'],
    ['pm', '周售前经理', org.depts.engineering, 'presales_manager'],
    ['pe', '吴工程师', org.depts.engineering, 'presales_engineer'],
    ['sa', '郑架构师', org.depts.engineering, 'solution_architect'],
    ['mon', '杨监控', org.depts.market, 'project_monitor'],
    ['am2', '孙客户经理', org.depts.marketEast, 'account_manager'],
  ];
  for (const [username, displayName, departmentId, role] of more) {
    const id = await createUserViaApi(t, org.adminCookie, { username, displayName, departmentId, roleIds: [org.roleIds[role] ?? ''] });
    org.users[username] = { id, cookie: await loginAndActivate(t, username) };
  }
  return {
    ...org,
    id: (u) => org.users[u]?.id ?? '',
    cookie: (u) => org.users[u]?.cookie ?? '',
  };
}

/** A customer owned by a user (in that user's department). */
export async function insertCustomer(
  t: TestApp,
  input: { name: string; ownerUserId: string; departmentId: string | null },
): Promise<string> {
  const [row] = await t.database.db
    .insert(customers)
    .values({
      name: input.name,
      nameKey: input.name,
      ownerUserId: input.ownerUserId,
      departmentId: input.departmentId,
      searchText: input.name.toLowerCase(),
    })
    .returning({ id: customers.id });
  if (!row) throw new Error('customer not inserted');
  return row.id;
}

export async function insertPartner(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.db.insert(partners).values({ name, nameKey: name }).returning({ id: partners.id });
  if (!row) throw new Error('partner not inserted');
  return row.id;
}

/** A lead in a given state, assigned to and owned by an account manager. */
export async function insertLead(
  t: TestApp,
  input: {
    code: string;
    title: string;
    customerId: string | null;
    ownerUserId: string;
    departmentId: string | null;
    state: string;
    estimatedAmountFen?: number;
  },
): Promise<string> {
  const [row] = await t.database.db
    .insert(leads)
    .values({
      code: input.code,
      title: input.title,
      channel: 'phone',
      customerId: input.customerId,
      state: input.state,
      registeredAt: new Date(),
      assigneeId: input.ownerUserId,
      ownerUserId: input.ownerUserId,
      departmentId: input.departmentId,
      estimatedAmountFen: input.estimatedAmountFen ?? null,
    })
    .returning({ id: leads.id });
  if (!row) throw new Error('lead not inserted');
  return row.id;
}

/** The id of the first approval request waiting for the user (optionally of one process). */
export async function waitingRequest(t: TestApp, cookie: string, processCode?: ProjectProcessCode): Promise<string> {
  const res = await t.call('GET', '/api/approvals?box=waiting&pageSize=50', { cookie });
  if (res.statusCode !== 200) throw new Error(`approvals: ${res.statusCode} ${res.body}`);
  const items = (res.json() as { items: Array<{ id: string; processCode: string }> }).items;
  const hit = items.find((i) => !processCode || i.processCode === processCode);
  if (!hit) throw new Error(`nothing waiting (${processCode ?? 'any'}): ${JSON.stringify(items)}`);
  return hit.id;
}

/** Approves a request as the user, with the snapshot version they reviewed. */
export async function approve(t: TestApp, cookie: string, requestId: string, comment?: string) {
  const detail = await t.call('GET', `/api/approvals/${requestId}`, { cookie });
  if (detail.statusCode !== 200) throw new Error(`approval detail: ${detail.statusCode} ${detail.body}`);
  const subjectVersion = (detail.json() as { subjectVersion: number }).subjectVersion;
  return t.call('POST', `/api/approvals/${requestId}/approve`, { cookie, body: { subjectVersion, ...(comment ? { comment } : {}) } });
}
