/**
 * Types of the project pages (商机 / 项目), the workspace and the weekly tracking table; the
 * endpoints come from the contracts in core/projects/, core/workspace/ and core/project-tracking/
 * (web/src/app/module-list.ts). Customers, partners, leads and activities belong to other
 * modules; the few look-ups the project pages need from them go through `getJson` and tolerate a
 * module that is not there yet.
 */
import type { z } from 'zod';
import type * as P from '../../../../core/projects/projects.schema.ts';
import type * as L from '../../../../core/projects/project-list.schema.ts';
import type * as S from '../../../../core/projects/stages.schema.ts';
import type * as M from '../../../../core/projects/meetings.schema.ts';
import type * as V from '../../../../core/projects/saved-views.schema.ts';
import type * as W from '../../../../core/workspace/workspace.schema.ts';
import type * as PT from '../../../../core/project-tracking/project-tracking.schema.ts';
import { ApiError } from '../../shared/api/client.ts';

export type ProjectFilter = Partial<z.infer<typeof L.ProjectFilterQuery>>;
export type ProjectListQuery = Partial<z.infer<typeof L.ProjectListQuery>>;
export type ProjectPage = z.infer<typeof L.ProjectPage>;
export type ProjectListItem = z.infer<typeof L.ProjectListItem>;
export type KanbanQuery = Partial<z.infer<typeof L.KanbanQuery>>;
export type KanbanView = z.infer<typeof L.KanbanView>;
export type KanbanColumn = z.infer<typeof L.KanbanColumn>;
export type KanbanCard = z.infer<typeof L.KanbanCard>;
export type KanbanStagePage = z.infer<typeof L.KanbanStagePage>;
export type ProjectDetail = z.infer<typeof P.ProjectDetail>;
export type GateReason = z.infer<typeof S.GateReasonView>;
export type CreateProjectBody = z.input<typeof P.CreateProjectBody>;
export type UpdateProjectBody = z.input<typeof P.UpdateProjectBody>;
export type OutcomeBody = z.input<typeof P.OutcomeBody>;
export type SummaryBody = z.input<typeof P.SummaryBody>;
export type SummaryView = z.infer<typeof P.SummaryView>;
export type TeamView = z.infer<typeof P.TeamView>;
export type TimelineEntry = z.infer<typeof P.TimelineEntryView>;
export type StageHistoryEntry = z.infer<typeof P.StageHistoryView>;
export type MeetingView = z.infer<typeof M.MeetingView>;
export type MeetingBody = z.input<typeof M.MeetingBody>;
export type UpdateMeetingBody = z.input<typeof M.UpdateMeetingBody>;
export type TaskBody = z.input<typeof M.TaskBody>;
export type TaskView = z.infer<typeof M.TaskView>;
export type TaskPage = z.infer<typeof M.TaskPage>;
export type SavedView = z.infer<typeof V.SavedViewView>;
export type SavedViewBody = z.input<typeof V.SavedViewBody>;
export type StageConfigView = z.infer<typeof S.StageConfigView>;
export type ProjectDeadline = z.infer<typeof P.ProjectDeadlineView>;
export type WorkspaceView = z.infer<typeof W.WorkspaceView>;
export type TrackingPage = z.infer<typeof PT.TrackingPage>;
export type TrackingRow = z.infer<typeof PT.TrackingRowView>;
export type UpdateTrackingBody = z.input<typeof PT.UpdateTrackingBody>;
export type MissingTracking = z.infer<typeof PT.MissingTrackingView>;

/** A GET on another module's endpoint (customers, partners, leads, activities): JSON, or null when it is not there (404). */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T | null> {
  const res = await fetch(url, {
    headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' },
    credentials: 'same-origin',
    signal,
  });
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
