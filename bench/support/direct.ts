/**
 * The in-process side of the overhead ratio: for each read endpoint, the query function its
 * route calls, with the same actor and parameters — "the same SQL run directly in-process".
 * The HTTP side adds routing, validation, authentication (session + grants), serialization and
 * the network round trip.
 */
import { KanbanQuery, ProjectListQuery } from '../../core/projects/project-list.schema.ts';
import { SearchQuery, TimelineQuery } from '../../core/crm/crm.schema.ts';
import type { Ctx } from '../../server/kernel/context.ts';
import type { Actor } from '../../server/policies/actor.ts';
import { customerTimeline } from '../../server/modules/crm/queries/customers.ts';
import { getProjectDetail } from '../../server/modules/projects/queries/project-detail.ts';
import { listProjects, projectKanban } from '../../server/modules/projects/queries/project-list.ts';
import { globalSearch } from '../../server/modules/crm/queries/search.ts';
import { workspaceView } from '../../server/modules/workspace/queries/workspace.ts';
import type { BenchUser } from './dataset.ts';

/** A signed-in benchmark account: the seeded user, its actor (grants) and its session cookie. */
export interface Account {
  user: BenchUser;
  actor: Actor;
  cookie: string;
}

/** Calls the query of one endpoint for simulated user `w`'s i-th request. */
export type DirectQuery = (ctx: Ctx, a: Account, w: number, i: number) => Promise<unknown>;

export interface ListParams {
  stage?: string;
  status?: 'open';
  sort: '-amount';
  page: number;
  pageSize: number;
}

export interface DirectQueries {
  list(p: ListParams): DirectQuery | undefined;
  detail(idOf: (a: Account, i: number) => string): DirectQuery | undefined;
  kanban(): DirectQuery | undefined;
  timeline(idOf: (a: Account, i: number) => string): DirectQuery | undefined;
  search(termOf: (w: number, i: number) => string): DirectQuery | undefined;
  workspace(): DirectQuery | undefined;
}

/** Query parameters are parsed by the routes' own schemas, so defaults match the HTTP requests. */
export function directQueries(): DirectQueries {
  const timelineQuery = TimelineQuery.parse({});
  const kanbanQuery = KanbanQuery.parse({});
  return {
    list: (p) => {
      const query = ProjectListQuery.parse(p);
      return (ctx) => listProjects(ctx.db, ctx.actor, query);
    },
    detail: (idOf) => (ctx, a, _w, i) => getProjectDetail(ctx.db, ctx.actor, idOf(a, i)),
    kanban: () => (ctx) => projectKanban(ctx.db, ctx.actor, kanbanQuery),
    timeline: (idOf) => (ctx, a, _w, i) => customerTimeline(ctx.db, ctx.actor, idOf(a, i), timelineQuery),
    search: (termOf) => (ctx, _a, w, i) => {
      const q = SearchQuery.parse({ q: termOf(w, i) });
      return globalSearch(ctx.db, ctx.actor, q.q, q.limit);
    },
    workspace: () => (ctx) => workspaceView(ctx.db, ctx.actor, ctx.now),
  };
}
