import { useEffect, useState } from 'react';
import { Button, Empty, Form, Grid, Input, List, Modal, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  MailOutlined,
  PhoneOutlined,
  PlusOutlined,
  UploadOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import type { DecisionRole } from '../../../../../core/crm/options.ts';
import type { ContactView } from '../customer-api.ts';
import { downloadFile, label, langOf, LISTS, selectOptions } from '../crm-format.ts';
import { useArchiveContact, useContacts, useSaveContact } from '../hooks/use-customers.ts';
import { ImportWizard } from './import-wizard.tsx';

interface ContactValues {
  name: string;
  title?: string | null;
  decisionRole?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  notes?: string | null;
}

const nul = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v.trim() || null);

/**
 * The contacts of one customer or partner: a table on wide screens, cards on a phone; add,
 * edit, archive (for those who may edit the customer / partner); export and import.
 */
export function ContactsPanel({ owner, canEdit }: { owner: { customerId: string } | { partnerId: string }; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const message = useMessage();
  const handleError = useApiErrorHandler();
  const [modal, modalHolder] = Modal.useModal();
  const [page, setPage] = useState(1);
  const query = { ...owner, page, pageSize: 50, sort: 'name' as const };
  const contacts = useContacts(query);
  const save = useSaveContact();
  const archive = useArchiveContact();
  const [editing, setEditing] = useState<ContactView | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<ContactValues>();

  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue({ ...editing });
  }, [editing, form]);

  const submit = (v: ContactValues) => {
    const current = editing === 'new' ? null : editing;
    const phone = nul(v.phone);
    const body = {
      name: v.name.trim(),
      title: nul(v.title),
      decisionRole: nul(v.decisionRole) as DecisionRole | null,
      email: nul(v.email),
      wechat: nul(v.wechat),
      notes: nul(v.notes),
      // a masked number shown to the user is sent back only when it was changed
      ...(current?.phoneMasked && phone === current.phone ? {} : { phone }),
    };
    const run = current
      ? save.mutateAsync({ id: current.id, body: { ...body, version: current.version } })
      : save.mutateAsync({ id: null, body: { ...body, ...owner } });
    run.then(
      () => {
        void message.success(t('common.saved'));
        setEditing(null);
      },
      (err: unknown) => handleError(err, { form, onConflict: () => setEditing(null) }),
    );
  };

  const remove = (c: ContactView) =>
    modal.confirm({
      title: t('customers.contacts.archiveTitle', { name: c.name }),
      content: t('customers.contacts.archiveText'),
      okText: t('customers.contacts.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        archive.mutateAsync({ id: c.id, version: c.version }).then(
          () => void message.success(t('customers.contacts.archived')),
          (e: unknown) => handleError(e),
        ),
    });

  const phoneCell = (c: ContactView) =>
    c.phone ? (
      c.phoneMasked ? (
        <Tooltip title={t('customers.contacts.masked')}>
          <span className="bf-crm-mono">{c.phone}</span>
        </Tooltip>
      ) : (
        <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} className="bf-crm-mono">
          {c.phone}
        </a>
      )
    ) : (
      '—'
    );

  const actions = (c: ContactView) =>
    canEdit ? (
      <Space size={0}>
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(c)}
          aria-label={t('customers.contacts.editOf', { name: c.name })}
        >
          {screens.md ? t('common.edit') : null}
        </Button>
        <Button
          type="link"
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={() => remove(c)}
          aria-label={t('customers.contacts.archiveOf', { name: c.name })}
        />
      </Space>
    ) : null;

  const columns: TableColumnsType<ContactView> = [
    { title: t('customers.contacts.name'), dataIndex: 'name', key: 'name', fixed: 'left' },
    { title: t('customers.contacts.title'), dataIndex: 'title', key: 'title', render: (v: string | null) => v ?? '—' },
    {
      title: t('customers.contacts.role'),
      key: 'role',
      render: (_: unknown, c) => (c.decisionRole ? <Tag color="geekblue">{label(LISTS.decisionRole, c.decisionRole, lang)}</Tag> : '—'),
    },
    { title: t('customers.contacts.phone'), key: 'phone', render: (_: unknown, c) => phoneCell(c) },
    {
      title: t('customers.contacts.email'),
      dataIndex: 'email',
      key: 'email',
      render: (v: string | null) => (v ? <a href={`mailto:${v}`}>{v}</a> : '—'),
    },
    { title: t('customers.contacts.wechat'), dataIndex: 'wechat', key: 'wechat', render: (v: string | null) => v ?? '—' },
    ...(canEdit ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, c: ContactView) => actions(c) }] : []),
  ];

  const exportUrl = apiUrl('GET /contacts/export.xlsx', { query: { ...owner, sort: 'name' } });
  const items = contacts.data?.items ?? [];
  const empty = <Empty description={canEdit ? t('customers.contacts.emptyCanAdd') : t('customers.contacts.empty')} />;

  return (
    <div>
      {modalHolder}
      <div className="bf-crm-toolbar">
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('customers.contacts.add')}
          </Button>
        ) : null}
        {can(me, 'customer.export') ? (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile(exportUrl, 'contacts.xlsx').catch((e: Error) => void message.error(e.message))}
          >
            {t('customers.export')}
          </Button>
        ) : null}
        {canEdit && can(me, 'customer.import') && 'customerId' in owner ? (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('customers.import.button')}
          </Button>
        ) : null}
      </div>
      {contacts.error && !contacts.data ? (
        <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : screens.md ? (
        <DataTable<ContactView>
          label={t('customers.tabs.contacts')}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={contacts.isFetching}
          locale={{ emptyText: empty }}
          pagination={{ current: page, pageSize: 50, total: contacts.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        />
      ) : (
        <List<ContactView>
          className="bf-crm-card-list"
          loading={contacts.isFetching}
          dataSource={items}
          locale={{ emptyText: empty }}
          pagination={
            (contacts.data?.total ?? 0) > 50
              ? { current: page, pageSize: 50, total: contacts.data?.total ?? 0, onChange: setPage, size: 'small' }
              : false
          }
          renderItem={(c) => (
            <List.Item className="bf-crm-card-item" actions={canEdit ? [actions(c)] : undefined}>
              <div className="bf-crm-card-body">
                <div className="bf-crm-card-title-row">
                  <Typography.Text strong>{c.name}</Typography.Text>
                  {c.decisionRole ? <Tag color="geekblue">{label(LISTS.decisionRole, c.decisionRole, lang)}</Tag> : null}
                </div>
                {c.title ? <div className="bf-muted">{c.title}</div> : null}
                <div className="bf-crm-card-meta">
                  {c.phone ? (
                    <span>
                      <PhoneOutlined aria-hidden /> {phoneCell(c)}
                    </span>
                  ) : null}
                  {c.email ? (
                    <span>
                      <MailOutlined aria-hidden /> {c.email}
                    </span>
                  ) : null}
                  {c.wechat ? (
                    <span>
                      <WechatOutlined aria-hidden /> {c.wechat}
                    </span>
                  ) : null}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('customers.contacts.add') : t('customers.contacts.edit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form<ContactValues> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={t('customers.contacts.name')}
            rules={[{ required: true, whitespace: true, message: t('customers.contacts.nameRequired') }]}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <div className="bf-crm-form-pair">
            <Form.Item name="title" label={t('customers.contacts.title')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="decisionRole" label={t('customers.contacts.role')}>
              <Select allowClear options={selectOptions(LISTS.decisionRole, lang)} />
            </Form.Item>
          </div>
          <Form.Item
            name="phone"
            label={t('customers.contacts.phone')}
            extra={editing !== 'new' && editing?.phoneMasked ? t('customers.contacts.maskedEdit') : undefined}
          >
            <Input maxLength={40} inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('customers.contacts.email')}
            rules={[{ type: 'email', message: t('customers.contacts.emailInvalid') }]}
          >
            <Input maxLength={120} inputMode="email" />
          </Form.Item>
          <Form.Item name="wechat" label={t('customers.contacts.wechat')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="notes" label={t('customers.f.notes')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <ImportWizard base="contacts" open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
