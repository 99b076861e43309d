import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { CreateRoleBody, Role, UpdateRoleBody } from '../../../shared/api/types.ts';
import { DEFAULT_ROLE_CODES } from '../../../../../core/default-roles.ts';
import { ME_KEY } from '../../auth/hooks/use-session.ts';

export const ROLES_KEY = ['roles'] as const;
const PERMISSIONS_KEY = ['permissions'] as const;

const DEFAULT_ORDER = new Map<string, number>(DEFAULT_ROLE_CODES.map((code, i) => [code, i]));

/** Default roles in their seeded order (management first), then custom roles by name. */
export function sortRoles(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => {
    const ia = DEFAULT_ORDER.get(a.code) ?? Number.MAX_SAFE_INTEGER;
    const ib = DEFAULT_ORDER.get(b.code) ?? Number.MAX_SAFE_INTEGER;
    return ia - ib || a.name.localeCompare(b.name, 'zh-CN');
  });
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: ROLES_KEY, queryFn: () => api('GET /roles'), enabled, staleTime: 30_000, select: sortRoles });
}

/** The permission catalogue with labels in the user's language (localized by the server). */
export function usePermissionCatalog() {
  return useQuery({ queryKey: PERMISSIONS_KEY, queryFn: () => api('GET /permissions'), staleTime: 5 * 60_000 });
}

export function useCreateRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoleBody) => api('POST /roles', { body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ROLES_KEY }),
  });
}

export function useUpdateRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRoleBody }) => api('PATCH /roles/:id', { params: { id }, body }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ROLES_KEY });
      // the signed-in user's own grants may have changed
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
