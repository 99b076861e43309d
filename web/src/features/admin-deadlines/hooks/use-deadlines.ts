import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { DeadlineListQuery, SlaQuery, UpdateDeadlinePolicyBody } from '../deadline-api.ts';

const POLICIES_KEY = ['deadlines', 'policies'] as const;

export function useDeadlinePolicies() {
  return useQuery({ queryKey: POLICIES_KEY, queryFn: () => api('GET /deadlines/policies') });
}

export function useUpdateDeadlinePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDeadlinePolicyBody }) =>
      api('PATCH /deadlines/policies/:id', { params: { id }, body }),
    onSettled: () => qc.invalidateQueries({ queryKey: POLICIES_KEY }),
  });
}

export function useOpenDeadlines(query: DeadlineListQuery) {
  return useQuery({
    queryKey: ['deadlines', 'open', query],
    queryFn: () => api('GET /deadlines', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSla(query: SlaQuery) {
  return useQuery({
    queryKey: ['deadlines', 'sla', query],
    queryFn: () => api('GET /deadlines/sla', { query }),
    placeholderData: keepPreviousData,
  });
}
