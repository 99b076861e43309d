import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import { OpenDeadlinesTab } from '../components/open-deadlines-tab.tsx';
import { SlaTab } from '../components/sla-tab.tsx';
import { PoliciesTab } from '../components/policies-tab.tsx';
import '../deadlines.css';

const TABS = ['open', 'sla', 'policies'] as const;

/** 时限管理: open deadlines, SLA statistics and the deadline policies, one tab each. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(['tab'] as const);
  const tab = TABS.find((x) => x === params.tab) ?? 'open';
  return (
    <>
      <PageHeader title={t('deadlines.title')} description={t('deadlines.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k === 'open' ? undefined : k })}
        destroyOnHidden
        items={[
          { key: 'open', label: t('deadlines.openTab'), children: <OpenDeadlinesTab /> },
          { key: 'sla', label: t('deadlines.slaTab'), children: <SlaTab /> },
          { key: 'policies', label: t('deadlines.policiesTab'), children: <PoliciesTab /> },
        ]}
      />
    </>
  );
}
