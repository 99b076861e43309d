import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { EmailChannelCard, WebhookChannelCard } from '../components/channel-cards.tsx';
import { RulesCard } from '../components/rules-card.tsx';
import { OutboxTable } from '../components/outbox-table.tsx';
import { useNotificationSettings } from '../hooks/use-notification-admin.ts';

const TABS = ['channels', 'rules', 'outbox'] as const;
type TabKey = (typeof TABS)[number];

/** 通知管理: channel settings with test buttons, the CC rule and digest time, the outbox and dead letters. */
export function NotificationAdminPage() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabKey = TABS.find((k) => k === raw) ?? 'channels';

  const body = (node: (s: NonNullable<typeof settings.data>) => ReactNode) => {
    if (settings.error) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
    if (!settings.data) return <SectionSpin />;
    return node(settings.data);
  };

  return (
    <>
      <PageHeader title={t('notifyAdmin.title')} description={t('notifyAdmin.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          {
            key: 'channels',
            label: t('notifyAdmin.tabChannels'),
            children: body((s) => (
              <>
                <EmailChannelCard settings={s.email} />
                <WebhookChannelCard channel="wecom" settings={s.wecom} />
                <WebhookChannelCard channel="dingtalk" settings={s.dingtalk} />
              </>
            )),
          },
          { key: 'rules', label: t('notifyAdmin.tabRules'), children: body((s) => <RulesCard rules={s.rules} />) },
          { key: 'outbox', label: t('notifyAdmin.tabOutbox'), children: <OutboxTable /> },
        ]}
      />
    </>
  );
}
