import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <main className="bf-full-page-center" aria-busy="true">
      <Spin size="large" description={t('common.loading')} />
    </main>
  );
}

export function SectionSpin() {
  const { t } = useTranslation();
  return (
    <div className="bf-section-center" aria-busy="true">
      <Spin description={t('common.loading')} />
    </div>
  );
}
