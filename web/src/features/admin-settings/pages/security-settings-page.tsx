import { Alert, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import type { SecuritySettings, UpdateSecuritySettingsBody } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { PASSWORD_POLICY_KEY } from '../../auth/hooks/use-password-policy.ts';

const SETTINGS_KEY = ['settings', 'security'] as const;

type Values = Omit<UpdateSecuritySettingsBody, 'version'>;

/** 安全设置: password minimum length, the 等保 compliance mode and the password maximum age. */
export function SecuritySettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api('GET /settings/security') });
  let body;
  if (settings.error) body = <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  else if (!settings.data) body = <SectionSpin />;
  // a new version (saved here or elsewhere) gets a fresh form with the stored values
  else body = <SettingsForm key={settings.data.version} current={settings.data} />;
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {body}
    </>
  );
}

function SettingsForm({ current }: { current: SecuritySettings }) {
  const { t } = useTranslation();
  const message = useMessage();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const compliance = Form.useWatch('complianceMode', form) ?? current.complianceMode;
  const handleError = useApiErrorHandler();
  const save = useMutation({
    mutationFn: (body: UpdateSecuritySettingsBody) => api('PUT /settings/security', { body }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: SETTINGS_KEY });
      await qc.invalidateQueries({ queryKey: PASSWORD_POLICY_KEY });
    },
  });

  const onFinish = (values: Values) =>
    save.mutate(
      { version: current.version, ...values },
      { onSuccess: () => void message.success(t('common.saved')), onError: (err) => handleError(err, { form }) },
    );

  return (
    <Card className="bf-form-card">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ minLength: current.minLength, complianceMode: current.complianceMode, maxAgeDays: current.maxAgeDays }}
      >
        <Form.Item
          name="complianceMode"
          label={t('settings.complianceMode')}
          valuePropName="checked"
          extra={t('settings.complianceModeHint')}
        >
          <Switch checkedChildren={t('settings.on')} unCheckedChildren={t('settings.off')} />
        </Form.Item>
        {compliance ? <Alert type="info" showIcon title={t('settings.complianceOnInfo')} className="bf-gap-bottom" /> : null}
        <Form.Item name="minLength" label={t('settings.minLength')} rules={[{ required: true }]} extra={t('settings.minLengthHint')}>
          <InputNumber min={8} max={64} precision={0} suffix={t('settings.characters')} className="bf-number-input" />
        </Form.Item>
        <Form.Item name="maxAgeDays" label={t('settings.maxAgeDays')} rules={[{ required: true }]} extra={t('settings.maxAgeDaysHint')}>
          <InputNumber min={1} max={3650} precision={0} suffix={t('settings.days')} className="bf-number-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
