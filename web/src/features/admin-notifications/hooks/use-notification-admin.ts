import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type {
  ExternalChannel,
  NotificationSettings,
  OutboxQuery,
  UpdateEmailChannelBody,
  UpdateNotificationRulesBody,
  UpdateWebhookChannelBody,
} from '../../inbox/notification-api.ts';

const SETTINGS_KEY = ['notification-admin', 'settings'] as const;
const OUTBOX_KEY = ['notification-admin', 'outbox'] as const;

export function useNotificationSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api('GET /notifications/admin/settings') });
}

function useSettingsMutation<B>(fn: (body: B) => Promise<NotificationSettings>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s: NotificationSettings) => qc.setQueryData(SETTINGS_KEY, s),
    onError: () => qc.invalidateQueries({ queryKey: SETTINGS_KEY }),
  });
}

export function useSaveEmailChannel() {
  return useSettingsMutation((body: UpdateEmailChannelBody) => api('PUT /notifications/admin/channels/email', { body }));
}

export function useSaveWebhookChannel(channel: 'wecom' | 'dingtalk') {
  return useSettingsMutation((body: UpdateWebhookChannelBody) =>
    api('PUT /notifications/admin/channels/:channel', { params: { channel }, body }),
  );
}

export function useSaveRules() {
  return useSettingsMutation((body: UpdateNotificationRulesBody) => api('PUT /notifications/admin/rules', { body }));
}

export function useTestChannel() {
  return useMutation({
    mutationFn: ({ channel, to }: { channel: ExternalChannel; to?: string }) =>
      api('POST /notifications/admin/channels/:channel/test', { params: { channel }, body: to ? { to } : {} }),
  });
}

export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: [...OUTBOX_KEY, query],
    queryFn: () => api('GET /notifications/admin/outbox', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useRetryOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('POST /notifications/admin/outbox/:id/retry', { params: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: OUTBOX_KEY }),
  });
}
