import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { KanbanQuery, ProjectDetail, ProjectListQuery } from '../project-api.ts';

export const PROJECTS_KEY = ['projects'] as const;
export const TASKS_KEY = ['tasks'] as const;
export const WORKSPACE_KEY = ['workspace'] as const;

/** The stage machine in force (names, order, moves, gates); rarely changes. */
export function useStageConfig(enabled = true) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'stage-config'],
    queryFn: ({ signal }) => api('GET /projects/config/stages', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useProjectList(query: ProjectListQuery, enabled = true) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /projects', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKanban(query: KanbanQuery, enabled = true) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'kanban', query],
    queryFn: ({ signal }) => api('GET /projects/kanban', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'detail', id],
    queryFn: ({ signal }) => api('GET /projects/:id', { params: { id }, signal }),
  });
}

const part = (id: string, name: string) => [...PROJECTS_KEY, 'detail', id, name];

export function useProjectTimeline(id: string) {
  return useQuery({
    queryKey: part(id, 'timeline'),
    queryFn: ({ signal }) => api('GET /projects/:id/timeline', { params: { id }, query: { limit: 50 }, signal }),
  });
}
export function useProjectMeetings(id: string) {
  return useQuery({
    queryKey: part(id, 'meetings'),
    queryFn: ({ signal }) => api('GET /projects/:id/meetings', { params: { id }, signal }),
  });
}
export function useProjectSummary(id: string) {
  return useQuery({ queryKey: part(id, 'summary'), queryFn: ({ signal }) => api('GET /projects/:id/summary', { params: { id }, signal }) });
}
export function useProjectDeadlines(id: string) {
  return useQuery({
    queryKey: part(id, 'deadlines'),
    queryFn: ({ signal }) => api('GET /projects/:id/deadlines', { params: { id }, signal }),
  });
}
export function useStageHistory(id: string) {
  return useQuery({
    queryKey: part(id, 'stage-history'),
    queryFn: ({ signal }) => api('GET /projects/:id/stage-history', { params: { id }, signal }),
  });
}

/**
 * A project action answering the fresh detail: the detail cache is replaced, and lists, the
 * kanban, the project's parts and the workspace refresh (also after a failure such as a 409).
 */
export function useProjectAction<V>(id: string, fn: (v: V) => Promise<ProjectDetail | unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'stagePath' in data) qc.setQueryData([...PROJECTS_KEY, 'detail', id], data);
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: PROJECTS_KEY });
      void qc.invalidateQueries({ queryKey: WORKSPACE_KEY });
      void qc.invalidateQueries({ queryKey: TASKS_KEY });
    },
  });
}

export function useMyTasks(state: 'open' | 'done', page: number) {
  return useQuery({
    queryKey: [...TASKS_KEY, state, page],
    queryFn: ({ signal }) => api('GET /tasks/mine', { query: { state, page, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) => api('POST /tasks/:id/done', { params: { id: v.id }, body: { version: v.version } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: TASKS_KEY });
      void qc.invalidateQueries({ queryKey: WORKSPACE_KEY });
      void qc.invalidateQueries({ queryKey: PROJECTS_KEY });
    },
  });
}

export function useSavedViews(list: 'projects' | 'projects_kanban') {
  return useQuery({ queryKey: ['saved-views', list], queryFn: ({ signal }) => api('GET /saved-views', { query: { list }, signal }) });
}

export function useSavedViewActions(list: 'projects' | 'projects_kanban') {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['saved-views', list] });
  const save = useMutation({
    mutationFn: (v: { name: string; state: Record<string, string> }) => api('POST /saved-views', { body: { list, ...v } }),
    onSettled: done,
  });
  const remove = useMutation({ mutationFn: (id: string) => api('DELETE /saved-views/:id', { params: { id } }), onSettled: done });
  return { save, remove };
}
