import { useState } from 'react';
import { Alert, Button, Card, Segmented, Space, Tooltip, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseOutlined,
  RollbackOutlined,
  SendOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/client.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useApprovalActions, useApprovalDetail, type ActionKind } from '../hooks/use-approvals.ts';
import { ApprovalStateTag } from '../components/approval-state-tag.tsx';
import { ApprovalSteps } from '../components/approval-steps.tsx';
import { ChangesSinceSubmission, SnapshotView } from '../components/snapshot-view.tsx';
import { ApprovalTimeline } from '../components/approval-timeline.tsx';
import { ActionModal, type ActionInput } from '../components/action-modal.tsx';
import { AddApproverModal, type AddApproverInput } from '../components/add-approver-modal.tsx';
import '../approvals.css';

/**
 * 审批详情: state and step path, the snapshot under review with what changed since, the
 * timeline, and the actions the reader may take (approve / return / reject / 加签 for the
 * current approver; resubmit / withdraw for the requester).
 */
export function ApprovalDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const message = useMessage();
  const detail = useApprovalDetail(id);
  const actions = useApprovalActions(id);
  const [modal, setModal] = useState<ActionKind | null>(null);
  const [adding, setAdding] = useState(false);
  const [roundChoice, setRoundChoice] = useState<number | null>(null);

  if (detail.isPending) return <SectionSpin />;
  if (detail.error) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const round = d.rounds.find((r) => r.round === roundChoice) ?? d.rounds[d.rounds.length - 1];
  const subjectMoved = d.current.available && d.current.version !== d.subjectVersion;

  const failed = (err: unknown): boolean => {
    void message.error(isApiError(err) ? err.message : t('common.unexpectedError'));
    if (isApiError(err) && err.status === 409) {
      void detail.refetch();
      return true;
    }
    return false;
  };

  const run = async (kind: ActionKind, input: ActionInput): Promise<boolean> => {
    const comment = input.comment.trim() || undefined;
    const body = { comment, attachmentIds: input.attachmentIds.length ? input.attachmentIds : undefined };
    try {
      if (kind === 'approve') await actions.approve.mutateAsync({ ...body, subjectVersion: d.subjectVersion });
      else if (kind === 'reject') await actions.reject.mutateAsync({ ...body, comment: comment ?? '' });
      else if (kind === 'return') await actions.return.mutateAsync({ ...body, comment: comment ?? '' });
      else if (kind === 'withdraw') await actions.withdraw.mutateAsync(body);
      else await actions.resubmit.mutateAsync(body);
      void message.success(t(`approvals.done.${kind}`));
      setRoundChoice(null);
      return true;
    } catch (err) {
      return failed(err);
    }
  };

  const addApprover = async (input: AddApproverInput): Promise<boolean> => {
    try {
      await actions.addApprover.mutateAsync({
        userId: input.userId,
        position: input.position,
        comment: input.comment?.trim() || undefined,
      });
      void message.success(t('approvals.done.addApprover'));
      return true;
    } catch (err) {
      return failed(err);
    }
  };

  const currentTasks = d.rounds[d.rounds.length - 1]?.steps.find((s) => s.status === 'active')?.tasks ?? [];
  const buttons = (
    <Space wrap>
      {d.can.approve ? (
        <Tooltip title={subjectMoved ? t('approvals.approveBlocked') : undefined}>
          <Button type="primary" icon={<CheckOutlined />} disabled={subjectMoved} onClick={() => setModal('approve')}>
            {t('approvals.btn.approve')}
          </Button>
        </Tooltip>
      ) : null}
      {d.can.return ? (
        <Button icon={<RollbackOutlined />} onClick={() => setModal('return')}>
          {t('approvals.btn.return')}
        </Button>
      ) : null}
      {d.can.reject ? (
        <Button danger icon={<CloseOutlined />} onClick={() => setModal('reject')}>
          {t('approvals.btn.reject')}
        </Button>
      ) : null}
      {d.can.addApprover ? (
        <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
          {t('approvals.btn.addApprover')}
        </Button>
      ) : null}
      {d.can.resubmit ? (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setModal('resubmit')}>
          {t('approvals.btn.resubmit')}
        </Button>
      ) : null}
      {d.can.withdraw ? (
        <Button icon={<UndoOutlined />} onClick={() => setModal('withdraw')}>
          {t('approvals.btn.withdraw')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <div className="bf-approval-detail">
      <Link to="/approvals" className="bf-back-link">
        <ArrowLeftOutlined /> {t('approvals.back')}
      </Link>
      <div className="bf-page-header">
        <div className="bf-page-header-text">
          <Typography.Title level={1} className="bf-page-title">
            {d.title} <ApprovalStateTag state={d.state} />
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="bf-page-description">
            {d.processLabel} · {d.requester.name}
            {d.requester.departmentName ? t('approvals.paren', { text: d.requester.departmentName }) : ''} ·{' '}
            {t('approvals.submittedAt', { time: formatDateTime(d.submittedAt) })}
            {d.round > 1 ? ` · ${t('approvals.roundN', { round: d.round })}` : ''}
          </Typography.Paragraph>
        </div>
        <div className="bf-page-header-extra">{buttons}</div>
      </div>

      {d.state === 'returned' && d.can.resubmit ? (
        <Alert
          type="warning"
          showIcon
          className="bf-gap-bottom"
          title={t('approvals.returnedTitle')}
          description={
            <>
              {t('approvals.returnedHint')}
              {d.subjectLink ? (
                <>
                  {' '}
                  <Link to={d.subjectLink}>{t('approvals.openSubject')}</Link>
                </>
              ) : null}
            </>
          }
        />
      ) : null}
      {d.can.approve && currentTasks.some((x) => x.onBehalfOfName) ? (
        <Alert
          type="info"
          showIcon
          className="bf-gap-bottom"
          title={t('approvals.delegatedToYou', { name: currentTasks.find((x) => x.onBehalfOfName)?.onBehalfOfName ?? '' })}
        />
      ) : null}
      <ChangesSinceSubmission detail={d} />

      <Card
        title={t('approvals.progress')}
        className="bf-gap-bottom"
        extra={
          d.rounds.length > 1 ? (
            <Segmented<number>
              size="small"
              value={round?.round ?? d.round}
              onChange={setRoundChoice}
              options={d.rounds.map((r) => ({ value: r.round, label: t('approvals.roundN', { round: r.round }) }))}
            />
          ) : null
        }
      >
        {round ? <ApprovalSteps steps={round.steps} /> : null}
        <Typography.Paragraph type="secondary" className="bf-approval-chain-note">
          {t('approvals.chainNote', { version: d.chainVersion, restart: t(`approvals.restart.${d.resubmitFrom}`) })}
        </Typography.Paragraph>
      </Card>

      <Card title={t('approvals.snapshotTitle')} className="bf-gap-bottom">
        <Space size={8} wrap className="bf-snapshot-caption">
          <Typography.Text type="secondary">
            {t('approvals.snapshotVersion', { subject: d.subjectLabel, version: d.subjectVersion })}
          </Typography.Text>
          {d.subjectLink ? <Link to={d.subjectLink}>{t('approvals.openSubject')}</Link> : null}
        </Space>
        <SnapshotView detail={d} />
      </Card>

      <Card title={t('approvals.timeline')}>
        <ApprovalTimeline detail={d} />
      </Card>

      <ActionModal kind={modal} requestId={d.id} onCancel={() => setModal(null)} onSubmit={run} />
      <AddApproverModal
        open={adding}
        exclude={[d.requester.id, ...currentTasks.filter((x) => x.status === 'pending').map((x) => x.assigneeId)]}
        onCancel={() => setAdding(false)}
        onSubmit={addApprover}
      />
    </div>
  );
}
