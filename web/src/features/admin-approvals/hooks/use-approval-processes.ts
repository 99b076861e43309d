import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { SaveChainBody } from '../../approvals/approval-api.ts';

const KEY = ['approval-processes'] as const;

export function useApprovalProcesses() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api('GET /approval-processes') });
}

export function useApprovalProcess(code: string) {
  return useQuery({ queryKey: [...KEY, 'one', code], queryFn: () => api('GET /approval-processes/:code', { params: { code } }) });
}

export function useChainVersion(code: string, version: number | null) {
  return useQuery({
    queryKey: [...KEY, 'version', code, version],
    queryFn: () => api('GET /approval-processes/:code/versions/:version', { params: { code, version: String(version ?? 0) } }),
    enabled: version !== null && version > 0,
  });
}

export function useSaveChain(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveChainBody) => api('PUT /approval-processes/:code/chain', { params: { code }, body }),
    onSuccess: (detail) => qc.setQueryData([...KEY, 'one', code], detail),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
