import { useEffect, useState } from 'react';
import { Alert, Button, Card, Divider, Form, Input, InputNumber, Space, Switch, Tag } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { applyFieldErrors } from '../../../shared/api/form-errors.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import type { ExternalChannel, NotificationSettings, TestChannelResult } from '../../inbox/notification-api.ts';
import { useSaveEmailChannel, useSaveWebhookChannel, useTestChannel } from '../hooks/use-notification-admin.ts';

function StatusTag({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  return enabled ? <Tag color="green">{t('notifyAdmin.enabled')}</Tag> : <Tag>{t('notifyAdmin.disabled')}</Tag>;
}

/** "Send a test message" with the saved settings, and the peer's answer shown inline. */
function TestButton({ channel, withAddress }: { channel: ExternalChannel; withAddress?: boolean }) {
  const { t } = useTranslation();
  const test = useTestChannel();
  const [to, setTo] = useState('');
  const [result, setResult] = useState<TestChannelResult | null>(null);
  const message = useMessage();
  const run = () => {
    setResult(null);
    test.mutate(
      { channel, ...(to.trim() ? { to: to.trim() } : {}) },
      {
        onSuccess: setResult,
        onError: (err) => {
          const field = isApiError(err) ? err.fields['body.to'] : undefined;
          void message.error(field ?? (isApiError(err) ? err.message : t('common.unexpectedError')));
        },
      },
    );
  };
  return (
    <div>
      <Divider style={{ margin: '16px 0 12px' }} />
      <Space.Compact style={{ width: '100%', maxWidth: 460 }}>
        {withAddress ? (
          <Input
            value={to}
            onChange={(e) => setTo(e.target.value)}
            placeholder={t('notifyAdmin.testTo')}
            aria-label={t('notifyAdmin.testTo')}
          />
        ) : null}
        <Button icon={<SendOutlined />} loading={test.isPending} onClick={run}>
          {t('notifyAdmin.sendTest')}
        </Button>
      </Space.Compact>
      {result ? (
        <Alert
          style={{ marginTop: 8 }}
          showIcon
          type={result.ok ? 'success' : 'error'}
          title={result.ok ? t('notifyAdmin.testOk') : t('notifyAdmin.testFailed')}
          description={result.error ?? undefined}
        />
      ) : null}
    </div>
  );
}

interface EmailValues {
  enabled: boolean;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password?: string;
  from: string;
}

export function EmailChannelCard({ settings }: { settings: NotificationSettings['email'] }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveEmailChannel();
  const [form] = Form.useForm<EmailValues>();
  useEffect(() => {
    form.setFieldsValue({ ...settings, password: '' });
  }, [form, settings]);
  const onFinish = (v: EmailValues) => {
    save.mutate(
      {
        version: settings.version,
        enabled: v.enabled,
        host: v.host ?? '',
        port: v.port,
        secure: v.secure,
        user: v.user ?? '',
        from: v.from ?? '',
        ...(v.password ? { password: v.password } : {}),
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(isApiError(err) ? err.message : t('common.saveFailed'));
        },
      },
    );
  };
  return (
    <Card title={t('notifyAdmin.email')} extra={<StatusTag enabled={settings.enabled} />} style={{ marginBottom: 16 }}>
      <Form<EmailValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ ...settings, password: '' }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="enabled" label={t('notifyAdmin.enable')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space wrap align="start" style={{ width: '100%' }}>
          <Form.Item name="host" label={t('notifyAdmin.smtpHost')} style={{ minWidth: 240 }}>
            <Input placeholder="smtp.exmail.qq.com" />
          </Form.Item>
          <Form.Item name="port" label={t('notifyAdmin.smtpPort')} rules={[{ required: true }]}>
            <InputNumber min={1} max={65535} precision={0} />
          </Form.Item>
          <Form.Item name="secure" label={t('notifyAdmin.smtpSecure')} valuePropName="checked" tooltip={t('notifyAdmin.smtpSecureHint')}>
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap align="start" style={{ width: '100%' }}>
          <Form.Item name="user" label={t('notifyAdmin.smtpUser')} style={{ minWidth: 240 }}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('notifyAdmin.smtpPassword')} style={{ minWidth: 240 }}>
            <Input.Password autoComplete="new-password" placeholder={settings.passwordSet ? t('notifyAdmin.secretKept') : ''} />
          </Form.Item>
        </Space>
        <Form.Item name="from" label={t('notifyAdmin.smtpFrom')} extra={t('notifyAdmin.smtpFromHint')}>
          <Input placeholder="Bidflow <noreply@example.com>" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
      <TestButton channel="email" withAddress />
    </Card>
  );
}

interface WebhookValues {
  enabled: boolean;
  webhookUrl?: string;
  secret?: string;
}

export function WebhookChannelCard({ channel, settings }: { channel: 'wecom' | 'dingtalk'; settings: NotificationSettings['wecom'] }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveWebhookChannel(channel);
  const [form] = Form.useForm<WebhookValues>();
  useEffect(() => {
    form.setFieldsValue({ enabled: settings.enabled, webhookUrl: '', secret: '' });
  }, [form, settings]);
  const onFinish = (v: WebhookValues) => {
    save.mutate(
      {
        version: settings.version,
        enabled: v.enabled,
        ...(v.webhookUrl?.trim() ? { webhookUrl: v.webhookUrl.trim() } : {}),
        ...(channel === 'dingtalk' && v.secret?.trim() ? { secret: v.secret.trim() } : {}),
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(isApiError(err) ? err.message : t('common.saveFailed'));
        },
      },
    );
  };
  return (
    <Card title={t(`notifyAdmin.${channel}`)} extra={<StatusTag enabled={settings.enabled} />} style={{ marginBottom: 16 }}>
      <Form<WebhookValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ enabled: settings.enabled }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="enabled" label={t('notifyAdmin.enable')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="webhookUrl"
          label={t('notifyAdmin.webhookUrl')}
          extra={
            settings.webhookUrlMasked
              ? t('notifyAdmin.currentWebhook', { url: settings.webhookUrlMasked })
              : t(`notifyAdmin.${channel}Hint`)
          }
        >
          <Input
            autoComplete="off"
            placeholder={
              settings.webhookUrlMasked
                ? t('notifyAdmin.secretKept')
                : channel === 'wecom'
                  ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'
                  : 'https://oapi.dingtalk.com/robot/send?access_token=…'
            }
          />
        </Form.Item>
        {channel === 'dingtalk' ? (
          <Form.Item name="secret" label={t('notifyAdmin.dingtalkSecret')} extra={t('notifyAdmin.dingtalkSecretHint')}>
            <Input.Password autoComplete="new-password" placeholder={settings.secretSet ? t('notifyAdmin.secretKept') : 'SEC…'} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
      <TestButton channel={channel} />
    </Card>
  );
}
