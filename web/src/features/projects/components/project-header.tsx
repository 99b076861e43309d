import { Alert, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { localized, type ProjectDetail } from '../project-api.ts';
import { StatusTag } from './status-tag.tsx';
import { ProjectActions } from './project-actions.tsx';

/**
 * The project header: title and status, the stage path (antd Steps), the next required step
 * with what still blocks it, and the actions the reader may take (Advance is disabled with the
 * reasons from the same stageGate the server enforces).
 */
export function ProjectHeader({ p }: { p: ProjectDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const current = p.stagePath.findIndex((s) => s.state === 'current');
  const failed = ['lost', 'abandoned', 'failed_tender', 'no_go'].includes(p.status);
  const next = p.nextStep;
  return (
    <header className="bf-project-header">
      <div className="bf-page-header">
        <div className="bf-page-header-text">
          <Typography.Title level={1} className="bf-page-title">
            {p.name} <StatusTag status={p.status} />
            {p.bigProject ? <Tag color="purple">{t('projects.flag.big')}</Tag> : null}
            {p.flags.registered ? <Tag color="green">{t('projects.flag.registered')}</Tag> : null}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="bf-page-description">
            {p.code} · {p.customerName} · {t('projects.header.owner', { name: p.team.ownerName })} · {formatMoney(p.amountFen)}
            {p.expectedSignDate ? ` · ${t('projects.header.sign', { date: formatDate(p.expectedSignDate) })}` : ''}
          </Typography.Paragraph>
        </div>
        <div className="bf-page-header-extra">
          <ProjectActions p={p} />
        </div>
      </div>
      <div className="bf-stage-path" role="region" aria-label={t('projects.header.path')} tabIndex={0}>
        <Steps
          size="small"
          current={current < 0 ? 0 : current}
          status={p.flags.closed ? 'finish' : failed ? 'error' : 'process'}
          items={p.stagePath.map((s) => ({
            title: lang === 'en' ? s.nameEn : s.nameZh,
            content:
              s.state === 'skipped'
                ? t('projects.header.skipped')
                : s.enteredAt && s.state !== 'upcoming'
                  ? formatDate(s.enteredAt)
                  : undefined,
            ...(s.state === 'skipped' ? { status: 'wait' as const } : {}),
          }))}
        />
      </div>
      {next.code !== 'none' ? (
        <Alert
          className="bf-next-step"
          type={next.blockedBy.length ? 'warning' : 'info'}
          showIcon
          title={
            <span data-testid="next-step">
              {t('projects.header.next')}
              {localized(next, lang)}
            </span>
          }
          description={
            next.blockedBy.length ? (
              <ul className="bf-gate-reasons">
                {next.blockedBy.map((r) => (
                  <li key={`${r.code}:${r.field ?? r.approval ?? ''}`}>{localized(r, lang)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : p.status === 'no_go' && p.noGoReason ? (
        <Alert className="bf-next-step" type="info" showIcon title={t('projects.header.noGo', { reason: p.noGoReason })} />
      ) : null}
    </header>
  );
}
