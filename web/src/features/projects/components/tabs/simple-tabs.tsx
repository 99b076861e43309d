import { Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../../shared/components/full-page-spin.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { getJson, type ProjectDetail } from '../../project-api.ts';
import { useProjectDeadlines } from '../../hooks/use-projects.ts';
import { DueText } from '../due-text.tsx';

const APPROVAL_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: 'default',
};

/** 审批: every review of the project (go/no-go, 立项, split exception, special handling) with a link to it. */
export function ApprovalsTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="requestId"
      size="small"
      pagination={false}
      dataSource={p.approvals}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('projects.approvalsTab.empty')} /> }}
      columns={[
        {
          title: t('projects.approvalsTab.process'),
          key: 'p',
          render: (_: unknown, r) => <Link to={`/approvals/${r.requestId}`}>{r.processLabel}</Link>,
        },
        {
          title: t('projects.approvalsTab.state'),
          key: 's',
          render: (_: unknown, r) => <Tag color={APPROVAL_COLORS[r.state] ?? 'default'}>{t(`approvals.state.${r.state}`)}</Tag>,
        },
        { title: t('projects.approvalsTab.requester'), dataIndex: 'requesterName', key: 'r' },
        { title: t('projects.approvalsTab.submittedAt'), key: 'at', render: (_: unknown, r) => formatDateTime(r.submittedAt) },
        { title: t('projects.approvalsTab.decidedAt'), key: 'd', render: (_: unknown, r) => formatDateTime(r.decidedAt) },
      ]}
    />
  );
}

/** 时限: the project's deadlines (its own steps, action items, approval steps), open ones first. */
export function DeadlinesTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const q = useProjectDeadlines(p.id);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <SectionSpin />;
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={q.data}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('projects.deadlinesTab.empty')} /> }}
      columns={[
        {
          title: t('projects.deadlinesTab.what'),
          key: 'w',
          render: (_: unknown, r) => (
            <Space orientation="vertical" size={0}>
              <span>{r.title ?? r.policyName}</span>
              <span className="bf-muted">{r.policyName}</span>
            </Space>
          ),
        },
        { title: t('projects.deadlinesTab.owner'), dataIndex: 'ownerName', key: 'o' },
        {
          title: t('projects.deadlinesTab.due'),
          key: 'd',
          render: (_: unknown, r) => (['running', 'breached'].includes(r.state) ? <DueText at={r.dueAt} /> : formatDateTime(r.dueAt)),
        },
        {
          title: t('projects.deadlinesTab.state'),
          key: 's',
          render: (_: unknown, r) => (
            <Tag color={r.overdue ? 'error' : r.state === 'met' ? 'success' : 'default'}>
              {t(`projects.deadlineState.${r.state}`, { defaultValue: r.state })}
            </Tag>
          ),
        },
      ]}
    />
  );
}

interface Activity {
  id: string;
  type: string;
  subject: string;
  occurredAt: string;
  ownerName: string | null;
  content: string | null;
}

/** 活动: visits, negotiations and communications recorded against the project (activities module). */
export function ActivitiesTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['projects', 'detail', p.id, 'activities'],
    queryFn: ({ signal }) => getJson<{ items: Activity[] }>(`/api/activities?projectId=${p.id}&pageSize=50`, signal),
  });
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <SectionSpin />;
  if (!q.data) return <Empty description={t('projects.activitiesTab.unavailable')} />;
  return (
    <List
      dataSource={q.data.items}
      locale={{ emptyText: <Empty description={t('projects.activitiesTab.empty')} /> }}
      renderItem={(a) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                {a.subject} <Tag>{t(`projects.activityType.${a.type}`, { defaultValue: a.type })}</Tag>
              </>
            }
            description={
              <>
                {formatDateTime(a.occurredAt)} · {a.ownerName ?? ''}
                {a.content ? (
                  <Typography.Paragraph ellipsis={{ rows: 2 }} className="bf-no-margin">
                    {a.content}
                  </Typography.Paragraph>
                ) : null}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
