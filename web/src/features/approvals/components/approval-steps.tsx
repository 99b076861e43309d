import { Grid, Steps, Tag, Typography, type StepsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StepView } from '../approval-api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { approverLabel } from '../approver-label.ts';

type StepStatus = NonNullable<NonNullable<StepsProps['items']>[number]['status']>;

const STATUS: Record<StepView['status'], StepStatus> = {
  waiting: 'wait',
  active: 'process',
  approved: 'finish',
  rejected: 'error',
  returned: 'error',
  skipped: 'wait',
  cancelled: 'wait',
};

/** The step path of one round: who approves each step, in which mode, and how far it got. */
export function ApprovalSteps({ steps }: { steps: StepView[] }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const vertical = screens.md === false || steps.length > 4;
  // the active step, or (when the round is over) the last step that was decided
  const active = steps.findIndex((s) => s.status === 'active');
  const decided = steps.reduce((last, s, i) => (['approved', 'rejected', 'returned'].includes(s.status) ? i : last), 0);
  const current = active >= 0 ? active : decided;
  return (
    <Steps
      size="small"
      orientation={vertical ? 'vertical' : 'horizontal'}
      current={current}
      items={steps.map((s) => ({
        key: s.id,
        status: STATUS[s.status],
        title: (
          <span className={s.status === 'skipped' || s.status === 'cancelled' ? 'bf-muted' : undefined}>
            {s.adHoc ? `${t('approvals.addedStep')}：${s.name}` : s.name}
          </span>
        ),
        subTitle: s.tasks.length > 1 || s.mode === 'all' ? <Tag className="bf-tag-small">{t(`approvals.mode.${s.mode}`)}</Tag> : undefined,
        content: (
          <div className="bf-approval-step-body" data-testid="approval-step">
            <Typography.Text type="secondary">{t(`approvals.stepStatus.${s.status}`)}</Typography.Text>
            {s.skipReason ? (
              <Typography.Text type="secondary">
                {t('approvals.paren', { text: t(`approvals.skipReason.${s.skipReason}`) })}
              </Typography.Text>
            ) : null}
            {s.tasks.map((task) => (
              <div key={task.id} className="bf-approval-task">
                {task.assigneeName}
                {task.onBehalfOfName ? (
                  <span className="bf-muted">
                    {t('approvals.paren', { text: t('approvals.onBehalfOf', { name: task.onBehalfOfName }) })}
                  </span>
                ) : null}
                {' · '}
                <span className={`bf-task-${task.status}`}>{t(`approvals.taskStatus.${task.status}`)}</span>
                {task.actedAt ? <span className="bf-muted"> {formatDateTime(task.actedAt)}</span> : null}
              </div>
            ))}
            {s.tasks.length === 0 && s.status === 'waiting' ? (
              <div className="bf-muted">{approverLabel(s.approver, s.approverTarget, t)}</div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
