import { Button, Empty, Tabs, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { positiveInt, useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import type { TaskView } from '../project-api.ts';
import { useCompleteTask, useMyTasks } from '../hooks/use-projects.ts';
import '../projects.css';

/** 我的任务: action items and other tasks assigned to me, by due date; done ones on the second tab. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const [params, setParams] = useUrlParams(['tab', 'page'] as const);
  const state = params.tab === 'done' ? 'done' : 'open';
  const page = positiveInt(params.page, 1);
  const list = useMyTasks(state, page);
  const complete = useCompleteTask();
  const done = async (task: TaskView) => {
    try {
      await complete.mutateAsync({ id: task.id, version: task.version });
      void message.success(t('projects.tasks.completed'));
    } catch (err) {
      onError(err);
    }
  };
  const columns: TableColumnsType<TaskView> = [
    {
      title: t('projects.tasks.title'),
      key: 'title',
      render: (_: unknown, r) => (
        <>
          {r.title}
          {r.description ? <div className="bf-muted">{r.description}</div> : null}
        </>
      ),
    },
    {
      title: t('projects.tasks.project'),
      key: 'project',
      render: (_: unknown, r) => (r.projectId ? <Link to={`/projects/${r.projectId}?tab=meetings`}>{r.projectName}</Link> : '—'),
    },
    { title: t('projects.tasks.meeting'), key: 'meeting', render: (_: unknown, r) => r.meetingTitle ?? '—' },
    {
      title: t('projects.tasks.due'),
      key: 'due',
      render: (_: unknown, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined}>
          {r.dueDate ?? '—'}
          {r.overdue ? ` · ${t('projects.tasks.overdue')}` : ''}
        </Typography.Text>
      ),
    },
    state === 'open'
      ? {
          title: t('common.actions'),
          key: 'a',
          render: (_: unknown, r) => (
            <Button size="small" icon={<CheckOutlined />} onClick={() => void done(r)}>
              {t('projects.tasks.markDone')}
            </Button>
          ),
        }
      : { title: t('projects.tasks.doneAt'), key: 'd', render: (_: unknown, r) => formatDateTime(r.doneAt) },
  ];
  return (
    <>
      <PageHeader title={t('projects.tasks.pageTitle')} description={t('projects.tasks.pageDescription')} />
      <Tabs
        activeKey={state}
        onChange={(k) => setParams({ tab: k === 'done' ? 'done' : undefined, page: undefined })}
        items={[
          { key: 'open', label: t('projects.tasks.tabOpen') },
          { key: 'done', label: t('projects.tasks.tabDone') },
        ]}
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<TaskView>
          label={t('projects.tasks.pageTitle')}
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: <Empty description={state === 'open' ? t('projects.tasks.emptyOpen') : t('projects.tasks.emptyDone')} /> }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: (p) => setParams({ page: String(p) }, false),
          }}
        />
      )}
    </>
  );
}
