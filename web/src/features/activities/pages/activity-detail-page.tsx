import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_STATE_LABELS,
  ACTIVITY_TYPE_LABELS,
  COMMUNICATION_CHANNEL_LABELS,
} from '../../../../../core/activities/activity-types.ts';
import { isApiError } from '../../../shared/api/client.ts';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format.ts';
import { lab, langOf } from '../../leads/format.ts';
import { useActivity } from '../hooks/use-activities.ts';
import { stateColor } from '../state-color.ts';
import '../../leads/leads.css';

/** One activity; a reception plan shows its schedule, budget, approval and summary. */
export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const navigate = useNavigate();
  const q = useActivity(id);
  if (q.error && !q.data) {
    if (isApiError(q.error) && q.error.status === 404)
      return <Result status="404" title={t('activities.notFound')} extra={<Link to="/activities">{t('activities.backToList')}</Link>} />;
    return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const a = q.data;
  if (!a) return <Skeleton active />;
  const d = a.details;
  const isPlan = a.type === 'reception_plan';
  const rows = [
    {
      key: 'customer',
      label: t('activities.f.customer'),
      children: a.customerId ? <Link to={`/customers/${a.customerId}`}>{a.customerName}</Link> : '—',
    },
    ...(a.projectId
      ? [{ key: 'project', label: t('activities.f.project'), children: <Link to={`/projects/${a.projectId}`}>{a.projectName}</Link> }]
      : []),
    {
      key: 'time',
      label: a.type === 'visit' ? t('activities.f.logDate') : t('activities.f.occurredAt'),
      children: a.type === 'visit' ? a.logDate : isPlan ? `${d.startDate ?? ''} ～ ${d.endDate ?? ''}` : formatDateTime(a.occurredAt),
    },
    ...(a.channel
      ? [{ key: 'channel', label: t('activities.f.channel'), children: lab(COMMUNICATION_CHANNEL_LABELS, a.channel, lang) }]
      : []),
    ...(d.contactName ? [{ key: 'contact', label: t('activities.f.contact'), children: d.contactName }] : []),
    ...(d.visitors ? [{ key: 'visitors', label: t('activities.f.visitors'), children: d.visitors }] : []),
    ...(a.location ? [{ key: 'location', label: t('activities.f.location'), children: a.location }] : []),
    ...(a.participants
      ? [{ key: 'participants', label: isPlan ? t('activities.f.hosts') : t('activities.f.participants'), children: a.participants }]
      : []),
    ...(a.content ? [{ key: 'content', label: t('activities.f.content'), children: <span className="bf-in-pre">{a.content}</span> }] : []),
    ...(a.result ? [{ key: 'result', label: t('activities.f.result'), children: <span className="bf-in-pre">{a.result}</span> }] : []),
    ...(a.nextSteps
      ? [{ key: 'next', label: t('activities.f.nextSteps'), children: <span className="bf-in-pre">{a.nextSteps}</span> }]
      : []),
    ...(a.budgetFen !== null ? [{ key: 'budget', label: t('activities.f.budget'), children: formatMoney(a.budgetFen) }] : []),
    ...(d.actualCostFen !== undefined && d.actualCostFen !== null
      ? [{ key: 'actual', label: t('activities.f.actualCost'), children: formatMoney(d.actualCostFen) }]
      : []),
    { key: 'owner', label: t('activities.f.owner'), children: `${a.ownerName ?? ''}${a.departmentName ? `（${a.departmentName}）` : ''}` },
    ...(a.approval
      ? [
          {
            key: 'approval',
            label: t('activities.approval'),
            children: <Link to={a.approval.link}>{t(`leads.approvalState.${a.approval.state}`, { defaultValue: a.approval.state })}</Link>,
          },
        ]
      : []),
    ...(a.summaryDueAt && !a.summaryId
      ? [{ key: 'due', label: t('activities.summaryDue'), children: formatDateTime(a.summaryDueAt) }]
      : []),
    ...(a.planId
      ? [{ key: 'plan', label: t('activities.f.plan'), children: <Link to={`/activities/${a.planId}`}>{t('activities.openPlan')}</Link> }]
      : []),
  ];
  return (
    <>
      <Link to="/activities" className="bf-in-back">
        <ArrowLeftOutlined /> {t('activities.backToList')}
      </Link>
      <PageHeader
        title={a.subject}
        description={
          <Space wrap>
            <Tag>{lab(ACTIVITY_TYPE_LABELS, a.type, lang)}</Tag>
            {a.state !== 'recorded' ? <Tag color={stateColor(a.state)}>{lab(ACTIVITY_STATE_LABELS, a.state, lang)}</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            {a.can.edit ? (
              <Button onClick={() => void navigate(`/activities/${a.id}/edit`)}>
                {isPlan ? t('activities.editPlan') : t('activities.edit')}
              </Button>
            ) : null}
            {a.can.summarise ? (
              <Button type="primary" onClick={() => void navigate(`/activities/new?type=reception_summary&planId=${a.id}`)}>
                {t('activities.writeSummary')}
              </Button>
            ) : null}
            {a.summaryId ? (
              <Button onClick={() => void navigate(`/activities/${a.summaryId}`)}>{t('activities.openSummary')}</Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <Descriptions size="small" column={1} items={rows} />
      </Card>
      {isPlan && (d.schedule?.length ?? 0) > 0 ? (
        <Card size="small" title={t('activities.f.schedule')} className="bf-lead-timeline">
          <Table
            size="small"
            rowKey={(r) => `${r.date}-${r.time ?? ''}-${r.item}`}
            pagination={false}
            dataSource={d.schedule ?? []}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('activities.f.date'), dataIndex: 'date', key: 'date', render: (v: string) => formatDate(`${v}T12:00:00+08:00`) },
              { title: t('activities.f.time'), dataIndex: 'time', key: 'time', render: (v: string | null) => v ?? '' },
              { title: t('activities.f.item'), dataIndex: 'item', key: 'item' },
              { title: t('activities.f.place'), dataIndex: 'place', key: 'place', render: (v: string | null) => v ?? '' },
              { title: t('activities.f.accompany'), dataIndex: 'hosts', key: 'hosts', render: (v: string | null) => v ?? '' },
            ]}
          />
          {(d.budgetItems?.length ?? 0) > 0 ? (
            <>
              <div className="bf-in-section-title">{t('activities.f.budgetItems')}</div>
              <ul className="bf-in-list">
                {(d.budgetItems ?? []).map((b) => (
                  <li key={b.item}>
                    {b.item}：{formatMoney(b.amountFen)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
