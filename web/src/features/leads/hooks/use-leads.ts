import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type {
  DecideLeadBody,
  EscalateLeadBody,
  EvaluateLeadBody,
  LeadDetail,
  LeadListQuery,
  ResolveConflictBody,
  ScreenLeadBody,
  UpdateLeadBody,
} from '../lead-api.ts';

export const LEADS_KEY = ['leads'] as const;

export function useLeads(query: LeadListQuery) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /leads', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string) {
  return useQuery({ queryKey: [...LEADS_KEY, 'detail', id], queryFn: ({ signal }) => api('GET /leads/:id', { params: { id }, signal }) });
}

export function useIntakeSettings() {
  return useQuery({
    queryKey: [...LEADS_KEY, 'settings'],
    queryFn: ({ signal }) => api('GET /leads/settings', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Every action answers the lead as it now stands; lists (and approvals) refresh. */
function useLeadAction<V>(id: string, fn: (v: V) => Promise<LeadDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (lead) => qc.setQueryData([...LEADS_KEY, 'detail', id], lead),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: LEADS_KEY });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export function useLeadActions(id: string) {
  return {
    update: useLeadAction(id, (body: UpdateLeadBody) => api('PATCH /leads/:id', { params: { id }, body })),
    screen: useLeadAction(id, (body: ScreenLeadBody) => api('POST /leads/:id/screen', { params: { id }, body })),
    evaluate: useLeadAction(id, (body: EvaluateLeadBody) => api('POST /leads/:id/evaluate', { params: { id }, body })),
    escalate: useLeadAction(id, (body: EscalateLeadBody) => api('POST /leads/:id/escalate', { params: { id }, body })),
    decide: useLeadAction(id, (body: DecideLeadBody) => api('POST /leads/:id/decide', { params: { id }, body })),
    resolve: useLeadAction(id, (body: ResolveConflictBody) => api('POST /leads/:id/resolve-conflict', { params: { id }, body })),
  };
}
