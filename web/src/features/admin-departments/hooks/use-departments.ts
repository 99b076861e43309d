import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { CreateDepartmentBody, UpdateDepartmentBody } from '../../../shared/api/types.ts';
import { USERS_KEY } from '../../admin-users/hooks/use-users.ts';

export const DEPARTMENTS_KEY = ['departments'] as const;

export function useDepartments(enabled = true) {
  return useQuery({ queryKey: DEPARTMENTS_KEY, queryFn: () => api('GET /departments'), enabled, staleTime: 30_000 });
}

export function useCreateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDepartmentBody) => api('POST /departments', { body }),
    onSettled: () => qc.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
}

export function useUpdateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDepartmentBody }) => api('PATCH /departments/:id', { params: { id }, body }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: DEPARTMENTS_KEY });
      // department names appear in the user list
      await qc.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
}
