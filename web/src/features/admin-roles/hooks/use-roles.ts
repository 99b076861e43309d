import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { CreateRoleBody, UpdateRoleBody } from '../../../shared/api/types.ts';
import { ME_KEY } from '../../auth/hooks/use-session.ts';

export const ROLES_KEY = ['roles'] as const;
const PERMISSIONS_KEY = ['permissions'] as const;

export function useRoles(enabled = true) {
  return useQuery({ queryKey: ROLES_KEY, queryFn: () => api('GET /roles'), enabled, staleTime: 30_000 });
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
