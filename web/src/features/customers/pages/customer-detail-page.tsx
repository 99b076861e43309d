import { useState, type ReactNode } from 'react';
import { Breadcrumb, Button, Descriptions, Dropdown, Grid, Result, Space, Spin, Tabs, Tag } from 'antd';
import { DownOutlined, EditOutlined, ShareAltOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { CompanyFormDrawer } from '../components/company-form-drawer.tsx';
import { ContactsPanel } from '../components/contacts-panel.tsx';
import { registeredCustomerTabs } from '../components/record-tabs.tsx';
import { ShareDialog } from '../components/share-dialog.tsx';
import { CustomerTimeline } from '../components/timeline.tsx';
import { TransferDialog } from '../components/transfer-dialog.tsx';
import type { CustomerView } from '../customer-api.ts';
import { label, langOf, LISTS, place, statusColor } from '../crm-format.ts';
import '../customers.css';
import { useCustomer } from '../hooks/use-customers.ts';

/**
 * One customer: overview, contacts, the timeline of every module, and the tabs other modules
 * register (record-tabs.tsx); edit, transfer and share for those allowed.
 */
export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [search, setSearch] = useSearchParams();
  const customer = useCustomer(id);
  const [dialog, setDialog] = useState<'edit' | 'transfer' | 'share' | null>(null);

  if (customer.isLoading) return <Spin />;
  if (customer.error || !customer.data) {
    if (isApiError(customer.error) && customer.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('customers.notFound')}
          subTitle={t('customers.notFoundText')}
          extra={<Link to="/customers">{t('customers.backToList')}</Link>}
        />
      );
    }
    return <LoadError error={customer.error} onRetry={() => void customer.refetch()} />;
  }
  const c: CustomerView = customer.data;
  const mayShare = c.can.share;

  const overview = (
    <Descriptions bordered size="small" column={screens.md ? 2 : 1} className="bf-crm-descriptions">
      <Descriptions.Item label={t('customers.f.name')}>{c.name}</Descriptions.Item>
      <Descriptions.Item label={t('customers.f.creditCode')}>
        {c.creditCode ? <span className="bf-crm-mono">{c.creditCode}</span> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.f.industry')}>{label(LISTS.industry, c.industry, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.f.province')}>{place(c.province, c.region, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.f.level')}>{label(LISTS.level, c.level, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.f.source')}>{label(LISTS.source, c.source, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.f.status')}>
        <Tag color={statusColor(c.status)}>{label(LISTS.status, c.status, lang)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.f.owner')}>
        {c.ownerName ?? '—'}
        {c.departmentName ? <span className="bf-muted">（{c.departmentName}）</span> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.f.address')} span={screens.md ? 2 : 1}>
        {c.address ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.f.notes')} span={screens.md ? 2 : 1}>
        <span className="bf-crm-pre-wrap">{c.notes ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('customers.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.updatedAt')}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );

  const tabs: Array<{ key: string; label: ReactNode; children: ReactNode; order: number }> = [
    { key: 'overview', order: 10, label: t('customers.tabs.overview'), children: overview },
    {
      key: 'contacts',
      order: 20,
      label: t('customers.tabs.contactsN', { count: c.contactCount }),
      children: <ContactsPanel owner={{ customerId: c.id }} canEdit={c.can.edit} />,
    },
    { key: 'timeline', order: 30, label: t('customers.tabs.timeline'), children: <CustomerTimeline customerId={c.id} /> },
    ...registeredCustomerTabs()
      .filter((x) => !x.permission || can(me, x.permission))
      .map((x) => ({ key: x.key, order: x.order, label: x.label(t), children: x.render(c) })),
  ].sort((a, b) => a.order - b.order);
  const active = tabs.some((x) => x.key === search.get('tab')) ? (search.get('tab') ?? 'overview') : 'overview';

  const more = [
    ...(c.can.transfer ? [{ key: 'transfer', icon: <SwapOutlined />, label: t('customers.transfer.action') }] : []),
    ...(mayShare ? [{ key: 'share', icon: <ShareAltOutlined />, label: t('customers.share.action') }] : []),
  ];

  return (
    <>
      <Breadcrumb className="bf-gap-bottom" items={[{ title: <Link to="/customers">{t('customers.title')}</Link> }, { title: c.name }]} />
      <PageHeader
        title={c.name}
        description={
          <Space size={[8, 4]} wrap>
            <Tag color={statusColor(c.status)}>{label(LISTS.status, c.status, lang)}</Tag>
            {c.level ? <Tag color="geekblue">{label(LISTS.level, c.level, lang)}</Tag> : null}
            <span>{t('customers.ownerIs', { name: c.ownerName ?? '—' })}</span>
          </Space>
        }
        extra={
          <Space wrap>
            {c.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            ) : null}
            {more.length ? (
              <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => setDialog(key as 'transfer' | 'share') }}>
                <Button>
                  {t('common.more')} <DownOutlined aria-hidden />
                </Button>
              </Dropdown>
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={active}
        onChange={(k) =>
          setSearch(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (k === 'overview') next.delete('tab');
              else next.set('tab', k);
              return next;
            },
            { replace: true },
          )
        }
        items={tabs.map(({ key, label: l, children }) => ({ key, label: l, children }))}
      />
      <CompanyFormDrawer kind="customer" open={dialog === 'edit'} record={c} onClose={() => setDialog(null)} />
      {c.can.transfer ? <TransferDialog kind="customer" open={dialog === 'transfer'} record={c} onClose={() => setDialog(null)} /> : null}
      {mayShare ? (
        <ShareDialog
          kind="customer"
          open={dialog === 'share'}
          id={c.id}
          name={c.name}
          ownerUserId={c.ownerUserId}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
