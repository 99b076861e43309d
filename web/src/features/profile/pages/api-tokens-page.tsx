import { useState } from 'react';
import { Button, Empty, Form, Input, InputNumber, Modal, Popconfirm, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client.ts';
import { applyFieldErrors } from '../../../shared/api/form-errors.ts';
import type { ApiToken, CreatedApiToken } from '../../../shared/api/types.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { CreatedTokenModal } from '../components/created-token-modal.tsx';
import { tokenStatus, useApiTokens, useCreateApiToken, useRevokeApiToken, type TokenStatus } from '../hooks/use-api-tokens.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';

interface CreateValues {
  name: string;
  expiresInDays?: number | null;
}

const STATUS_COLOR: Record<TokenStatus, string> = { active: 'success', expired: 'default', revoked: 'error' };

/** Personal API tokens: list, create (secret shown once), revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [createOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [form] = Form.useForm<CreateValues>();
  const now = new Date();

  const onCreate = (values: CreateValues) => {
    create.mutate(
      { name: values.name, expiresInDays: values.expiresInDays ?? null },
      {
        onSuccess: (tok) => {
          setCreateOpen(false);
          form.resetFields();
          setCreated(tok);
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(isApiError(err) ? err.message : t('common.saveFailed'));
        },
      },
    );
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', key: 'prefix', render: (p: string) => <code>{p}…</code> },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.neverUsed')),
    },
    {
      title: t('tokens.status'),
      key: 'status',
      render: (_: unknown, tok) => {
        const status = tokenStatus(tok, now);
        return <Tag color={STATUS_COLOR[status]}>{t(`tokens.status_${status}`)}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, tok) =>
        tokenStatus(tok, now) === 'revoked' ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirmTitle')}
            description={t('tokens.revokeConfirmText', { name: tok.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutateAsync(tok.id).then(
                () => void message.success(t('tokens.revoked')),
                (err: unknown) => void message.error(isApiError(err) ? err.message : t('common.saveFailed')),
              )
            }
          >
            <Button type="link" danger size="small">
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
            {t('tokens.create')}
          </Button>
        }
      />
      {tokens.error ? (
        <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <DataTable<ApiToken>
          label={t('tokens.title')}
          rowKey="id"
          columns={columns}
          dataSource={tokens.data ?? []}
          loading={tokens.isPending}
          pagination={false}
          locale={{ emptyText: <Empty description={t('tokens.empty')} /> }}
        />
      )}
      <Modal
        open={createOpen}
        title={t('tokens.create')}
        onCancel={() => setCreateOpen(false)}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<CreateValues> form={form} layout="vertical" onFinish={onCreate} preserve={false}>
          <Form.Item
            name="name"
            label={t('tokens.name')}
            rules={[{ required: true, whitespace: true, max: 64 }]}
            extra={t('tokens.nameHint')}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresHint')}>
            <InputNumber min={1} max={3650} precision={0} className="bf-full-width" />
          </Form.Item>
        </Form>
      </Modal>
      <CreatedTokenModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
