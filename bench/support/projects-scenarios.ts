/**
 * What the projects benchmark measures: who the simulated users are (the mix of roles and data
 * scopes), the endpoints they call with the request each one sends, and the records each user
 * works on, picked with the database opened in-process before the server starts.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Permission } from '../../core/permissions.ts';
import type { Database } from '../../server/db/client.ts';
import { customers, projects, timelineEntries } from '../../server/db/schema.ts';
import type { Actor } from '../../server/policies/actor.ts';
import { loadUserGrants } from '../../server/policies/grants.ts';
import { customerVisibility, projectVisibility } from '../../server/policies/visibility.ts';
import type { BenchUser, Dataset } from './dataset.ts';
import { directQueries, type Account, type DirectQuery } from './direct.ts';
import { SEARCH_TERMS } from './names.ts';
import type { ProjectsBenchOptions } from './projects-cli.ts';

// ---------------------------------------------------------------- who the simulated users are

/**
 * The signed-in accounts, interleaved in proportion: 1 general manager + 3 sales directors
 * (data scope all), 5 marketing managers (their region), 10 sales supervisors (their
 * department) and 31 account managers (their own records) — 50 for 50 simulated users.
 */
const MIX: Array<[string, number]> = [
  ['general_manager', 1],
  ['sales_director', 3],
  ['marketing_manager', 5],
  ['sales_supervisor', 10],
  ['account_manager', 31],
];

export function pickLoadUsers(users: BenchUser[], count: number): BenchUser[] {
  const ranked: Array<{ u: BenchUser; key: number }> = [];
  for (const [role, n] of MIX) {
    const pool = users.filter((u) => u.role === role).slice(0, n);
    pool.forEach((u, i) => ranked.push({ u, key: (i + 0.5) / pool.length }));
  }
  ranked.sort((a, b) => a.key - b.key);
  const all = ranked.map((r) => r.u);
  if (count >= all.length) return all;
  // fewer simulated users: spread the picks over the mix
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]).filter((u): u is BenchUser => !!u);
}

export async function actorOf(db: Database['db'], u: BenchUser): Promise<Actor> {
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.deptId,
    grants: await loadUserGrants(db, u.id),
    locale: 'zh-CN',
    ip: '127.0.0.1',
  };
}

// ---------------------------------------------------------------- the endpoints

/** What one endpoint's simulated users work on, prepared before the server starts. */
export interface Prepared {
  /** per account id: projects it may read / customers whose timeline it may read */
  projectIds: Map<string, string[]>;
  customerIds: Map<string, string[]>;
  /** per simulated user of the write load: its own projects (disjoint) with their stage and version */
  writePools: Array<Array<{ id: string; stage: string; version: number }>>;
  deepPage: number;
}

export interface Endpoint {
  key: string;
  kind: 'read' | 'write';
  name: string;
  /** which accounts take part (default: every account of the mix) */
  who?: (a: Account) => boolean;
  /** choose among all signed-in accounts, not only the mix (the deep page: the wide-scope users) */
  anyAccount?: boolean;
  request: (a: Account, w: number, i: number) => { method: string; path: string; body?: unknown } | null;
  okStatus?: number[];
  conflictStatus?: number[];
  onAnswer?: (w: number, status: number, body: ArrayBuffer) => void;
  direct?: DirectQuery;
}

const scopeOf = (a: Account, p: Permission) => a.actor.grants.get(p);
export const at = <T>(xs: readonly T[], i: number): T => {
  const x = xs[((i % xs.length) + xs.length) % xs.length];
  if (x === undefined) throw new Error('empty list');
  return x;
};

