import { Button, Card, DatePicker, Empty, Form, Input, Modal, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useCurrentUser } from '../../auth/hooks/use-session.ts';
import type { Delegation } from '../approval-api.ts';
import { useCancelDelegation, useCreateDelegation, useDelegations } from '../hooks/use-approvals.ts';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import '../approvals.css';

interface FormValues {
  delegateId: string;
  range: [Dayjs, Dayjs];
  note?: string;
}

const STATUS_COLOR: Record<Delegation['status'], string> = { active: 'green', scheduled: 'blue', ended: 'default', cancelled: 'default' };

/** 我的代理设置: while I am away, my new approval tasks go to a delegate, recorded "on behalf of". */
export function DelegationPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const [form] = Form.useForm<FormValues>();
  const list = useDelegations();
  const create = useCreateDelegation();
  const cancel = useCancelDelegation();
  const handleError = useApiErrorHandler();

  const save = (v: FormValues) =>
    create.mutate(
      {
        delegateId: v.delegateId,
        startsOn: v.range[0].format('YYYY-MM-DD'),
        endsOn: v.range[1].format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('approvals.delegation.saved'));
          form.resetFields();
        },
        onError: (err) => handleError(err, { form }),
      },
    );

  const confirmCancel = (d: Delegation) =>
    modal.confirm({
      title: t('approvals.delegation.cancelTitle', { name: d.delegateName }),
      content: t('approvals.delegation.cancelText'),
      okText: t('approvals.delegation.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        cancel.mutateAsync(d.id).then(
          () => void message.success(t('approvals.delegation.cancelled')),
          (err: unknown) => handleError(err),
        ),
    });

  const columns: TableColumnsType<Delegation> = [
    { title: t('approvals.delegation.delegate'), dataIndex: 'delegateName', key: 'delegate' },
    { title: t('approvals.delegation.range'), key: 'range', render: (_: unknown, d) => `${d.startsOn} ~ ${d.endsOn}` },
    {
      title: t('approvals.delegation.status'),
      key: 'status',
      render: (_: unknown, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`approvals.delegation.statusText.${d.status}`)}</Tag>,
    },
    { title: t('approvals.delegation.note'), dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '—' },
    { title: t('approvals.delegation.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, d) =>
        d.status === 'active' || d.status === 'scheduled' ? (
          <Button type="link" size="small" danger onClick={() => confirmCancel(d)}>
            {t('approvals.delegation.cancel')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      {modalHolder}
      <Link to="/approvals" className="bf-back-link">
        {t('approvals.back')}
      </Link>
      <PageHeader title={t('approvals.delegation.title')} description={t('approvals.delegation.description')} />
      <Card title={t('approvals.delegation.newTitle')} className="bf-gap-bottom">
        <Form<FormValues> form={form} layout="vertical" onFinish={save} className="bf-delegation-form">
          <Form.Item
            name="delegateId"
            label={t('approvals.delegation.delegate')}
            rules={[{ required: true, message: t('approvals.delegation.delegateRequired') }]}
          >
            <UserPicker source="colleagues" exclude={[me.id]} aria-label={t('approvals.delegation.delegate')} />
          </Form.Item>
          <Form.Item
            name="range"
            label={t('approvals.delegation.range')}
            rules={[{ required: true, message: t('approvals.delegation.rangeRequired') }]}
          >
            <DatePicker.RangePicker
              className="bf-full-width"
              disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
              aria-label={t('approvals.delegation.range')}
            />
          </Form.Item>
          <Form.Item name="note" label={t('approvals.delegation.note')}>
            <Input maxLength={200} placeholder={t('approvals.delegation.notePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
            {t('approvals.delegation.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('approvals.delegation.listTitle')}>
        {list.error ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Delegation>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('approvals.delegation.empty')} /> }}
          />
        )}
      </Card>
    </>
  );
}
