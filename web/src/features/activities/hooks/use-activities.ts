import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { ActivityListQuery, CreateActivityBody, UpdateActivityBody } from '../activity-api.ts';

export const ACTIVITIES_KEY = ['activities'] as const;
export const VISIT_LOG_KEY = ['visit-logs'] as const;

export function useActivities(query: ActivityListQuery) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /activities', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'detail', id],
    queryFn: ({ signal }) => api('GET /activities/:id', { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

/** Saving an activity refreshes the lists, the visit log, the approvals and the customer's timeline. */
export function useSaveActivity(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActivityBody | UpdateActivityBody) =>
      id
        ? api('PATCH /activities/:id', { params: { id }, body: body as UpdateActivityBody })
        : api('POST /activities', { body: body as CreateActivityBody }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ACTIVITIES_KEY });
      void qc.invalidateQueries({ queryKey: VISIT_LOG_KEY });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
