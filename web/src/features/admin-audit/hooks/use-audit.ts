import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { AuditQuery } from '../../../shared/api/types.ts';

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api('GET /audit', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Re-computes the hash chain on the server and reports the first broken entry, if any. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api('GET /audit/verify') });
}

/** Actions and entity types the server writes today, offered as filter suggestions. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.lockout',
  'user.create',
  'user.update',
  'user.update_roles',
  'user.profile_update',
  'user.password_change',
  'user.password_reset',
  'user.activate',
  'user.deactivate',
  'user.unlock',
  'token.create',
  'token.revoke',
  'department.create',
  'department.update',
  'role.create',
  'role.update',
  'role.update_permissions',
  'role.seed',
  'settings.security_update',
  'audit.export',
] as const;

export const KNOWN_ENTITY_TYPES = ['user', 'department', 'role', 'api_token', 'settings', 'audit_log'] as const;
