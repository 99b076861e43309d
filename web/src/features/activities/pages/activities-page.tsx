import { useState } from 'react';
import { Button, DatePicker, Dropdown, Empty, Grid, Input, List, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { CalendarOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_STATE_LABELS,
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  type ActivityType,
} from '../../../../../core/activities/activity-types.ts';
import { apiUrl } from '../../../shared/api/client.ts';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime, formatMoney } from '../../../shared/format.ts';
import { useListPage } from '../../../shared/hooks/use-list-page.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { downloadFile, lab, langOf, optionsOf } from '../../leads/format.ts';
import type { ActivityListQuery, ActivityView } from '../activity-api.ts';
import { useActivities } from '../hooks/use-activities.ts';
import { stateColor } from '../state-color.ts';
import '../../leads/leads.css';

const PAGE_SIZE = 20;
const FILTERS = ['type', 'mine', 'q', 'from', 'to'] as const;

/** 客户活动: every visit, negotiation, communication and reception the user may see, filtered, paged, exported. */
export function ActivitiesPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const message = useMessage();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const listPage = useListPage({
    filters: FILTERS,
    pageSize: PAGE_SIZE,
    showTotal: (n) => (n > 10_000 ? t('activities.totalMany') : t('common.totalItems', { count: n })),
  });
  const { params, setParams, page } = listPage;
  const [exporting, setExporting] = useState(false);
  const filters: ActivityListQuery = {
    type: ACTIVITY_TYPES.find((x) => x === params.type),
    ownerId: params.mine === 'true' ? 'me' : undefined,
    q: params.q,
    from: params.from,
    to: params.to,
  };
  const list = useActivities({ ...filters, page, pageSize: PAGE_SIZE, sort: '-occurredAt' });
  const filtered = Object.values(filters).some(Boolean);
  const canCreate = can(me, 'activity.create');

  const columns: TableColumnsType<ActivityView> = [
    { title: t('activities.f.occurredAt'), dataIndex: 'occurredAt', key: 'occurredAt', render: formatDateTime, width: 150 },
    { title: t('activities.f.type'), dataIndex: 'type', key: 'type', render: (v: string) => lab(ACTIVITY_TYPE_LABELS, v, lang) },
    {
      title: t('activities.f.subject'),
      dataIndex: 'subject',
      key: 'subject',
      render: (v: string, r) => <Link to={`/activities/${r.id}`}>{v}</Link>,
    },
    {
      title: t('activities.f.customer'),
      dataIndex: 'customerName',
      key: 'customer',
      render: (v: string | null, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{v}</Link> : '—'),
    },
    {
      title: t('activities.f.result'),
      dataIndex: 'result',
      key: 'result',
      ellipsis: true,
      width: 220,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('activities.f.budget'),
      dataIndex: 'budgetFen',
      key: 'budget',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : formatMoney(v)),
    },
    {
      title: t('activities.f.state'),
      dataIndex: 'state',
      key: 'state',
      render: (v: string) => <Tag color={stateColor(v)}>{lab(ACTIVITY_STATE_LABELS, v, lang)}</Tag>,
    },
    { title: t('activities.f.owner'), dataIndex: 'ownerName', key: 'owner', render: (v: string | null) => v ?? '—' },
  ];

  const doExport = () => {
    setExporting(true);
    downloadFile(apiUrl('GET /activities/export.xlsx', { query: { ...filters, sort: '-occurredAt' } }), 'activities.xlsx')
      .catch((e: Error) => void message.error(e.message))
      .finally(() => setExporting(false));
  };
  const range: [Dayjs, Dayjs] | null = params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null;
  const newItems = ACTIVITY_TYPES.filter((x) => x !== 'reception_summary').map((x) => ({
    key: x,
    label: lab(ACTIVITY_TYPE_LABELS, x, lang),
  }));
  const empty = (
    <Empty description={filtered ? t('activities.emptyFiltered') : canCreate ? t('activities.emptyCanCreate') : t('activities.empty')}>
      {!filtered && canCreate ? (
        <Button type="primary" onClick={() => void navigate('/activities/new?type=visit')}>
          {t('activities.logVisit')}
        </Button>
      ) : null}
    </Empty>
  );
  const total = list.data?.total ?? 0;
  const pagination = listPage.pagination(total);

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        description={t('activities.description')}
        extra={
          <Space wrap>
            {canCreate ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/activities/new?type=visit')}>
                  {t('activities.logVisit')}
                </Button>
                <Dropdown menu={{ items: newItems, onClick: ({ key }) => void navigate(`/activities/new?type=${key as ActivityType}`) }}>
                  <Button>{t('activities.newOther')}</Button>
                </Dropdown>
                <Button icon={<CalendarOutlined />} onClick={() => void navigate('/visit-logs')}>
                  {t('activities.myVisitLog')}
                </Button>
              </>
            ) : null}
            {can(me, 'customer.export') ? (
              <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting}>
                {filtered ? t('activities.exportFiltered') : t('activities.export')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <div className="bf-filters" role="search" aria-label={t('activities.filters')}>
        <Input.Search
          {...listPage.searchBox}
          placeholder={t('activities.searchPlaceholder')}
          aria-label={t('activities.search')}
          allowClear
          className="bf-filter-search"
        />
        <Select
          value={filters.type}
          onChange={(v: string | undefined) => setParams({ type: v })}
          options={optionsOf(ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, lang)}
          placeholder={t('activities.f.type')}
          aria-label={t('activities.f.type')}
          allowClear
          className="bf-filter-select"
        />
        <Select
          value={params.mine === 'true' ? 'true' : undefined}
          onChange={(v: string | undefined) => setParams({ mine: v })}
          options={[{ value: 'true', label: t('activities.mine') }]}
          placeholder={t('activities.f.owner')}
          aria-label={t('activities.f.owner')}
          allowClear
          className="bf-filter-status"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setParams({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          aria-label={t('activities.f.occurredAt')}
          className="bf-filter-range"
        />
      </div>
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : screens.md ? (
        <DataTable<ActivityView>
          label={t('activities.title')}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size="middle"
          pagination={pagination}
          locale={{ emptyText: empty }}
        />
      ) : (
        <List<ActivityView>
          className="bf-lead-cards"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: empty }}
          pagination={total > PAGE_SIZE ? { ...pagination, size: 'small', align: 'center' } : false}
          renderItem={(r) => (
            <List.Item className="bf-lead-card">
              <div className="bf-lead-card-body">
                <Link to={`/activities/${r.id}`}>
                  <Typography.Text strong>{r.subject}</Typography.Text>
                </Link>
                <div className="bf-lead-card-row">
                  <span>
                    <Tag>{lab(ACTIVITY_TYPE_LABELS, r.type, lang)}</Tag>
                    {r.state !== 'recorded' ? <Tag color={stateColor(r.state)}>{lab(ACTIVITY_STATE_LABELS, r.state, lang)}</Tag> : null}
                  </span>
                  <span className="bf-muted">{formatDateTime(r.occurredAt)}</span>
                </div>
                <div className="bf-muted">
                  {r.customerName ?? '—'} · {r.ownerName ?? ''}
                </div>
                {r.result ? <div className="bf-in-pre">{r.result}</div> : null}
              </div>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
