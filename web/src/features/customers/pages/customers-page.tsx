import { useState } from 'react';
import { Button, Empty, Grid, Input, List, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SORT_FIELDS } from '../../../../../core/crm/crm.schema.ts';
import { apiUrl } from '../../../shared/api/client.ts';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useListPage } from '../../../shared/hooks/use-list-page.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { CompanyFormDrawer } from '../components/company-form-drawer.tsx';
import { ImportWizard } from '../components/import-wizard.tsx';
import type { CustomerListItem, CustomerListQuery } from '../customer-api.ts';
import { downloadFile, label, langOf, LISTS, place, provinceOptions, selectOptions, statusColor } from '../crm-format.ts';
import '../customers.css';
import { useCustomers } from '../hooks/use-customers.ts';

const LIST = {
  filters: ['q', 'owner', 'status', 'level', 'industry', 'province', 'region'],
  sort: { fields: CUSTOMER_SORT_FIELDS, initial: { field: 'updatedAt', desc: true } },
  pageSize: { initial: 20, max: 100, options: [10, 20, 50, 100] },
} as const;

/** 客户: server-side filtered, sorted and paged list; export honours the filters; Excel import; new customer. */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const message = useMessage();
  const screens = Grid.useBreakpoint();
  const list = useListPage(LIST);
  const { params, setParams, pageSize, sortParam, sortOrder } = list;
  const [showFilters, setShowFilters] = useState(false);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const manage = can(me, 'customer.manage');

  const filters = {
    q: params.q,
    owner: params.owner,
    status: params.status,
    level: params.level,
    industry: params.industry,
    province: params.province,
    region: params.region,
  } as Omit<CustomerListQuery, 'page' | 'pageSize' | 'sort'>;
  const customers = useCustomers({ ...filters, page: list.page, pageSize, sort: sortParam });
  const filtered = Object.values(filters).some(Boolean);
  const filterCount = Object.entries(filters).filter(([k, v]) => k !== 'q' && Boolean(v)).length;

  const columns: TableColumnsType<CustomerListItem> = [
    {
      title: t('customers.f.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      render: (v: string, c) => <Link to={`/customers/${c.id}`}>{v}</Link>,
    },
    {
      title: t('customers.f.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      render: (v: string | null) => (v ? <span className="bf-crm-mono">{v}</span> : '—'),
    },
    {
      title: t('customers.f.industry'),
      dataIndex: 'industry',
      key: 'industry',
      render: (v: string | null) => label(LISTS.industry, v, lang),
    },
    {
      title: t('customers.f.province'),
      key: 'province',
      sorter: true,
      sortOrder: sortOrder('province'),
      render: (_: unknown, c) => place(c.province, c.region, lang),
    },
    {
      title: t('customers.f.level'),
      dataIndex: 'level',
      key: 'level',
      sorter: true,
      sortOrder: sortOrder('level'),
      render: (v: string | null) => label(LISTS.level, v, lang),
    },
    {
      title: t('customers.f.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (v: string) => <Tag color={statusColor(v)}>{label(LISTS.status, v, lang)}</Tag>,
    },
    { title: t('customers.f.owner'), dataIndex: 'ownerName', key: 'owner', render: (v: string | null) => v ?? '—' },
    { title: t('customers.contactsCount'), dataIndex: 'contactCount', key: 'contactCount', align: 'right' },
    {
      title: t('customers.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      render: formatDateTime,
    },
  ];

  const doExport = () => {
    setExporting(true);
    downloadFile(apiUrl('GET /customers/export.xlsx', { query: { ...filters, sort: sortParam } }), 'customers.xlsx')
      .catch((e: Error) => void message.error(e.message))
      .finally(() => setExporting(false));
  };

  const emptyText = filtered ? t('customers.emptyFiltered') : manage ? t('customers.emptyCanCreate') : t('customers.empty');
  const total = customers.data?.total ?? 0;
  const pagination = list.pagination(total);

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        extra={
          <Space wrap>
            {can(me, 'customer.export') ? (
              <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting}>
                {filtered ? t('customers.exportFiltered') : t('customers.export')}
              </Button>
            ) : null}
            {manage && can(me, 'customer.import') ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('customers.import.button')}
              </Button>
            ) : null}
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('customers.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <div className="bf-filters" role="search" aria-label={t('customers.filters')}>
        <Input.Search
          {...list.searchBox}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('customers.search')}
          allowClear
          className="bf-filter-search"
        />
        {screens.md || showFilters ? (
          <>
            <Select
              value={params.owner === 'me' ? 'me' : undefined}
              onChange={(v: string | undefined) => setParams({ owner: v })}
              options={[{ value: 'me', label: t('customers.mine') }]}
              placeholder={t('customers.f.owner')}
              aria-label={t('customers.f.owner')}
              allowClear
              className="bf-filter-status"
            />
            <Select
              value={params.status}
              onChange={(v: string | undefined) => setParams({ status: v })}
              options={selectOptions(LISTS.status, lang)}
              placeholder={t('customers.f.status')}
              aria-label={t('customers.f.status')}
              allowClear
              className="bf-filter-status"
            />
            <Select
              value={params.level}
              onChange={(v: string | undefined) => setParams({ level: v })}
              options={selectOptions(LISTS.level, lang)}
              placeholder={t('customers.f.level')}
              aria-label={t('customers.f.level')}
              allowClear
              className="bf-filter-status"
            />
            <Select
              value={params.industry}
              onChange={(v: string | undefined) => setParams({ industry: v })}
              options={selectOptions(LISTS.industry, lang)}
              placeholder={t('customers.f.industry')}
              aria-label={t('customers.f.industry')}
              allowClear
              className="bf-filter-select"
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Select
              value={params.region}
              onChange={(v: string | undefined) => setParams({ region: v })}
              options={selectOptions(LISTS.region, lang)}
              placeholder={t('customers.f.region')}
              aria-label={t('customers.f.region')}
              allowClear
              className="bf-filter-status"
            />
            <Select
              value={params.province}
              onChange={(v: string | undefined) => setParams({ province: v })}
              options={provinceOptions(lang)}
              placeholder={t('customers.f.province')}
              aria-label={t('customers.f.province')}
              allowClear
              className="bf-filter-status"
              showSearch={{ optionFilterProp: 'label' }}
            />
          </>
        ) : (
          <Button icon={<FilterOutlined />} onClick={() => setShowFilters(true)}>
            {filterCount ? t('customers.moreFiltersN', { count: filterCount }) : t('customers.moreFilters')}
          </Button>
        )}
      </div>
      {customers.error && !customers.data ? (
        <LoadError error={customers.error} onRetry={() => void customers.refetch()} />
      ) : screens.md ? (
        <DataTable<CustomerListItem>
          label={t('customers.title')}
          rowKey="id"
          columns={columns}
          dataSource={customers.data?.items ?? []}
          loading={customers.isFetching}
          onChange={list.onTableChange}
          size="middle"
          pagination={{ ...list.tablePagination(total), responsive: true }}
          locale={{ emptyText: <Empty description={emptyText} /> }}
        />
      ) : (
        <List<CustomerListItem>
          className="bf-crm-card-list"
          loading={customers.isFetching}
          dataSource={customers.data?.items ?? []}
          locale={{ emptyText: <Empty description={emptyText} /> }}
          pagination={total > pageSize ? { ...pagination, size: 'small', showSizeChanger: false, align: 'center' } : false}
          renderItem={(c) => (
            <List.Item className="bf-crm-card-item">
              <Link to={`/customers/${c.id}`} className="bf-crm-card-link">
                <div className="bf-crm-card-title-row">
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <Tag color={statusColor(c.status)}>{label(LISTS.status, c.status, lang)}</Tag>
                </div>
                <div className="bf-crm-card-meta bf-muted">
                  <span>{label(LISTS.industry, c.industry, lang)}</span>
                  <span>{place(c.province, c.region, lang)}</span>
                  {c.level ? <span>{label(LISTS.level, c.level, lang)}</span> : null}
                </div>
                <div className="bf-crm-card-meta bf-muted">
                  <span>{t('customers.ownerIs', { name: c.ownerName ?? '—' })}</span>
                  <span>{t('customers.contactsN', { count: c.contactCount })}</span>
                </div>
              </Link>
            </List.Item>
          )}
        />
      )}
      <CompanyFormDrawer kind="customer" open={creating} record={null} onClose={() => setCreating(false)} />
      <ImportWizard base="customers" open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
