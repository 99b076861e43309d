import { useState } from 'react';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { Job, JobStatus, Schedule } from '../../inbox/notification-api.ts';
import { useJobs, useRetryJob, useSchedules } from '../hooks/use-jobs.ts';

const STATUS_COLOR: Record<JobStatus, string> = { queued: 'blue', running: 'processing', done: 'green', failed: 'orange', dead: 'red' };

function every(ms: number, t: TFunction): string {
  if (ms % 3_600_000 === 0) return t('jobsAdmin.everyHours', { n: ms / 3_600_000 });
  if (ms % 60_000 === 0) return t('jobsAdmin.everyMinutes', { n: ms / 60_000 });
  return t('jobsAdmin.everySeconds', { n: Math.round(ms / 1000) });
}

/** 后台任务: queued, running, finished and dead jobs (dead ones can be retried) and the schedules. */
export function JobsPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const [status, setStatus] = useState<JobStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const jobs = useJobs({ page, pageSize: 20, status });
  const schedules = useSchedules();
  const retry = useRetryJob();

  const columns: TableColumnsType<Job> = [
    { title: t('jobsAdmin.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime, width: 150 },
    { title: t('jobsAdmin.name'), dataIndex: 'name', key: 'name', render: (n: string) => <code>{n}</code> },
    {
      title: t('jobsAdmin.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: JobStatus) => <Tag color={STATUS_COLOR[s]}>{t(`jobsAdmin.status_${s}`)}</Tag>,
    },
    { title: t('jobsAdmin.attempts'), key: 'attempts', align: 'right', render: (_: unknown, j) => `${j.attempts} / ${j.maxAttempts}` },
    {
      title: t('jobsAdmin.runAt'),
      dataIndex: 'runAt',
      key: 'runAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('jobsAdmin.asap')),
    },
    { title: t('jobsAdmin.finishedAt'), dataIndex: 'finishedAt', key: 'finishedAt', render: formatDateTime },
    {
      title: t('jobsAdmin.lastError'),
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
      render: (_: unknown, j) =>
        j.status === 'dead' ? (
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={retry.isPending && retry.variables === j.id}
            onClick={() =>
              retry.mutate(j.id, {
                onSuccess: () => void message.success(t('jobsAdmin.retried')),
                onError: (err) => void message.error(isApiError(err) ? err.message : t('common.saveFailed')),
              })
            }
          >
            {t('jobsAdmin.retry')}
          </Button>
        ) : null,
    },
  ];

  const scheduleColumns: TableColumnsType<Schedule> = [
    { title: t('jobsAdmin.name'), dataIndex: 'name', key: 'name', render: (n: string) => <code>{n}</code> },
    { title: t('jobsAdmin.every'), dataIndex: 'everyMs', key: 'every', render: (ms: number) => every(ms, t) },
    { title: t('jobsAdmin.lastRunAt'), dataIndex: 'lastRunAt', key: 'lastRunAt', render: formatDateTime },
    { title: t('jobsAdmin.nextRunAt'), dataIndex: 'nextRunAt', key: 'nextRunAt', render: formatDateTime },
    {
      title: t('jobsAdmin.lastError'),
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
  ];

  return (
    <>
      <PageHeader title={t('jobsAdmin.title')} description={t('jobsAdmin.description')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<JobStatus>
          allowClear
          placeholder={t('jobsAdmin.filterStatus')}
          aria-label={t('jobsAdmin.filterStatus')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['dead', 'queued', 'running', 'done'] as const).map((s) => ({ value: s, label: t(`jobsAdmin.status_${s}`) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void Promise.all([jobs.refetch(), schedules.refetch()])}>
          {t('jobsAdmin.refresh')}
        </Button>
      </Space>
      {jobs.error ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<Job>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isPending}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: jobs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={status === 'dead' ? t('jobsAdmin.noDead') : t('jobsAdmin.empty')} /> }}
        />
      )}
      <Card title={t('jobsAdmin.schedules')} size="small" style={{ marginTop: 24 }}>
        <Table<Schedule>
          rowKey="name"
          size="small"
          columns={scheduleColumns}
          dataSource={schedules.data ?? []}
          loading={schedules.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('jobsAdmin.noSchedules')} /> }}
        />
      </Card>
    </>
  );
}
