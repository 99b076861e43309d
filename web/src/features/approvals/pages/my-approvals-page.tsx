import { Badge, Button, Empty, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { positiveInt, useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import type { ApprovalBox, ApprovalListItem } from '../approval-api.ts';
import { useApprovalList } from '../hooks/use-approvals.ts';
import { useApprovalCounts } from '../hooks/use-approval-counts.ts';
import { ApprovalStateTag } from '../components/approval-state-tag.tsx';
import '../approvals.css';

const BOXES: readonly ApprovalBox[] = ['waiting', 'mine', 'done'];
const PAGE_SIZE = 20;

/** 我的审批: 待我审批 / 我发起的 / 已处理, newest first; a row opens the request. */
export function MyApprovalsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams(['tab', 'page'] as const);
  const box: ApprovalBox = BOXES.find((b) => b === params.tab) ?? 'waiting';
  const page = positiveInt(params.page, 1);
  const list = useApprovalList({ box, page, pageSize: PAGE_SIZE });
  const counts = useApprovalCounts();

  const columns: TableColumnsType<ApprovalListItem> = [
    {
      title: t('approvals.col.title'),
      key: 'title',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/approvals/${r.id}`}>{r.title}</Link>
          <Typography.Text type="secondary" className="bf-approval-process">
            {r.processLabel}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('approvals.col.requester'), dataIndex: 'requesterName', key: 'requester' },
    {
      title: t('approvals.col.step'),
      key: 'step',
      render: (_: unknown, r) => (
        <>
          {r.currentStepName ?? '—'}
          {r.onBehalfOfName ? <div className="bf-muted">{t('approvals.onBehalfOf', { name: r.onBehalfOfName })}</div> : null}
        </>
      ),
    },
    {
      title: t('approvals.col.state'),
      key: 'state',
      render: (_: unknown, r) => (
        <>
          <ApprovalStateTag state={r.state} />
          {r.round > 1 ? <span className="bf-muted">{t('approvals.roundN', { round: r.round })}</span> : null}
        </>
      ),
    },
    {
      title: box === 'waiting' ? t('approvals.col.arrivedAt') : box === 'done' ? t('approvals.col.actedAt') : t('approvals.col.updatedAt'),
      key: 'time',
      render: (_: unknown, r) => formatDateTime(box === 'mine' ? r.updatedAt : r.myAt),
    },
  ];

  const badge = (n: number | undefined) => (n ? <Badge count={n} size="small" className="bf-tab-badge" /> : null);
  const empty = (
    <Empty
      description={
        <>
          <div>{t(`approvals.empty.${box}`)}</div>
          {box === 'waiting' ? <Link to="/approvals/delegation">{t('approvals.empty.delegationLink')}</Link> : null}
        </>
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('approvals.title')}
        description={t('approvals.description')}
        extra={
          <Link to="/approvals/delegation">
            <Button icon={<UserSwitchOutlined />}>{t('approvals.delegationButton')}</Button>
          </Link>
        }
      />
      <Tabs
        activeKey={box}
        onChange={(key) => setParams({ tab: key, page: undefined })}
        items={BOXES.map((b) => ({
          key: b,
          label: (
            <span data-testid={`approvals-tab-${b}`}>
              {t(`approvals.box.${b}`)}
              {b === 'waiting' ? badge(counts.data?.waiting) : b === 'mine' ? badge(counts.data?.returned) : null}
            </span>
          ),
        }))}
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ApprovalListItem>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          onRow={(r) => ({ onDoubleClick: () => void navigate(`/approvals/${r.id}`) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.totalItems', { count: total }),
            onChange: (p) => setParams({ page: String(p) }),
          }}
        />
      )}
    </>
  );
}
