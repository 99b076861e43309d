import { Badge, Button, Card, Empty, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api/client.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { formatDateTime, formatMoney } from '../../../shared/format.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { localized } from '../../projects/project-api.ts';
import { WORKSPACE_KEY, useStageConfig } from '../../projects/hooks/use-projects.ts';
import { EmptyLine } from '../../projects/components/empty-line.tsx';
import '../../projects/projects.css';

type Deadline = {
  id: string;
  title: string | null;
  policyName: string;
  dueAt: string;
  link: string | null;
  ownerName: string;
  overdue: boolean;
};

function DeadlineItem({ d, showOwner = false }: { d: Deadline; showOwner?: boolean }) {
  const title = d.title ?? d.policyName;
  return (
    <List.Item>
      <List.Item.Meta
        title={d.link ? <Link to={d.link}>{title}</Link> : title}
        description={
          <>
            {d.policyName}
            {showOwner ? ` · ${d.ownerName}` : ''}
          </>
        }
      />
      <Typography.Text type={d.overdue ? 'danger' : 'warning'}>{formatDateTime(d.dueAt)}</Typography.Text>
    </List.Item>
  );
}

/**
 * 工作台 — the page everyone lands on: my tasks, approvals waiting for me, my deadlines overdue
 * and due soon, my projects with their next step, recent notifications; managers also see the
 * team's overdue items.
 */
export function WorkspacePage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const config = useStageConfig(can(me, 'project.read'));
  const q = useQuery({ queryKey: WORKSPACE_KEY, queryFn: ({ signal }) => api('GET /workspace', { signal }), refetchInterval: 60_000 });
  const stageName = (code: string) => {
    const s = config.data?.stages.find((x) => x.code === code);
    return s ? (i18n.language === 'en' ? s.nameEn : s.nameZh) : code;
  };
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const header = <PageHeader title={t('workspace.title')} description={t('workspace.greeting', { name: me.displayName })} />;
  if (!data)
    return (
      <>
        {header}
        <SectionSpin />
      </>
    );

  const tasks = (
    <Card
      size="small"
      title={
        <>
          {t('workspace.tasks')} <Badge count={data.tasks.total} showZero={false} />
        </>
      }
      extra={<Link to="/tasks">{t('workspace.all')}</Link>}
      data-testid="ws-tasks"
    >
      <List
        dataSource={data.tasks.items}
        locale={{ emptyText: <EmptyLine text={t('workspace.tasksEmpty')} /> }}
        renderItem={(task) => (
          <List.Item>
            <List.Item.Meta
              title={task.projectId ? <Link to={`/projects/${task.projectId}?tab=meetings`}>{task.title}</Link> : task.title}
              description={task.projectName ?? undefined}
            />
            <Typography.Text type={task.overdue ? 'danger' : undefined}>{task.dueDate ?? '—'}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
  const projects = can(me, 'project.read') ? (
    <Card
      size="small"
      title={
        <>
          {t('workspace.projects')} <Badge count={data.projects.total} showZero={false} color="#1677ff" />
        </>
      }
      extra={<Link to="/projects?mine=true&view=table">{t('workspace.all')}</Link>}
      data-testid="ws-projects"
    >
      <List
        dataSource={data.projects.items}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workspace.projectsEmpty')}>
              {can(me, 'project.create') ? (
                <Link to="/projects/new">
                  <Button type="primary">{t('workspace.newProject')}</Button>
                </Link>
              ) : null}
            </Empty>
          ),
        }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Link to={`/projects/${p.id}`}>{p.name}</Link> <Tag>{stageName(p.stage)}</Tag>
                </>
              }
              description={
                <>
                  {p.customerName} · {formatMoney(p.amountFen)}
                  <div className="bf-next-inline">
                    {t('workspace.next')}
                    {localized(p.nextStep, i18n.language)}
                  </div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  ) : null;
  const approvals = (
    <Card
      size="small"
      title={
        <>
          {t('workspace.approvals')} <Badge count={data.approvals.counts.waiting} showZero={false} />
        </>
      }
      extra={<Link to="/approvals">{t('workspace.all')}</Link>}
      data-testid="ws-approvals"
    >
      <List
        dataSource={data.approvals.items}
        locale={{ emptyText: <EmptyLine text={t('workspace.approvalsEmpty')} /> }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/approvals/${a.id}`}>{a.title}</Link>}
              description={`${a.processLabel} · ${a.requesterName}`}
            />
            <span className="bf-muted">{formatDateTime(a.myAt)}</span>
          </List.Item>
        )}
      />
      {data.approvals.counts.returned ? (
        <Link to="/approvals?tab=mine">{t('workspace.returned', { count: data.approvals.counts.returned })}</Link>
      ) : null}
    </Card>
  );
  const deadlines = (
    <Card size="small" title={t('workspace.deadlines')} data-testid="ws-deadlines">
      {data.deadlines.overdue.length + data.deadlines.dueSoon.length === 0 ? (
        <EmptyLine text={t('workspace.deadlinesEmpty')} />
      ) : (
        <>
          {data.deadlines.overdue.length ? (
            <Typography.Text type="danger" strong>
              {t('workspace.overdue', { count: data.deadlines.overdueTotal })}
            </Typography.Text>
          ) : null}
          <List dataSource={data.deadlines.overdue} renderItem={(d) => <DeadlineItem d={d} />} />
          {data.deadlines.dueSoon.length ? (
            <Typography.Text type="warning" strong>
              {t('workspace.dueSoon', { count: data.deadlines.dueSoonTotal })}
            </Typography.Text>
          ) : null}
          <List dataSource={data.deadlines.dueSoon} renderItem={(d) => <DeadlineItem d={d} />} />
        </>
      )}
    </Card>
  );
  const team = data.team ? (
    <Card
      size="small"
      title={t('workspace.team', { count: data.team.overdueTotal })}
      extra={can(me, 'deadline.read') ? <Link to="/admin/deadlines">{t('workspace.all')}</Link> : null}
      data-testid="ws-team"
    >
      <List
        dataSource={data.team.overdue}
        locale={{ emptyText: <EmptyLine text={t('workspace.teamEmpty')} /> }}
        renderItem={(d) => <DeadlineItem d={d} showOwner />}
      />
    </Card>
  ) : null;
  const notifications = (
    <Card
      size="small"
      title={
        <>
          {t('workspace.notifications')} <Badge count={data.notifications.unread} showZero={false} />
        </>
      }
      extra={<Link to="/inbox">{t('workspace.all')}</Link>}
      data-testid="ws-notifications"
    >
      <List
        dataSource={data.notifications.items}
        locale={{ emptyText: <EmptyLine text={t('workspace.notificationsEmpty')} /> }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
              description={<span className={n.readAt ? undefined : 'bf-unread'}>{formatDateTime(n.createdAt)}</span>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
  return (
    <>
      {header}
      <div className="bf-workspace-grid">
        <div className="bf-workspace-col">
          {tasks}
          {projects}
        </div>
        <div className="bf-workspace-col">
          {approvals}
          {deadlines}
          {team}
          {notifications}
        </div>
      </div>
    </>
  );
}
