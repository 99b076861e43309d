import { Empty, Segmented, Select, Space, Tag, Tooltip, Typography, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { positiveInt, useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import type { OpenDeadline } from '../deadline-api.ts';
import { amountText } from '../deadline-format.ts';
import { useDeadlinePolicies, useOpenDeadlines } from '../hooks/use-deadlines.ts';

const KEYS = ['tab', 'page', 'pageSize', 'filter', 'owner', 'subjectType', 'policy', 'sort'] as const;
const FILTERS = ['all', 'overdue', 'due_soon', 'paused'] as const;
type Filter = (typeof FILTERS)[number];

/** 进行中的时限: open deadlines in the reader's data scope, overdue / due soon / paused first. */
export function OpenDeadlinesTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useUrlParams(KEYS);
  const page = positiveInt(params.page, 1);
  const pageSize = positiveInt(params.pageSize, 20, 200);
  const filter: Filter = FILTERS.find((f) => f === params.filter) ?? 'all';
  const sort = params.sort === '-dueAt' || params.sort === 'startedAt' || params.sort === '-startedAt' ? params.sort : 'dueAt';
  const list = useOpenDeadlines({
    page,
    pageSize,
    filter,
    ownerUserId: params.owner,
    subjectType: params.subjectType,
    policyCode: params.policy,
    sort,
  });
  const policies = useDeadlinePolicies();
  const filtered = filter !== 'all' || Boolean(params.owner || params.subjectType || params.policy);

  const columns: TableColumnsType<OpenDeadline> = [
    {
      title: t('deadlines.item'),
      key: 'item',
      fixed: 'left',
      render: (_: unknown, d) => (
        <Space direction="vertical" size={0}>
          {d.link ? <Link to={d.link}>{d.title ?? d.policyName}</Link> : <span>{d.title ?? d.policyName}</span>}
          <Typography.Text type="secondary" className="bf-dl-subject">
            {d.subjectType} · {d.step}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('deadlines.policy'), key: 'policy', render: (_: unknown, d) => `${d.policyName}（${amountText(t, d.kind, d.amount)}）` },
    { title: t('deadlines.owner'), dataIndex: 'ownerName', key: 'owner' },
    { title: t('deadlines.department'), dataIndex: 'departmentName', key: 'department', render: (v: string | null) => v ?? '—' },
    {
      title: t('deadlines.startedAt'),
      dataIndex: 'startedAt',
      key: 'startedAt',
      sorter: true,
      sortOrder: sort.endsWith('startedAt') ? (sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: formatDateTime,
    },
    {
      title: t('deadlines.dueAt'),
      key: 'dueAt',
      sorter: true,
      sortOrder: sort.endsWith('dueAt') ? (sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: (_: unknown, d) => (
        <Space size={4} wrap>
          <span>{formatDateTime(d.dueAt)}</span>
          {d.provisional ? (
            <Tooltip title={t('deadlines.provisionalHint')}>
              <Tag color="gold">{t('deadlines.provisional')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: t('deadlines.breachAt'), dataIndex: 'breachAt', key: 'breachAt', render: formatDateTime },
    {
      title: t('deadlines.state'),
      key: 'state',
      render: (_: unknown, d) => {
        if (d.state === 'paused') {
          return (
            <Tooltip title={d.pauseReason ?? undefined}>
              <Tag>{t('deadlines.stateName.paused')}</Tag>
            </Tooltip>
          );
        }
        if (d.state === 'breached') return <Tag color="error">{t('deadlines.stateName.breached')}</Tag>;
        return d.overdue ? (
          <Tag color="warning">{t('deadlines.overdueTag')}</Tag>
        ) : (
          <Tag color="processing">{t('deadlines.stateName.running')}</Tag>
        );
      },
    },
  ];

  const onChange: TableProps<OpenDeadline>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
    const nextSort = key && s?.order ? `${s.order === 'descend' ? '-' : ''}${key}` : undefined;
    setParams(
      {
        page: nextSort !== params.sort ? undefined : pagination.current,
        pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
        sort: nextSort === 'dueAt' ? undefined : nextSort,
      },
      false,
    );
  };

  return (
    <>
      <div className="bf-filters" role="search" aria-label={t('deadlines.filters')}>
        <Segmented
          aria-label={t('deadlines.filter')}
          value={filter}
          options={FILTERS.map((f) => ({ value: f, label: t(`deadlines.filterName.${f}`) }))}
          onChange={(v) => setParams({ filter: v === 'all' ? undefined : String(v) })}
        />
        {can(me, 'user.read') ? (
          <UserPicker
            source="users"
            includeInactive
            value={params.owner ?? null}
            onChange={(v) => setParams({ owner: v })}
            placeholder={t('deadlines.filterOwner')}
            aria-label={t('deadlines.filterOwner')}
            className="bf-filter-select"
          />
        ) : null}
        <Select
          value={params.subjectType}
          onChange={(v: string | undefined) => setParams({ subjectType: v })}
          options={(list.data?.subjectTypes ?? []).map((s) => ({ value: s, label: t(`deadlines.subjectType.${s}`, { defaultValue: s }) }))}
          placeholder={t('deadlines.filterSubject')}
          aria-label={t('deadlines.filterSubject')}
          allowClear
          className="bf-filter-select"
        />
        <Select
          value={params.policy}
          onChange={(v: string | undefined) => setParams({ policy: v })}
          options={(policies.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
          placeholder={t('deadlines.filterPolicy')}
          aria-label={t('deadlines.filterPolicy')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="bf-filter-select"
        />
      </div>
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<OpenDeadline>
          label={t('deadlines.openTab')}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onChange}
          size="middle"
          rowClassName={(d) => (d.state === 'breached' ? 'bf-dl-row-breached' : d.overdue ? 'bf-dl-row-overdue' : '')}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100, 200],
            showTotal: (total) => t('common.totalItems', { count: total }),
            responsive: true,
          }}
          locale={{ emptyText: <Empty description={filtered ? t('deadlines.emptyFiltered') : t('deadlines.emptyOpen')} /> }}
        />
      )}
    </>
  );
}
