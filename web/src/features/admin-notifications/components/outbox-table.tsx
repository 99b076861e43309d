import { useState } from 'react';
import { Button, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { ExternalChannel, OutboxItem, OutboxStatus } from '../../inbox/notification-api.ts';
import { useOutbox, useRetryOutbox } from '../hooks/use-notification-admin.ts';

const STATUS_COLOR: Record<OutboxStatus, string> = { pending: 'blue', sent: 'green', skipped: 'default', dead: 'red' };

/** 发送记录: every external delivery with its status; dead letters can be sent again. */
export function OutboxTable() {
  const { t } = useTranslation();
  const message = useMessage();
  const [status, setStatus] = useState<OutboxStatus | undefined>(undefined);
  const [channel, setChannel] = useState<ExternalChannel | undefined>(undefined);
  const [page, setPage] = useState(1);
  const outbox = useOutbox({ page, pageSize: 20, status, channel });
  const retry = useRetryOutbox();

  const columns: TableColumnsType<OutboxItem> = [
    { title: t('notifyAdmin.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime, width: 150 },
    {
      title: t('notifyAdmin.channel'),
      dataIndex: 'channel',
      key: 'channel',
      render: (c: ExternalChannel) => t(`notifyPrefs.channel_${c}`),
    },
    { title: t('notifyAdmin.event'), dataIndex: 'eventLabel', key: 'event' },
    { title: t('notifyAdmin.recipient'), dataIndex: 'recipientName', key: 'recipient', render: (v: string | null) => v ?? '—' },
    { title: t('notifyAdmin.messageTitle'), dataIndex: 'title', key: 'title', ellipsis: true },
    {
      title: t('notifyAdmin.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: OutboxStatus) => <Tag color={STATUS_COLOR[s]}>{t(`notifyAdmin.status_${s}`)}</Tag>,
    },
    { title: t('notifyAdmin.attempts'), dataIndex: 'attempts', key: 'attempts', align: 'right' },
    {
      title: t('notifyAdmin.lastError'),
      dataIndex: 'lastError',
      key: 'lastError',
      render: (v: string | null) =>
        v ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, row) =>
        row.status === 'dead' ? (
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={retry.isPending && retry.variables === row.id}
            onClick={() =>
              retry.mutate(row.id, {
                onSuccess: () => void message.success(t('notifyAdmin.retried')),
                onError: (err) => void message.error(isApiError(err) ? err.message : t('common.saveFailed')),
              })
            }
          >
            {t('notifyAdmin.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<OutboxStatus>
          allowClear
          placeholder={t('notifyAdmin.filterStatus')}
          aria-label={t('notifyAdmin.filterStatus')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['dead', 'pending', 'sent', 'skipped'] as const).map((s) => ({ value: s, label: t(`notifyAdmin.status_${s}`) }))}
        />
        <Select<ExternalChannel>
          allowClear
          placeholder={t('notifyAdmin.filterChannel')}
          aria-label={t('notifyAdmin.filterChannel')}
          style={{ width: 160 }}
          value={channel}
          onChange={(v) => {
            setChannel(v);
            setPage(1);
          }}
          options={(['email', 'wecom', 'dingtalk'] as const).map((c) => ({ value: c, label: t(`notifyPrefs.channel_${c}`) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void outbox.refetch()}>
          {t('notifyAdmin.refresh')}
        </Button>
      </Space>
      {outbox.error ? (
        <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <Table<OutboxItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={outbox.data?.items ?? []}
          loading={outbox.isPending}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: outbox.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={status === 'dead' ? t('notifyAdmin.noDead') : t('notifyAdmin.outboxEmpty')} /> }}
        />
      )}
    </>
  );
}
