import '../../customers/customers.css';
import { useState } from 'react';
import { Breadcrumb, Button, Descriptions, Dropdown, Grid, Result, Space, Spin, Tabs, Tag } from 'antd';
import { DownOutlined, EditOutlined, ShareAltOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { CompanyFormDrawer } from '../../customers/components/company-form-drawer.tsx';
import { ContactsPanel } from '../../customers/components/contacts-panel.tsx';
import { ShareDialog } from '../../customers/components/share-dialog.tsx';
import { TransferDialog } from '../../customers/components/transfer-dialog.tsx';
import { label, langOf, LISTS, place } from '../../customers/crm-format.ts';
import { usePartner } from '../../customers/hooks/use-customers.ts';

/** One channel partner / dealer: overview and its contacts; edit, transfer and share for managers. */
export function PartnerDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const screens = Grid.useBreakpoint();
  const [search, setSearch] = useSearchParams();
  const partner = usePartner(id);
  const [dialog, setDialog] = useState<'edit' | 'transfer' | 'share' | null>(null);

  if (partner.isLoading) return <Spin />;
  if (partner.error || !partner.data) {
    if (isApiError(partner.error) && partner.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('partners.notFound')}
          subTitle={t('customers.notFoundText')}
          extra={<Link to="/partners">{t('partners.backToList')}</Link>}
        />
      );
    }
    return <LoadError error={partner.error} onRetry={() => void partner.refetch()} />;
  }
  const p = partner.data;
  const tab = search.get('tab') === 'contacts' ? 'contacts' : 'overview';

  return (
    <>
      <Breadcrumb className="bf-gap-bottom" items={[{ title: <Link to="/partners">{t('partners.title')}</Link> }, { title: p.name }]} />
      <PageHeader
        title={p.name}
        description={
          <Space size={[8, 4]} wrap>
            <Tag color={p.kind === 'dealer' ? 'purple' : 'cyan'}>{label(LISTS.partnerKind, p.kind, lang)}</Tag>
            {p.level ? <Tag color="geekblue">{label(LISTS.partnerLevel, p.level, lang)}</Tag> : null}
            <span>{t('customers.ownerIs', { name: p.ownerName ?? '—' })}</span>
          </Space>
        }
        extra={
          p.can.edit ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'transfer', icon: <SwapOutlined />, label: t('customers.transfer.action') },
                    { key: 'share', icon: <ShareAltOutlined />, label: t('customers.share.action') },
                  ],
                  onClick: ({ key }) => setDialog(key as 'transfer' | 'share'),
                }}
              >
                <Button>
                  {t('common.more')} <DownOutlined aria-hidden />
                </Button>
              </Dropdown>
            </Space>
          ) : undefined
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch(k === 'overview' ? {} : { tab: k }, { replace: true })}
        items={[
          {
            key: 'overview',
            label: t('customers.tabs.overview'),
            children: (
              <Descriptions bordered size="small" column={screens.md ? 2 : 1} className="bf-crm-descriptions">
                <Descriptions.Item label={t('partners.f.name')}>{p.name}</Descriptions.Item>
                <Descriptions.Item label={t('customers.f.creditCode')}>
                  {p.creditCode ? <span className="bf-crm-mono">{p.creditCode}</span> : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('partners.f.kind')}>{label(LISTS.partnerKind, p.kind, lang)}</Descriptions.Item>
                <Descriptions.Item label={t('customers.f.province')}>{place(p.province, p.region, lang)}</Descriptions.Item>
                <Descriptions.Item label={t('partners.f.level')}>{label(LISTS.partnerLevel, p.level, lang)}</Descriptions.Item>
                <Descriptions.Item label={t('customers.f.status')}>{label(LISTS.partnerStatus, p.status, lang)}</Descriptions.Item>
                <Descriptions.Item label={t('customers.f.owner')}>{p.ownerName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('customers.updatedAt')}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('customers.f.address')} span={screens.md ? 2 : 1}>
                  {p.address ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('customers.f.notes')} span={screens.md ? 2 : 1}>
                  <span className="bf-crm-pre-wrap">{p.notes ?? '—'}</span>
                </Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'contacts',
            label: t('customers.tabs.contactsN', { count: p.contactCount }),
            children: <ContactsPanel owner={{ partnerId: p.id }} canEdit={p.can.edit} />,
          },
        ]}
      />
      <CompanyFormDrawer kind="partner" open={dialog === 'edit'} record={p} onClose={() => setDialog(null)} />
      {p.can.transfer ? <TransferDialog kind="partner" open={dialog === 'transfer'} record={p} onClose={() => setDialog(null)} /> : null}
      {p.can.edit ? (
        <ShareDialog
          kind="partner"
          open={dialog === 'share'}
          id={p.id}
          name={p.name}
          ownerUserId={p.ownerUserId}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
