import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { attachmentContentType, ATTACHMENT_TYPES, MAX_ATTACHMENT_MB } from '../../../../../core/approvals/attachments.ts';
import { isApiError } from '../../../shared/api/client.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import type { AttachmentView } from '../approval-api.ts';
import { useUploadAttachment } from '../hooks/use-approvals.ts';

const ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');

/** Files for the action being taken: uploaded at once (type and size checked first), sent by id with the action. */
export function AttachmentUpload({
  requestId,
  files,
  onChange,
}: {
  requestId: string;
  files: UploadFile<AttachmentView>[];
  onChange: (f: UploadFile<AttachmentView>[]) => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const upload = useUploadAttachment(requestId);
  return (
    <Upload<AttachmentView>
      accept={ACCEPT}
      multiple
      maxCount={10}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      beforeUpload={(file) => {
        if (!attachmentContentType(file.name)) {
          void message.error(t('approvals.fileTypeNotAllowed'));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_ATTACHMENT_MB * 1024 * 1024) {
          void message.error(t('approvals.fileTooLarge', { mb: MAX_ATTACHMENT_MB }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        upload.mutateAsync(file as File).then(
          (view) => onSuccess?.(view),
          (err: unknown) => {
            void message.error(isApiError(err) ? err.message : t('common.saveFailed'));
            onError?.(err instanceof Error ? err : new Error(String(err)));
          },
        );
      }}
    >
      <Button icon={<UploadOutlined />}>{t('approvals.addAttachment')}</Button>
      <div className="bf-muted bf-upload-hint">{t('approvals.attachmentHint', { mb: MAX_ATTACHMENT_MB })}</div>
    </Upload>
  );
}

/** Ids of the attachments that finished uploading. */
export function uploadedIds(files: UploadFile<AttachmentView>[]): string[] {
  return files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));
}
