import { Space, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { ActionView, ApprovalDetail, AttachmentView } from '../approval-api.ts';

const COLORS: Record<string, string> = {
  submit: 'blue',
  resubmit: 'blue',
  approve: 'green',
  reject: 'red',
  return: 'orange',
  withdraw: 'gray',
  add_approver: 'blue',
  auto_skip: 'gray',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A download link to an attachment (always served as a file, never opened inline). */
export function AttachmentLink({ requestId, file }: { requestId: string; file: AttachmentView }) {
  return (
    <a
      href={apiUrl('GET /approvals/:id/attachments/:attachmentId', { params: { id: requestId, attachmentId: file.id } })}
      download={file.fileName}
    >
      <PaperClipOutlined /> {file.fileName} <span className="bf-muted">({formatSize(file.size)})</span>
    </a>
  );
}

/** 审批记录: every submission, decision and change in order, with comments and attachments. */
export function ApprovalTimeline({ detail }: { detail: ApprovalDetail }) {
  const { t } = useTranslation();
  const describe = (a: ActionView): string | null => {
    const d = a.details ?? {};
    if (a.action === 'add_approver')
      return t(`approvals.addedWhere.${d.position === 'after' ? 'after' : 'current'}`, { name: String(d.userName ?? '') });
    if (a.action === 'resubmit') return t(`approvals.restart.${d.restartFrom === 'returning_step' ? 'returning_step' : 'first'}`);
    if (a.action === 'auto_skip') return t('approvals.skipReason.requester_only');
    return null;
  };
  return (
    <Timeline
      items={[...detail.actions].reverse().map((a) => ({
        key: a.id,
        color: COLORS[a.action] ?? 'gray',
        content: (
          <div data-testid="approval-action">
            <Space size={[6, 0]} wrap>
              <Typography.Text strong>{a.actorName ?? t('approvals.system')}</Typography.Text>
              {a.onBehalfOfName ? (
                <Typography.Text type="secondary">
                  {t('approvals.paren', { text: t('approvals.onBehalfOf', { name: a.onBehalfOfName }) })}
                </Typography.Text>
              ) : null}
              <Typography.Text>{t(`approvals.action.${a.action}`, { defaultValue: a.action })}</Typography.Text>
              {a.stepName ? <Typography.Text type="secondary">· {a.stepName}</Typography.Text> : null}
              {a.action === 'submit' || a.action === 'resubmit' ? (
                <Typography.Text type="secondary">
                  · {t('approvals.roundVersion', { round: a.round, version: a.subjectVersion ?? '—' })}
                </Typography.Text>
              ) : null}
            </Space>
            <div className="bf-muted">{formatDateTime(a.at)}</div>
            {describe(a) ? <div>{describe(a)}</div> : null}
            {a.comment ? <Typography.Paragraph className="bf-approval-comment">{a.comment}</Typography.Paragraph> : null}
            {a.attachments.map((f) => (
              <div key={f.id}>
                <AttachmentLink requestId={detail.id} file={f} />
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
