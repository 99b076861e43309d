import { useState } from 'react';
import { Button, DatePicker, Empty, Grid, Input, List, Select, Space, Tabs, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined, ShopOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LEAD_SORT_FIELDS } from '../../../../../core/intake/intake.schema.ts';
import { LEAD_CHANNEL_LABELS, LEAD_CHANNELS } from '../../../../../core/intake/labels.ts';
import { LEAD_STATE_LABELS, LEAD_STATES } from '../../../../../core/intake/lead-states.ts';
import { apiUrl } from '../../../shared/api/client.ts';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime, formatMoney } from '../../../shared/format.ts';
import { useListPage } from '../../../shared/hooks/use-list-page.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { downloadFile, lab, langOf, optionsOf } from '../format.ts';
import type { LeadListItem, LeadListQuery } from '../lead-api.ts';
import { useLeads } from '../hooks/use-leads.ts';
import { DueText, LeadStateTag } from '../components/lead-tags.tsx';
import { LeadImportModal } from '../components/lead-import-modal.tsx';
import { ScreenModal } from '../components/screen-modal.tsx';
import '../leads.css';

type Box = 'all' | 'mine' | 'screening' | 'evaluate' | 'escalated' | 'conflicts';
const PAGE_SIZE = 20;
const LIST = {
  filters: ['tab', 'q', 'state', 'channel', 'from', 'to'],
  sort: { fields: LEAD_SORT_FIELDS, initial: { field: 'registeredAt', desc: true } },
  pageSize: PAGE_SIZE,
} as const;

/**
 * 信息登记 (all information, with work lists: mine, to evaluate, escalated, conflicts) and, with
 * `screening`, the supervisor's screening inbox (线索筛选) where each row is screened in place.
 */
