import '../../customers/customers.css';
import { useState } from 'react';
import { Button, Empty, Grid, Input, List, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PARTNER_SORT_FIELDS } from '../../../../../core/crm/crm.schema.ts';
import { apiUrl } from '../../../shared/api/client.ts';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useListPage } from '../../../shared/hooks/use-list-page.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { CompanyFormDrawer } from '../../customers/components/company-form-drawer.tsx';
import { ImportWizard } from '../../customers/components/import-wizard.tsx';
import type { PartnerListItem, PartnerListQuery } from '../../customers/customer-api.ts';
import { downloadFile, label, langOf, LISTS, place, provinceOptions, selectOptions } from '../../customers/crm-format.ts';
import { usePartners } from '../../customers/hooks/use-customers.ts';

const LIST = {
  filters: ['q', 'kind', 'owner', 'status', 'level', 'province', 'region'],
  sort: { fields: PARTNER_SORT_FIELDS, initial: { field: 'updatedAt', desc: true } },
  pageSize: { initial: 20, max: 100, options: [10, 20, 50, 100] },
} as const;

const kindColor = (k: string) => (k === 'dealer' ? 'purple' : 'cyan');

/** 渠道商 / 经销商: filtered, sorted, paged list with export, import and create. */
export function PartnersPage() {
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
  const manage = can(me, 'partner.manage');
  const filters = {
    q: params.q,
    kind: params.kind,
    owner: params.owner,
    status: params.status,
    level: params.level,
    province: params.province,
    region: params.region,
  } as Omit<PartnerListQuery, 'page' | 'pageSize' | 'sort'>;
  const partners = usePartners({ ...filters, page: list.page, pageSize, sort: sortParam });
  const filtered = Object.values(filters).some(Boolean);
  const filterCount = Object.entries(filters).filter(([k, v]) => k !== 'q' && Boolean(v)).length;

  const columns: TableColumnsType<PartnerListItem> = [
    {
      title: t('partners.f.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      render: (v: string, p) => <Link to={`/partners/${p.id}`}>{v}</Link>,
    },
    {
      title: t('partners.f.kind'),
      dataIndex: 'kind',
      key: 'kind',
      sorter: true,
      sortOrder: sortOrder('kind'),
      render: (v: string) => <Tag color={kindColor(v)}>{label(LISTS.partnerKind, v, lang)}</Tag>,
    },
    {
      title: t('customers.f.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      render: (v: string | null) => (v ? <span className="bf-crm-mono">{v}</span> : '—'),
    },
    { title: t('customers.f.province'), key: 'province', render: (_: unknown, p) => place(p.province, p.region, lang) },
    {
      title: t('partners.f.level'),
      dataIndex: 'level',
      key: 'level',
      sorter: true,
      sortOrder: sortOrder('level'),
      render: (v: string | null) => label(LISTS.partnerLevel, v, lang),
    },
    {
      title: t('customers.f.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (v: string) => label(LISTS.partnerStatus, v, lang),
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

  const total = partners.data?.total ?? 0;
  const emptyText = filtered ? t('customers.emptyFiltered') : manage ? t('partners.emptyCanCreate') : t('partners.empty');

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        extra={
          <Space wrap>
            {can(me, 'customer.export') ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void downloadFile(apiUrl('GET /partners/export.xlsx', { query: { ...filters, sort: sortParam } }), 'partners.xlsx').catch(
                    (e: Error) => void message.error(e.message),
                  )
                }
              >
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
                {t('partners.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <div className="bf-filters" role="search" aria-label={t('customers.filters')}>
        <Input.Search
          {...list.searchBox}
          placeholder={t('partners.searchPlaceholder')}
          aria-label={t('customers.search')}
          allowClear
          className="bf-filter-search"
        />
        {screens.md || showFilters ? (
          <>
            <Select
              value={params.kind}
              onChange={(v: string | undefined) => setParams({ kind: v })}
              options={selectOptions(LISTS.partnerKind, lang)}
              placeholder={t('partners.f.kind')}
              aria-label={t('partners.f.kind')}
              allowClear
              className="bf-filter-status"
            />
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
              options={selectOptions(LISTS.partnerStatus, lang)}
              placeholder={t('customers.f.status')}
              aria-label={t('customers.f.status')}
              allowClear
              className="bf-filter-status"
            />
            <Select
              value={params.level}
              onChange={(v: string | undefined) => setParams({ level: v })}
              options={selectOptions(LISTS.partnerLevel, lang)}
              placeholder={t('partners.f.level')}
              aria-label={t('partners.f.level')}
              allowClear
              className="bf-filter-status"
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
      {partners.error && !partners.data ? (
        <LoadError error={partners.error} onRetry={() => void partners.refetch()} />
      ) : screens.md ? (
        <DataTable<PartnerListItem>
          label={t('partners.title')}
          rowKey="id"
          columns={columns}
          dataSource={partners.data?.items ?? []}
          loading={partners.isFetching}
          onChange={list.onTableChange}
          size="middle"
          pagination={{ ...list.tablePagination(total), responsive: true }}
          locale={{ emptyText: <Empty description={emptyText} /> }}
        />
      ) : (
        <List<PartnerListItem>
          className="bf-crm-card-list"
          loading={partners.isFetching}
          dataSource={partners.data?.items ?? []}
          locale={{ emptyText: <Empty description={emptyText} /> }}
          pagination={total > pageSize ? { ...list.pagination(total), size: 'small', showSizeChanger: false, align: 'center' } : false}
          renderItem={(p) => (
            <List.Item className="bf-crm-card-item">
              <Link to={`/partners/${p.id}`} className="bf-crm-card-link">
                <div className="bf-crm-card-title-row">
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Tag color={kindColor(p.kind)}>{label(LISTS.partnerKind, p.kind, lang)}</Tag>
                </div>
                <div className="bf-crm-card-meta bf-muted">
                  <span>{place(p.province, p.region, lang)}</span>
                  {p.level ? <span>{label(LISTS.partnerLevel, p.level, lang)}</span> : null}
                  <span>{label(LISTS.partnerStatus, p.status, lang)}</span>
                </div>
                <div className="bf-crm-card-meta bf-muted">
                  <span>{t('customers.ownerIs', { name: p.ownerName ?? '—' })}</span>
                  <span>{t('customers.contactsN', { count: p.contactCount })}</span>
                </div>
              </Link>
            </List.Item>
          )}
        />
      )}
      <CompanyFormDrawer kind="partner" open={creating} record={null} onClose={() => setCreating(false)} />
      <ImportWizard base="partners" open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
