/**
 * The project endpoints (商机 / 项目), added to the typed API contract by interface merging (see
 * shared/api/routes.ts), with request and response types from the core schemas. Customers,
 * partners, leads and activities belong to other modules; the few look-ups the project pages
 * need from them go through `getJson` and tolerate a module that is not there yet.
 */
import type { z } from 'zod';
import type * as P from '../../../../core/schemas/projects.schema.ts';
import type { Ok } from '../../shared/api/types.ts';
import { ApiError } from '../../shared/api/client.ts';

export type ProjectFilter = Partial<z.infer<typeof P.ProjectFilterQuery>>;
export type ProjectListQuery = Partial<z.infer<typeof P.ProjectListQuery>>;
export type ProjectPage = z.infer<typeof P.ProjectPage>;
export type ProjectListItem = z.infer<typeof P.ProjectListItem>;
export type KanbanQuery = Partial<z.infer<typeof P.KanbanQuery>>;
export type KanbanView = z.infer<typeof P.KanbanView>;
export type KanbanColumn = z.infer<typeof P.KanbanColumn>;
export type KanbanCard = z.infer<typeof P.KanbanCard>;
export type KanbanStagePage = z.infer<typeof P.KanbanStagePage>;
export type ProjectDetail = z.infer<typeof P.ProjectDetail>;
export type GateReason = z.infer<typeof P.GateReasonView>;
export type CreateProjectBody = z.input<typeof P.CreateProjectBody>;
export type UpdateProjectBody = z.input<typeof P.UpdateProjectBody>;
export type OutcomeBody = z.input<typeof P.OutcomeBody>;
export type SummaryBody = z.input<typeof P.SummaryBody>;
export type SummaryView = z.infer<typeof P.SummaryView>;
export type TeamView = z.infer<typeof P.TeamView>;
export type TimelineEntry = z.infer<typeof P.TimelineEntryView>;
export type StageHistoryEntry = z.infer<typeof P.StageHistoryView>;
export type MeetingView = z.infer<typeof P.MeetingView>;
export type MeetingBody = z.input<typeof P.MeetingBody>;
export type UpdateMeetingBody = z.input<typeof P.UpdateMeetingBody>;
export type TaskBody = z.input<typeof P.TaskBody>;
export type TaskView = z.infer<typeof P.TaskView>;
export type TaskPage = z.infer<typeof P.TaskPage>;
export type SavedView = z.infer<typeof P.SavedViewView>;
export type SavedViewBody = z.input<typeof P.SavedViewBody>;
export type StageConfigView = z.infer<typeof P.StageConfigView>;
export type ProjectDeadline = z.infer<typeof P.ProjectDeadlineView>;
export type WorkspaceView = z.infer<typeof P.WorkspaceView>;
export type TrackingPage = z.infer<typeof P.TrackingPage>;
export type TrackingRow = z.infer<typeof P.TrackingRowView>;
export type UpdateTrackingBody = z.input<typeof P.UpdateTrackingBody>;
export type MissingTracking = z.infer<typeof P.MissingTrackingView>;
type Versioned = z.input<typeof P.VersionedBody>;
type Reason = z.input<typeof P.ReasonBody>;

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /projects/config/stages': { res: StageConfigView };
    'GET /projects': { query: ProjectListQuery; res: ProjectPage };
    'GET /projects/kanban': { query: KanbanQuery; res: KanbanView };
    'GET /projects/kanban/:stage': { query: ProjectFilter & { page?: number; pageSize?: number }; res: KanbanStagePage };
    'POST /projects': { body: CreateProjectBody; res: { id: string; code: string } };
    'GET /projects/:id': { res: ProjectDetail };
    'PATCH /projects/:id': { body: UpdateProjectBody; res: ProjectDetail };
    'POST /projects/:id/go-no-go': { body: Versioned; res: ProjectDetail };
    'POST /projects/:id/no-go': { body: Reason; res: ProjectDetail };
    'POST /projects/:id/registration': { body: Versioned; res: ProjectDetail };
    'POST /projects/:id/share-exception': { body: Reason; res: ProjectDetail };
    'POST /projects/:id/special-handling': { body: Reason; res: ProjectDetail };
    'POST /projects/:id/presales-lead': { body: Versioned & { userId: string }; res: ProjectDetail };
    'GET /projects/:id/members': { res: TeamView };
    'POST /projects/:id/members': { body: { userId: string; projectRole: string }; res: TeamView };
    'DELETE /projects/:id/members': { query: { userId: string; projectRole: string }; res: TeamView };
    'PUT /projects/:id/monitor': { body: Versioned & { userId: string | null }; res: ProjectDetail };
    'PUT /projects/:id/manager': { body: Versioned & { userId: string | null }; res: ProjectDetail };
    'POST /projects/:id/stage': { body: Versioned & { stage: string; note?: string | null }; res: ProjectDetail };
    'POST /projects/:id/outcome': { body: OutcomeBody; res: ProjectDetail };
    'GET /projects/:id/summary': { res: SummaryView | null };
    'PUT /projects/:id/summary': { body: SummaryBody; res: SummaryView };
    'POST /projects/:id/close': { body: Versioned & { note?: string | null }; res: ProjectDetail };
    'GET /projects/:id/timeline': { query: { limit?: number; beforeAt?: string; beforeId?: number }; res: TimelineEntry[] };
    'GET /projects/:id/stage-history': { res: StageHistoryEntry[] };
    'GET /projects/:id/deadlines': { res: ProjectDeadline[] };
    'GET /projects/:id/meetings': { res: MeetingView[] };
    'POST /projects/:id/meetings': { body: MeetingBody; res: MeetingView };
    'PATCH /meetings/:id': { body: UpdateMeetingBody; res: Ok };
    'POST /meetings/:id/tasks': { body: TaskBody; res: TaskView };
    'GET /tasks/mine': { query: { state?: 'open' | 'done'; page?: number; pageSize?: number }; res: TaskPage };
    'POST /tasks/:id/done': { body: Versioned; res: Ok };
    'GET /saved-views': { query: { list: 'projects' | 'projects_kanban' }; res: SavedView[] };
    'POST /saved-views': { body: SavedViewBody; res: SavedView };
    'DELETE /saved-views/:id': { res: Ok };
    'GET /workspace': { res: WorkspaceView };
    'GET /project-tracking': { query: { week?: string; ownerUserId?: string; missing?: 'true' | 'false'; page?: number; pageSize?: number }; res: TrackingPage };
    'GET /project-tracking/missing': { query: { week?: string }; res: MissingTracking };
    'GET /project-tracking/export.xlsx': { query: { week?: string; ownerUserId?: string }; res: Blob };
    'PATCH /project-tracking/:id': { body: UpdateTrackingBody; res: Ok };
  }
}

/** A GET on another module's endpoint (customers, partners, leads, activities): JSON, or null when it is not there (404). */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T | null> {
  const res = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' }, credentials: 'same-origin', signal });
  if (res.status === 404) return null;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const body = data as { code?: string; message?: string } | null;
    throw new ApiError(res.status, body?.code ?? 'http_error', body?.message ?? `${res.status}`);
  }
  return data as T;
}

/** Name of a stage in the current language. */
export function stageLabel(config: StageConfigView | undefined, code: string, lang: string): string {
  const s = config?.stages.find((x) => x.code === code);
  if (!s) return code;
  return lang === 'en' ? s.nameEn : s.nameZh;
}

/** A gate reason or next step text in the current language. */
export function localized(x: { zh: string; en: string }, lang: string): string {
  return lang === 'en' ? x.en : x.zh;
}
