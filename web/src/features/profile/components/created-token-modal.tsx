import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../shared/api/types.ts';

/** Shows a new token's secret the only time it is available, with a copy button. */
export function CreatedTokenModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={token !== null}
      title={t('tokens.createdTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('tokens.copiedClose')}
        </Button>
      }
    >
      {token ? (
        <>
          <Alert type="warning" showIcon title={t('tokens.onceWarning')} className="bf-gap-bottom" />
          <Typography.Paragraph strong>{token.name}</Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: token.token, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            className="bf-token-secret"
            aria-label={t('tokens.secretLabel')}
          >
            {token.token}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('tokens.usage')} <Typography.Text code>Authorization: Bearer {token.prefix}…</Typography.Text>
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
