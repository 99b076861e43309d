import { Alert, Card, Empty, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { CHANNEL_LIST, type Channel, type Preferences } from '../../inbox/notification-api.ts';
import { usePreferences, useUpdatePreferences } from '../../inbox/hooks/use-inbox.ts';

type EventRow = Preferences['eventTypes'][number];

/** 通知偏好: per event type and channel, on or off; and the daily e-mail digest. Saved at once. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const prefs = usePreferences();
  const update = useUpdatePreferences();
  const data = prefs.data;

  const save = (body: { dailyDigest?: boolean; items?: Array<{ eventType: string; channel: Channel; enabled: boolean }> }) => {
    if (!data) return;
    update.mutate(
      { version: data.version, ...body },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => void message.error(isApiError(err) ? err.message : t('common.saveFailed')),
      },
    );
  };

  const available = (ch: Channel) => data?.channels.find((c) => c.channel === ch)?.available ?? false;

  const columns: TableColumnsType<EventRow> = [
    {
      title: t('notifyPrefs.event'),
      key: 'event',
      render: (_: unknown, row) => (
        <>
          {row.label} {row.major ? <Tag color="red">{t('inbox.major')}</Tag> : null}
        </>
      ),
    },
    ...CHANNEL_LIST.map((ch) => ({
      title: (
        <Tooltip title={available(ch) ? undefined : t(`notifyPrefs.unavailable_${ch}`)}>
          <span>{t(`notifyPrefs.channel_${ch}`)}</span>
        </Tooltip>
      ),
      key: ch,
      align: 'center' as const,
      render: (_: unknown, row: EventRow) => (
        <Switch
          size="small"
          checked={row.enabled.includes(ch)}
          disabled={update.isPending || (!available(ch) && !row.enabled.includes(ch))}
          aria-label={`${row.label} · ${t(`notifyPrefs.channel_${ch}`)}`}
          onChange={(enabled) => save({ items: [{ eventType: row.type, channel: ch, enabled }] })}
        />
      ),
    })),
  ];

  const missing = CHANNEL_LIST.filter((ch) => !available(ch));

  return (
    <>
      <PageHeader title={t('notifyPrefs.title')} description={t('notifyPrefs.description')} />
      {prefs.error ? (
        <LoadError error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
              <Switch
                checked={data?.dailyDigest ?? false}
                disabled={!data || update.isPending}
                onChange={(dailyDigest) => save({ dailyDigest })}
                aria-label={t('notifyPrefs.digest')}
              />
              <div style={{ flex: 1, minWidth: 200 }}>
                <Typography.Text strong>{t('notifyPrefs.digest')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('notifyPrefs.digestHint', { time: data?.digestTime ?? '18:00' })}</Typography.Text>
              </div>
            </div>
          </Card>
          {data && missing.length ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('notifyPrefs.unavailableTitle', { channels: missing.map((ch) => t(`notifyPrefs.channel_${ch}`)).join('、') })}
              description={t('notifyPrefs.unavailableHint')}
            />
          ) : null}
          <Table<EventRow>
            rowKey="type"
            size="middle"
            columns={columns}
            dataSource={data?.eventTypes ?? []}
            loading={prefs.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('notifyPrefs.empty')} /> }}
          />
        </>
      )}
    </>
  );
}
