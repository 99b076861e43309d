import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { ApiToken, CreateApiTokenBody } from '../../../shared/api/types.ts';

const TOKENS_KEY = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => api('GET /auth/tokens') });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api('POST /auth/tokens', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE /auth/tokens/:id', { params: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** A token is revoked, past its expiry, or usable. */
export function tokenStatus(token: ApiToken, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