export function LeadsPage({ screening = false }: { screening?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const message = useMessage();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const listPage = useListPage(LIST);
  const { params, setParams, sortOrder } = listPage;
  const sort = listPage.sortParam;
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [screeningId, setScreeningId] = useState<string | null>(null);
  const [showFilters, setShowFilters] = useState(false);

  const tabs: Box[] = screening
    ? ['screening']
    : (['all', 'mine', 'evaluate', 'escalated', 'conflicts'] as const).filter((b) =>
        b === 'evaluate' ? can(me, 'lead.evaluate') : b === 'escalated' || b === 'conflicts' ? can(me, 'lead.decide') : true,
      );
  const box: Box = screening ? 'screening' : (tabs.find((b) => b === params.tab) ?? 'all');
  const filters: LeadListQuery = {
    q: params.q,
    state: LEAD_STATES.find((s) => s === params.state),
    channel: LEAD_CHANNELS.find((c) => c === params.channel),
    from: params.from,
    to: params.to,
    ...(box === 'mine' ? { mine: 'true' as const } : box === 'all' ? {} : { box }),
  };
  const list = useLeads({ ...filters, page: listPage.page, pageSize: PAGE_SIZE, sort });
  const filtered = Boolean(params.q || params.state || params.channel || params.from);

  const columns: TableColumnsType<LeadListItem> = [
    {
      title: t('leads.f.code'),
      dataIndex: 'code',
      key: 'code',
      sorter: true,
      sortOrder: sortOrder('code'),
      render: (v: string) => <span className="bf-in-mono">{v}</span>,
    },
    {
      title: t('leads.f.title'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrder('title'),
      render: (v: string, r) => <Link to={`/leads/${r.id}`}>{v}</Link>,
    },
    { title: t('leads.f.customer'), dataIndex: 'customerName', key: 'customer', render: (v: string | null) => v ?? '—' },
    { title: t('leads.f.channel'), dataIndex: 'channel', key: 'channel', render: (v: string) => lab(LEAD_CHANNEL_LABELS, v, lang) },
    {
      title: t('leads.f.state'),
      key: 'state',
      sorter: true,
      sortOrder: sortOrder('state'),
      render: (_: unknown, r) => <LeadStateTag state={r.state} conflictState={r.conflictState} />,
    },
    {
      title: t('leads.f.amount'),
      dataIndex: 'estimatedAmountFen',
      key: 'estimatedAmountFen',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('estimatedAmountFen'),
      render: (v: number | null) => (v === null ? '—' : formatMoney(v)),
    },
    { title: t('leads.f.assignee'), dataIndex: 'assigneeName', key: 'assignee', render: (v: string | null) => v ?? '—' },
    {
      title: t('leads.f.registeredAt'),
      dataIndex: 'registeredAt',
      key: 'registeredAt',
      sorter: true,
      sortOrder: sortOrder('registeredAt'),
      render: formatDateTime,
    },
    { title: t('leads.f.due'), key: 'due', render: (_: unknown, r) => <DueText dueAt={r.dueAt} overdue={r.overdue} /> },
  ];
  if (screening) {
    columns.push({
      title: t('leads.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button size="small" type="primary" onClick={() => setScreeningId(r.id)}>
          {t('leads.screen.button')}
        </Button>
      ),
    });
  }

  const doExport = () => {
    setExporting(true);
    const { q, state, channel, from, to, mine } = filters;
    const query = { q, state, channel, from, to, mine, box: filters.box, sort };
    downloadFile(apiUrl('GET /leads/export.xlsx', { query }), 'leads.xlsx')
      .catch((e: Error) => void message.error(e.message))
      .finally(() => setExporting(false));
  };

  const range: [Dayjs, Dayjs] | null = params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null;
  const emptyText = filtered ? t('leads.empty.filtered') : t(`leads.empty.${box}`);
  const emptyNode = (
    <Empty description={emptyText}>
      {!filtered && (box === 'all' || box === 'mine') && can(me, 'lead.register') ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/leads/new')}>
          {t('leads.register')}
        </Button>
      ) : null}
    </Empty>
  );
  const total = list.data?.total ?? 0;

  const filterBar = (
    <div className="bf-filters" role="search" aria-label={t('leads.filters')}>
      <Input.Search
        {...listPage.searchBox}
        placeholder={t('leads.searchPlaceholder')}
        aria-label={t('leads.search')}
        allowClear
        className="bf-filter-search"
      />
      {!screening ? (
        <Select
          value={filters.state}
          onChange={(v: string | undefined) => setParams({ state: v })}
          options={optionsOf(LEAD_STATES, LEAD_STATE_LABELS, lang)}
          placeholder={t('leads.f.state')}
          aria-label={t('leads.f.state')}
          allowClear
          className="bf-filter-select"
        />
      ) : null}
      <Select
        value={filters.channel}
        onChange={(v: string | undefined) => setParams({ channel: v })}
        options={optionsOf(LEAD_CHANNELS, LEAD_CHANNEL_LABELS, lang)}
        placeholder={t('leads.f.channel')}
        aria-label={t('leads.f.channel')}
        allowClear
        className="bf-filter-select"
      />
      <DatePicker.RangePicker
        value={range}
        onChange={(v) => setParams({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        aria-label={t('leads.f.registeredAt')}
        className="bf-filter-range"
      />
    </div>
  );

  return (
    <>
      <PageHeader
        title={screening ? t('leads.screeningTitle') : t('leads.title')}
        description={screening ? t('leads.screeningDescription') : t('leads.description')}
        extra={
          <Space wrap>
            {can(me, 'lead.register') && !screening ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/leads/new')}>
                {t('leads.register')}
              </Button>
            ) : null}
            {can(me, 'lead.register') && can(me, 'partner.read') && !screening ? (
              <Button icon={<ShopOutlined />} onClick={() => void navigate('/leads/partner-registration')}>
                {t('leads.partnerRegister')}
              </Button>
            ) : null}
            {can(me, 'customer.export') ? (
              <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting}>
                {filtered ? t('leads.exportFiltered') : t('leads.export')}
              </Button>
            ) : null}
            {can(me, 'customer.import') && can(me, 'lead.register') && !screening ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('leads.import.button')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {tabs.length > 1 ? (
        <Tabs
          activeKey={box}
          onChange={(k) => setParams({ tab: k === 'all' ? undefined : k, page: undefined })}
          items={tabs.map((b) => ({ key: b, label: t(`leads.box.${b}`) }))}
        />
      ) : null}
      {screens.md ? (
        filterBar
      ) : (
        <>
          <Button icon={<FilterOutlined />} className="bf-gap-bottom" onClick={() => setShowFilters((v) => !v)}>
            {t('leads.filters')}
          </Button>
          {showFilters || filtered ? filterBar : null}
        </>
      )}
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : screens.md ? (
        <DataTable<LeadListItem>
          label={t('leads.title')}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={listPage.onTableChange}
          size="middle"
          pagination={listPage.tablePagination(total)}
          locale={{ emptyText: emptyNode }}
        />
      ) : (
        <List<LeadListItem>
          className="bf-lead-cards"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: emptyNode }}
          pagination={total > PAGE_SIZE ? { ...listPage.pagination(total), size: 'small', align: 'center' } : false}
          renderItem={(r) => (
            <List.Item className="bf-lead-card">
              <div className="bf-lead-card-body">
                <Link to={`/leads/${r.id}`} className="bf-lead-card-title">
                  <Typography.Text strong>{r.title}</Typography.Text>
                </Link>
                <div className="bf-lead-card-row">
                  <LeadStateTag state={r.state} conflictState={r.conflictState} />
                  <span className="bf-muted">{r.code}</span>
                </div>
                <div className="bf-muted">
                  {r.customerName ?? '—'} · {lab(LEAD_CHANNEL_LABELS, r.channel, lang)}
                </div>
                <div className="bf-lead-card-row">
                  <span className="bf-muted">{formatDateTime(r.registeredAt)}</span>
                  {r.dueAt ? (
                    <span>
                      {t('leads.f.due')}：<DueText dueAt={r.dueAt} overdue={r.overdue} />
                    </span>
                  ) : null}
                </div>
                {screening ? (
                  <Button type="primary" block onClick={() => setScreeningId(r.id)}>
                    {t('leads.screen.button')}
                  </Button>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      )}
      <LeadImportModal open={importing} onClose={() => setImporting(false)} />
      {screeningId ? <ScreenModal leadId={screeningId} open onClose={() => setScreeningId(null)} /> : null}
    </>
  );
}

/** 线索筛选: the screening inbox of the sales supervisor. */
export function ScreeningPage() {
  return <LeadsPage screening />;
}
