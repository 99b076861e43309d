import { useState } from 'react';
import { Badge, Button, Empty, Grid, List, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api/client.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { NotificationItem } from '../notification-api.ts';
import { useInbox, useMarkAllRead, useMarkRead } from '../hooks/use-inbox.ts';

type Filter = 'all' | 'unread';
const PAGE_SIZE = 20;

/** 站内通知: the signed-in user's notifications, newest first; open one to mark it read. */
export function InboxPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const isMobile = Grid.useBreakpoint().md === false;
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const inbox = useInbox({ page, pageSize: PAGE_SIZE, ...(filter === 'unread' ? { unread: 'true' as const } : {}) });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = inbox.data?.unread ?? 0;

  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };

  const onMarkAll = () =>
    markAll.mutate(undefined, {
      onSuccess: (r) => void message.success(t('inbox.markedAll', { count: r.count })),
      onError: (err) => void message.error(isApiError(err) ? err.message : t('common.saveFailed')),
    });

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.description')}
        extra={
          <Space wrap>
            <Button icon={<CheckOutlined />} disabled={unread === 0} loading={markAll.isPending} onClick={onMarkAll}>
              {t('inbox.markAllRead')}
            </Button>
            <Link to="/profile/notifications">
              <Button icon={<SettingOutlined />}>{t('inbox.preferences')}</Button>
            </Link>
          </Space>
        }
      />
      <Segmented<Filter>
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('inbox.filterAll') },
          { value: 'unread', label: `${t('inbox.filterUnread')}${unread ? ` (${unread})` : ''}` },
        ]}
        style={{ marginBottom: 16 }}
      />
      {inbox.error ? (
        <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <>
          <List<NotificationItem>
            bordered
            itemLayout={isMobile ? 'vertical' : 'horizontal'}
            loading={inbox.isPending}
            dataSource={inbox.data?.items ?? []}
            locale={{
              emptyText: (
                <Empty
                  description={
                    filter === 'unread' ? (
                      t('inbox.emptyUnread')
                    ) : (
                      <span>
                        {t('inbox.empty')} <Link to="/profile/notifications">{t('inbox.emptyAction')}</Link>
                      </span>
                    )
                  }
                />
              ),
            }}
            renderItem={(n) => (
              <List.Item
                key={n.id}
                data-testid="inbox-item"
                style={{ background: n.readAt ? undefined : '#f0f6ff', cursor: 'pointer', alignItems: 'flex-start' }}
                onClick={() => open(n)}
                actions={
                  n.readAt
                    ? []
                    : [
                        <Button
                          key="read"
                          type="link"
                          size="small"
                          onClick={(e) => {
                            e.stopPropagation();
                            markRead.mutate(n.id);
                          }}
                        >
                          {t('inbox.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      {n.readAt ? null : <Badge status="processing" aria-label={t('inbox.unread')} />}
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                      {n.major ? <Tag color="red">{t('inbox.major')}</Tag> : null}
                      {n.cc ? <Tag color="gold">{t('inbox.cc')}</Tag> : null}
                    </Space>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ marginBottom: 4, color: 'rgba(0,0,0,0.75)' }}>{n.body}</Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {n.eventLabel} · {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {(inbox.data?.total ?? 0) > PAGE_SIZE ? (
            <Pagination
              style={{ marginTop: 16, textAlign: 'right' }}
              current={page}
              pageSize={PAGE_SIZE}
              total={inbox.data?.total ?? 0}
              showSizeChanger={false}
              onChange={setPage}
            />
          ) : null}
        </>
      )}
    </>
  );
}
