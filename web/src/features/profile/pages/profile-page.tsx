import { Button, Card, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api/client.ts';
import { applyFieldErrors } from '../../../shared/api/form-errors.ts';
import type { Locale, UpdateProfileBody } from '../../../shared/api/types.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LOCALE_NAMES, LOCALES, changeLocale } from '../../../i18n/index.ts';
import { ME_KEY, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { DataScopeTag } from '../../../shared/components/data-scope.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';

interface Values {
  displayName: string;
  phone: string;
  email: string;
  locale: Locale;
}

/** Contact fields the profile may carry; `GET /api/auth/me` does not return them yet. */

const blankToNull = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);

/** The signed-in user's own data: name, contact details, language; roles and grants read-only. */
export function ProfilePage() {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: UpdateProfileBody) => api('PATCH /auth/profile', { body }),
  });

  const onFinish = (values: Values) => {
    const body: UpdateProfileBody = { displayName: values.displayName, locale: values.locale };
    // Only send contact fields the user touched: the server does not tell us their current value.
    body.phone = blankToNull(values.phone);
    body.email = blankToNull(values.email);
    save.mutate(body, {
      onSuccess: async (updated) => {
        qc.setQueryData(ME_KEY, updated);
        await changeLocale(updated.locale);
        await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        void message.success(t('common.saved'));
      },
      onError: (err) => {
        if (!applyFieldErrors(form, err)) void message.error(isApiError(err) ? err.message : t('common.saveFailed'));
      },
    });
  };

  const grants = Object.entries(me.grants);

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="bf-two-columns">
        <Card title={<h2 className="bf-card-title">{t('profile.basicInfo')}</h2>}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ displayName: me.displayName, phone: me.phone ?? '', email: me.email ?? '', locale: me.locale }}
            className="bf-narrow-form"
          >
            <Form.Item label={t('user.username')}>
              <Input value={me.username} disabled aria-label={t('user.username')} />
            </Form.Item>
            <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item name="phone" label={t('user.phone')} rules={[{ max: 32 }]}>
              <Input autoComplete="tel" inputMode="tel" />
            </Form.Item>
            <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('user.emailInvalid') }, { max: 254 }]}>
              <Input autoComplete="email" inputMode="email" />
            </Form.Item>
            <Form.Item name="locale" label={t('profile.language')}>
              <Select options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
        <Card title={<h2 className="bf-card-title">{t('profile.rolesAndAccess')}</h2>}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('user.department')}>{me.departmentName ?? t('user.noDepartment')}</Descriptions.Item>
            <Descriptions.Item label={t('user.roles')}>
              {me.roles.length ? (
                <Space size={[4, 4]} wrap>
                  {me.roles.map((r) => (
                    <Tag key={r.id}>{r.name}</Tag>
                  ))}
                </Space>
              ) : (
                t('profile.noRoles')
              )}
            </Descriptions.Item>
          </Descriptions>
          <h3 className="bf-subheading">{t('profile.grants')}</h3>
          {grants.length ? (
            <ul className="bf-grant-list">
              {grants.map(([perm, scope]) => (
                <li key={perm}>
                  <span>{me.grantLabels[perm] ?? perm}</span>
                  <DataScopeTag scope={scope} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="bf-muted">{t('profile.noGrants')}</p>
          )}
        </Card>
      </div>
    </>
  );
}
