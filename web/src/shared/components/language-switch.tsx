import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, currentLocale, isLocale } from '../../i18n/index.ts';
import { useSwitchLocale } from '../../features/auth/hooks/use-session.ts';
import { isApiError } from '../api/client.ts';
import { useMessage } from './feedback.tsx';

/** 中文 / English switch; saved on the profile when signed in, in this browser otherwise. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const switchLocale = useSwitchLocale();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: <span lang={l}>{LOCALE_NAMES[l]}</span> })),
        onClick: ({ key }) => {
          if (!isLocale(key)) return;
          switchLocale.mutate(key, {
            onError: (err) => void message.error(isApiError(err) ? err.message : t('common.saveFailed')),
          });
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        // the accessible name contains the visible text (WCAG 2.5.3)
        aria-label={t('common.languageCurrent', { name: LOCALE_NAMES[locale] })}
        loading={switchLocale.isPending}
      >
        {compact ? null : <span lang={locale}>{LOCALE_NAMES[locale]}</span>}
      </Button>
    </Dropdown>
  );
}