export function endpoints(prep: Prepared, ds: Dataset, stage: { from: string; to: string }): Endpoint[] {
  const listPath = `/api/projects?stage=${stage.to}&sort=-amount&page=1&pageSize=20`;
  const deepPath = `/api/projects?status=open&sort=-amount&page=${prep.deepPage}&pageSize=20`;
  const direct = directQueries();
  const pools = prep.writePools;
  // the write load moves each of a user's projects back and forth: from → to → from …
  const cursor = pools.map(() => 0);
  const pending = pools.map((): { id: string; stage: string; version: number } | null => null);
  return [
    {
      key: 'list',
      kind: 'read',
      name: `GET /api/projects?stage=${stage.to}&sort=-amount (page 1)`,
      who: (a) => !!scopeOf(a, 'project.read'),
      request: () => ({ method: 'GET', path: listPath }),
      direct: direct.list({ stage: stage.to, sort: '-amount', page: 1, pageSize: 20 }),
    },
    {
      key: 'deep',
      kind: 'read',
      name: `GET /api/projects?status=open&sort=-amount (page ${prep.deepPage})`,
      who: (a) => scopeOf(a, 'project.read') === 'all',
      anyAccount: true,
      request: () => ({ method: 'GET', path: deepPath }),
      direct: direct.list({ status: 'open', sort: '-amount', page: prep.deepPage, pageSize: 20 }),
    },
    {
      key: 'detail',
      kind: 'read',
      name: 'GET /api/projects/:id',
      who: (a) => (prep.projectIds.get(a.user.id)?.length ?? 0) > 0,
      request: (a, _w, i) => ({ method: 'GET', path: `/api/projects/${at(prep.projectIds.get(a.user.id) ?? [], i * 7919)}` }),
      direct: direct.detail((a, i) => at(prep.projectIds.get(a.user.id) ?? [], i * 7919)),
    },
    {
      key: 'kanban',
      kind: 'read',
      name: 'GET /api/projects/kanban (column counts and sums)',
      who: (a) => !!scopeOf(a, 'project.read'),
      request: () => ({ method: 'GET', path: '/api/projects/kanban' }),
      direct: direct.kanban(),
    },
    {
      key: 'timeline',
      kind: 'read',
      name: 'GET /api/customers/:id/timeline',
      who: (a) => (prep.customerIds.get(a.user.id)?.length ?? 0) > 0,
      request: (a, _w, i) => ({ method: 'GET', path: `/api/customers/${at(prep.customerIds.get(a.user.id) ?? [], i * 7919)}/timeline` }),
      direct: direct.timeline((a, i) => at(prep.customerIds.get(a.user.id) ?? [], i * 7919)),
    },
    {
      key: 'search',
      kind: 'read',
      name: `GET /api/search?q=<2 Chinese characters> (${ds.sizes.customers.toLocaleString('en')} customers)`,
      who: (a) => !!scopeOf(a, 'customer.read'),
      request: (_a, w, i) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(at(SEARCH_TERMS, w + i))}` }),
      direct: direct.search((w, i) => at(SEARCH_TERMS, w + i)),
    },
    {
      key: 'stage',
      kind: 'write',
      name: `POST /api/projects/:id/stage (${stage.from} ⇄ ${stage.to}, audit)`,
      who: (a) => !!scopeOf(a, 'project.update'),
      okStatus: [200, 204],
      conflictStatus: [409],
      request: (_a, w) => {
        const pool = pools[w];
        if (!pool?.length) return null;
        const p = at(pool, cursor[w] ?? 0);
        cursor[w] = (cursor[w] ?? 0) + 1;
        pending[w] = p;
        return {
          method: 'POST',
          path: `/api/projects/${p.id}/stage`,
          body: { version: p.version, stage: p.stage === stage.from ? stage.to : stage.from },
        };
      },
      onAnswer: (w, status, body) => {
        const p = pending[w];
        if (!p || status < 200 || status >= 300) return;
        // the answer is the project page: take its version and stage
        const view = JSON.parse(Buffer.from(body).toString('utf8')) as { version?: number; stage?: string };
        p.version = view.version ?? p.version + 1;
        p.stage = view.stage ?? (p.stage === stage.from ? stage.to : stage.from);
      },
    },
    {
      key: 'workspace',
      kind: 'read',
      name: 'GET /api/workspace (dashboard aggregate)',
      request: () => ({ method: 'GET', path: '/api/workspace' }),
      direct: direct.workspace(),
    },
  ];
}

// ---------------------------------------------------------------- preparation (server stopped)

/**
 * `writers` are the simulated users of the write load in order (worker w is writers[w % n]), so
 * pool w holds projects its account may update; pools never share a project.
 */
export async function prepare(
  db: Database['db'],
  ds: Dataset,
  accounts: Account[],
  writers: Account[],
  opts: ProjectsBenchOptions,
): Promise<Prepared> {
  const projectIds = new Map<string, string[]>();
  const customerIds = new Map<string, string[]>();
  for (const a of accounts) {
    if (projectIds.has(a.user.id)) continue;
    if (a.actor.grants.has('project.read')) {
      const vis = await projectVisibility(db, a.actor);
      const rows = await db.select({ id: projects.id }).from(projects).where(vis).orderBy(projects.id).limit(400);
      projectIds.set(
        a.user.id,
        rows.map((r) => r.id),
      );
    }
    if (a.actor.grants.has('customer.read')) {
      const vis = await customerVisibility(db, a.actor);
      const rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(vis, sql`EXISTS (SELECT 1 FROM ${timelineEntries} te WHERE te.customer_id = ${customers.id})`))
        .orderBy(customers.id)
        .limit(400);
      customerIds.set(
        a.user.id,
        rows.map((r) => r.id),
      );
    }
  }
  const writePools: Prepared['writePools'] = [];
  const taken = new Set<string>();
  const byAccount = new Map<string, Array<{ id: string; version: number }>>();
  for (let w = 0; w < opts.concurrency; w++) {
    const a = writers.length ? at(writers, w) : null;
    if (!a) {
      writePools.push([]);
      continue;
    }
    let candidates = byAccount.get(a.user.id);
    if (!candidates) {
      const vis = await projectVisibility(db, a.actor, 'project.update');
      candidates = await db
        .select({ id: projects.id, version: projects.version })
        .from(projects)
        .where(and(vis, eq(projects.stage, ds.stages.move.from), eq(projects.status, 'open')))
        .orderBy(projects.id)
        .limit(2000);
      byAccount.set(a.user.id, candidates);
    }
    const mine = candidates.filter((c) => !taken.has(c.id)).slice(0, 40);
    mine.forEach((c) => taken.add(c.id));
    writePools.push(mine.map((c) => ({ id: c.id, stage: ds.stages.move.from, version: c.version })));
  }
  const open =
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(projects)
        .where(eq(projects.status, 'open'))
    )[0]?.n ?? 0;
  return { projectIds, customerIds, writePools, deepPage: Math.max(2, Math.floor((open * 2) / 3 / 20)) };
}
