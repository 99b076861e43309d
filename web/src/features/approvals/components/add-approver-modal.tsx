import { useEffect, useState } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../../shared/components/user-picker.tsx';

export interface AddApproverInput {
  userId: string;
  position: 'current' | 'after';
  comment: string;
}

/** 加签: bring another approver into this step, or as a step right after it. */
export function AddApproverModal({
  open,
  exclude,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  exclude: string[];
  onCancel: () => void;
  onSubmit: (input: AddApproverInput) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddApproverInput>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      if (await onSubmit(values)) onCancel();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('approvals.modal.addApprover.title')}
      okText={t('approvals.modal.addApprover.ok')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ position: 'current' }}>
        <Form.Item
          name="userId"
          label={t('approvals.addApproverUser')}
          rules={[{ required: true, message: t('approvals.addApproverUserRequired') }]}
        >
          <UserPicker source="colleagues" exclude={exclude} aria-label={t('approvals.addApproverUser')} />
        </Form.Item>
        <Form.Item name="position" label={t('approvals.addApproverPosition')}>
          <Radio.Group
            options={[
              { value: 'current', label: t('approvals.position.current') },
              { value: 'after', label: t('approvals.position.after') },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('approvals.comment')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('approvals.addApproverCommentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
