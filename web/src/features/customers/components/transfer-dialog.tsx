import { useEffect } from 'react';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { useTransfer, type RecordKind } from '../hooks/use-customers.ts';
import { UserPicker } from '../../../shared/components/user-picker.tsx';

/** Hands a customer / partner to another owner (audited; the new owner is notified). */
export function TransferDialog({
  kind,
  open,
  record,
  onClose,
}: {
  kind: RecordKind;
  open: boolean;
  record: { id: string; name: string; version: number; ownerUserId: string | null; ownerName: string | null };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ ownerUserId: string; note?: string }>();
  const transfer = useTransfer(kind);
  const message = useMessage();
  const handleError = useApiErrorHandler();
  const navigate = useNavigate();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (v: { ownerUserId: string; note?: string }) =>
    transfer.mutate(
      { id: record.id, body: { version: record.version, ownerUserId: v.ownerUserId, note: v.note?.trim() || null } },
      {
        onSuccess: (stillVisible) => {
          void message.success(t('customers.transfer.done'));
          onClose();
          if (!stillVisible) void navigate(kind === 'customer' ? '/customers' : '/partners');
        },
        onError: (err) => handleError(err, { form, onConflict: onClose }),
      },
    );

  return (
    <Modal
      open={open}
      title={t('customers.transfer.title', { name: record.name })}
      okText={t('customers.transfer.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={transfer.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="bf-muted">{t('customers.transfer.current', { name: record.ownerName ?? '—' })}</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="ownerUserId"
          label={t('customers.transfer.newOwner')}
          rules={[{ required: true, message: t('customers.transfer.pick') }]}
        >
          <UserPicker
            source="colleagues"
            departmentLabel="brackets"
            placeholder={t('customers.pickUser')}
            notFoundText={t('customers.noUser')}
            exclude={[record.ownerUserId]}
            aria-label={t('customers.transfer.newOwner')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('customers.transfer.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('customers.transfer.notePlaceholder')} />
        </Form.Item>
      </Form>
      <p className="bf-muted">{t('customers.transfer.hint')}</p>
    </Modal>
  );
}
