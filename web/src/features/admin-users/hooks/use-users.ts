import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type {
  CreateUserBody,
  ResetPasswordBody,
  SetActiveBody,
  UpdateUserBody,
  UserListQuery,
  VersionBody,
} from '../../../shared/api/types.ts';

export const USERS_KEY = ['users'] as const;

export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /users', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...USERS_KEY, 'one', id],
    queryFn: () => api('GET /users/:id', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

/** Every user mutation refreshes the lists (also after a 409, so the table shows the latest). */
function useUserMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export const useCreateUser = () => useUserMutation((body: CreateUserBody) => api('POST /users', { body }));
export const useUpdateUser = () =>
  useUserMutation(({ id, body }: { id: string; body: UpdateUserBody }) => api('PATCH /users/:id', { params: { id }, body }));
export const useResetPassword = () =>
  useUserMutation(({ id, body }: { id: string; body: ResetPasswordBody }) =>
    api('POST /users/:id/reset-password', { params: { id }, body }),
  );
export const useSetActive = () =>
  useUserMutation(({ id, body }: { id: string; body: SetActiveBody }) => api('POST /users/:id/active', { params: { id }, body }));
export const useUnlockUser = () =>
  useUserMutation(({ id, body }: { id: string; body: VersionBody }) => api('POST /users/:id/unlock', { params: { id }, body }));

/** Locked after too many failed sign-ins, until `lockedUntil`. */
export function isLocked(user: { lockedUntil: string | null }, now: Date): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now.getTime();
}
