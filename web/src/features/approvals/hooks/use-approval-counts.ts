import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import '../approval-api.ts';

export const APPROVALS_KEY = ['approvals'] as const;
export const APPROVAL_COUNTS_KEY = ['approvals', 'counts'] as const;

/** Tasks waiting for me and my returned requests: the menu badge; refreshed every 30 s and on focus. */
export function useApprovalCounts() {
  return useQuery({
    queryKey: APPROVAL_COUNTS_KEY,
    queryFn: () => api('GET /approvals/counts'),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
}
