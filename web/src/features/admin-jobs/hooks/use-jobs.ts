import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { JobQuery } from '../../inbox/notification-api.ts';

const JOBS_KEY = ['jobs'] as const;

export function useJobs(query: JobQuery) {
  return useQuery({
    queryKey: [...JOBS_KEY, 'list', query],
    queryFn: () => api('GET /jobs', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSchedules() {
  return useQuery({ queryKey: [...JOBS_KEY, 'schedules'], queryFn: () => api('GET /jobs/schedules') });
}

export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('POST /jobs/:id/retry', { params: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: JOBS_KEY }),
  });
}
