import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { InboxQuery, Preferences, UpdatePreferencesBody } from '../notification-api.ts';

export const UNREAD_KEY = ['notifications', 'unread'] as const;
const INBOX_KEY = ['notifications', 'list'] as const;
const PREFS_KEY = ['notifications', 'preferences'] as const;

/** The number on the bell; refreshed every 30 s and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => api('GET /notifications/unread-count'),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
}

export function useInbox(query: InboxQuery) {
  return useQuery({
    queryKey: [...INBOX_KEY, query],
    queryFn: () => api('GET /notifications', { query }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateInbox() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: INBOX_KEY }), qc.invalidateQueries({ queryKey: UNREAD_KEY })]);
}

export function useMarkRead() {
  const invalidate = useInvalidateInbox();
  return useMutation({
    mutationFn: (id: string) => api('POST /notifications/:id/read', { params: { id } }),
    onSettled: invalidate,
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateInbox();
  return useMutation({ mutationFn: () => api('POST /notifications/read-all'), onSettled: invalidate });
}

export function usePreferences() {
  return useQuery({ queryKey: PREFS_KEY, queryFn: () => api('GET /notifications/preferences') });
}

export function useUpdatePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePreferencesBody) => api('PUT /notifications/preferences', { body }),
    onSuccess: (prefs: Preferences) => qc.setQueryData(PREFS_KEY, prefs),
    onError: () => qc.invalidateQueries({ queryKey: PREFS_KEY }),
  });
}
