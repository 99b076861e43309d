import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../approval-api.ts';
import type { ActionKind } from '../hooks/use-approvals.ts';
import { AttachmentUpload, uploadedIds } from './attachment-upload.tsx';

export interface ActionInput {
  comment: string;
  attachmentIds: string[];
}

/**
 * The dialog behind every action button: a comment (required to reject or return, so the
 * requester knows what to change) and optional attachments.
 */
export function ActionModal({
  kind,
  requestId,
  onCancel,
  onSubmit,
}: {
  kind: ActionKind | null;
  requestId: string;
  onCancel: () => void;
  onSubmit: (kind: ActionKind, input: ActionInput) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const [files, setFiles] = useState<UploadFile<AttachmentView>[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (kind) {
      form.resetFields();
      setFiles([]);
    }
  }, [kind, form]);
  const required = kind === 'reject' || kind === 'return';
  const uploading = files.some((f) => f.status === 'uploading');
  const submit = async () => {
    if (!kind) return;
    // an invalid form shows its messages; nothing more to do
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      const ok = await onSubmit(kind, { comment: values.comment ?? '', attachmentIds: uploadedIds(files) });
      if (ok) onCancel();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={kind !== null}
      title={kind ? t(`approvals.modal.${kind}.title`) : ''}
      okText={kind ? t(`approvals.modal.${kind}.ok`) : ''}
      okButtonProps={{ danger: kind === 'reject' || kind === 'withdraw', loading: busy, disabled: uploading }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {kind ? (
        <Alert type={kind === 'reject' ? 'warning' : 'info'} showIcon title={t(`approvals.modal.${kind}.hint`)} className="bf-gap-bottom" />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t('approvals.comment')}
          rules={required ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t(required ? 'approvals.commentPlaceholderRequired' : 'approvals.commentPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('approvals.attachments')}>
          <AttachmentUpload requestId={requestId} files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
