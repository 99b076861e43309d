import { useEffect } from 'react';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { applyFieldErrors } from '../../../shared/api/form-errors.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { useRoles } from '../../admin-roles/hooks/use-roles.ts';
import { useUsers } from '../../admin-users/hooks/use-users.ts';
import type { NotificationSettings } from '../../inbox/notification-api.ts';
import { useSaveRules } from '../hooks/use-notification-admin.ts';

interface RulesValues {
  ccRoleCodes: string[];
  ccUserIds: string[];
  digestTime: string;
  publicUrl: string;
}

/** The "major events are copied to …" rule (seed 000: the general manager), digest time and public address. */
export function RulesCard({ rules }: { rules: NotificationSettings['rules'] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const message = useMessage();
  const save = useSaveRules();
  const roles = useRoles(can(me, 'role.read'));
  const users = useUsers({ pageSize: 200, active: 'true' }, can(me, 'user.read'));
  const [form] = Form.useForm<RulesValues>();
  useEffect(() => {
    form.setFieldsValue({ ...rules, publicUrl: rules.publicUrl ?? '' });
  }, [form, rules]);

  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  for (const code of rules.ccRoleCodes) if (!roleOptions.some((o) => o.value === code)) roleOptions.push({ value: code, label: code });
  const userOptions = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));

  const onFinish = (v: RulesValues) => {
    save.mutate(
      {
        version: rules.version,
        ccRoleCodes: v.ccRoleCodes ?? [],
        ccUserIds: v.ccUserIds ?? [],
        digestTime: v.digestTime,
        publicUrl: v.publicUrl?.trim() || null,
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
    <Card title={t('notifyAdmin.rulesTitle')}>
      <Typography.Paragraph type="secondary">{t('notifyAdmin.rulesHint')}</Typography.Paragraph>
      <Form<RulesValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ ...rules, publicUrl: rules.publicUrl ?? '' }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="ccRoleCodes" label={t('notifyAdmin.ccRoles')}>
          <Select
            mode="multiple"
            options={roleOptions}
            loading={roles.isPending && can(me, 'role.read')}
            optionFilterProp="label"
            allowClear
          />
        </Form.Item>
        <Form.Item name="ccUserIds" label={t('notifyAdmin.ccUsers')} extra={t('notifyAdmin.ccUsersHint')}>
          <Select
            mode="multiple"
            options={userOptions}
            loading={users.isPending && can(me, 'user.read')}
            optionFilterProp="label"
            allowClear
          />
        </Form.Item>
        <Form.Item
          name="digestTime"
          label={t('notifyAdmin.digestTime')}
          extra={t('notifyAdmin.digestTimeHint')}
          rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('notifyAdmin.digestTimeInvalid') }]}
        >
          <Input style={{ width: 120 }} placeholder="18:00" />
        </Form.Item>
        <Form.Item name="publicUrl" label={t('notifyAdmin.publicUrl')} extra={t('notifyAdmin.publicUrlHint')}>
          <Input placeholder="https://bidflow.example.com" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
