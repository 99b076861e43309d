import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';

export const PASSWORD_POLICY_KEY = ['password-policy'] as const;

/** The password rules in force (public endpoint; the admin can tighten them). */
export function usePasswordPolicy() {
  return useQuery({ queryKey: PASSWORD_POLICY_KEY, queryFn: () => api('GET /auth/password-policy'), staleTime: 60_000 });
}
