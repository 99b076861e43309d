import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  IMPORTANCE_LABELS,
  LEAD_CATEGORY_LABELS,
  LEAD_CHANNEL_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  REPLY_METHOD_LABELS,
  SCREENING_OUTCOME_LABELS,
} from '../../../../../core/intake/labels.ts';
import { MAX_ATTACHMENT_MB } from '../../../../../core/approvals/attachments.ts';
import { api, isApiError } from '../../../shared/api/client.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime, formatMoney } from '../../../shared/format.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { fileToBase64, lab, langOf } from '../format.ts';
import { LEADS_KEY, useLead } from '../hooks/use-leads.ts';
import { LeadStateTag } from '../components/lead-tags.tsx';
import { ScreenModal } from '../components/screen-modal.tsx';
import { LeadActionModal, type LeadModalKind } from '../components/lead-action-modals.tsx';
import '../leads.css';

const DEADLINE_COLOR: Record<string, string> = {
  running: 'processing',
  paused: 'warning',
  met: 'success',
  breached: 'error',
  cancelled: 'default',
};

/** One piece of information: its record, screening, evaluation, deadlines, original material, approval and timeline. */
export function LeadDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const lead = useLead(id);
  const [screening, setScreening] = useState(false);
  const [modal, setModal] = useState<LeadModalKind | null>(null);
  const [uploading, setUploading] = useState(false);

  if (lead.error && !lead.data) {
    if (isApiError(lead.error) && lead.error.status === 404) {
      return <Result status="404" title={t('leads.notFound')} extra={<Link to="/leads">{t('leads.backToList')}</Link>} />;
    }
    return <LoadError error={lead.error} onRetry={() => void lead.refetch()} />;
  }
  const l = lead.data;
  if (!l) return <Skeleton active />;
  const allowed = new Set(l.allowedActions);

  const upload = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_MB * 1024 * 1024) {
      void message.error(t('leads.attachments.tooLarge', { name: file.name, mb: MAX_ATTACHMENT_MB }));
      return;
    }
    setUploading(true);
    try {
      await api('POST /leads/:id/attachments', {
        params: { id: l.id },
        body: { fileName: file.name, contentBase64: await fileToBase64(file) },
      });
      await qc.invalidateQueries({ queryKey: LEADS_KEY });
      void message.success(t('leads.attachments.uploaded', { name: file.name }));
    } catch (err) {
      void message.error(isApiError(err) ? (Object.values(err.fields)[0] ?? err.message) : t('common.unexpectedError'));
    } finally {
      setUploading(false);
    }
  };

  const actions = (
    <Space wrap>
      {allowed.has('screen') ? (
        <Button type="primary" onClick={() => setScreening(true)} data-testid="lead-screen">
          {t('leads.screen.button')}
        </Button>
      ) : null}
      {allowed.has('evaluate') ? (
        <Button type="primary" onClick={() => setModal('evaluate')}>
          {t('leads.evaluate.button')}
        </Button>
      ) : null}
      {allowed.has('escalate') ? <Button onClick={() => setModal('escalate')}>{t('leads.escalate.button')}</Button> : null}
      {allowed.has('decide') ? (
        <Button type="primary" onClick={() => setModal('decide')}>
          {t('leads.decide.button')}
        </Button>
      ) : null}
      {allowed.has('resolve_conflict') ? (
        <Button type="primary" danger onClick={() => setModal('resolve')}>
          {t('leads.resolve.button')}
        </Button>
      ) : null}
      {allowed.has('convert') && can(me, 'project.create') ? (
        <Button type="primary" onClick={() => void navigate(`/projects/new?leadId=${l.id}`)}>
          {t('leads.convert')}
        </Button>
      ) : null}
      {allowed.has('edit') ? <Button onClick={() => setModal('edit')}>{t('leads.edit.button')}</Button> : null}
    </Space>
  );

  const s = l.screening;
  return (
    <>
      <Link to="/leads" className="bf-in-back">
        <ArrowLeftOutlined /> {t('leads.backToList')}
      </Link>
      <PageHeader
        title={
          <>
            {l.title} <span className="bf-muted bf-lead-code">{l.code}</span>
          </>
        }
        description={<LeadStateTag state={l.state} conflictState={l.conflictState} />}
        extra={actions}
      />
      <div className="bf-two-columns">
        <Card size="small" title={t('leads.section.info')}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'customer',
                label: t('leads.f.customer'),
                children: l.customerId ? <Link to={`/customers/${l.customerId}`}>{l.customerName}</Link> : (l.customerName ?? '—'),
              },
              { key: 'channel', label: t('leads.f.channel'), children: lab(LEAD_CHANNEL_LABELS, l.channel, lang) },
              { key: 'contact', label: t('leads.f.contact'), children: [l.contactName, l.contactPhone].filter(Boolean).join(' · ') || '—' },
              {
                key: 'amount',
                label: t('leads.f.amount'),
                children: l.estimatedAmountFen === null ? '—' : formatMoney(l.estimatedAmountFen),
              },
              {
                key: 'registered',
                label: t('leads.f.registeredBy'),
                children: `${l.registeredByName ?? '—'} · ${formatDateTime(l.registeredAt)}`,
              },
              { key: 'description', label: t('leads.f.description'), children: <span className="bf-in-pre">{l.description ?? '—'}</span> },
              ...(l.partnerName
                ? [
                    {
                      key: 'partner',
                      label: t('leads.f.partner'),
                      children: l.partnerId ? <Link to={`/partners/${l.partnerId}`}>{l.partnerName}</Link> : l.partnerName,
                    },
                    {
                      key: 'protected',
                      label: t('leads.f.protectedUntil'),
                      children: l.protectedUntil ? formatDateTime(l.protectedUntil) : t('leads.notProtected'),
                    },
                  ]
                : []),
            ]}
          />
          {l.conflictWith.length > 0 ? (
            <div className="bf-conflicts">
              <Typography.Text type={l.conflictState === 'pending' ? 'danger' : 'secondary'}>{t('leads.conflictsTitle')}</Typography.Text>
              <ul className="bf-in-dups">
                {l.conflictWith.map((c) => (
                  <li key={`${c.kind}-${c.id}`}>
                    {t(`leads.conflictKind.${c.kind}`, { defaultValue: c.kind })}：{c.label}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card size="small" title={t('leads.section.handling')}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'outcome',
                label: t('leads.screen.outcomeLabel'),
                children: s.outcome ? lab(SCREENING_OUTCOME_LABELS, s.outcome, lang) : t('leads.notScreened'),
              },
              ...(s.byName ? [{ key: 'by', label: t('leads.screen.by'), children: `${s.byName} · ${formatDateTime(s.at)}` }] : []),
              ...(s.note ? [{ key: 'note', label: t('leads.screen.note'), children: <span className="bf-in-pre">{s.note}</span> }] : []),
              ...(s.replyMethod
                ? [
                    {
                      key: 'reply',
                      label: t('leads.screen.reply'),
                      children: `${lab(REPLY_METHOD_LABELS, s.replyMethod, lang)} · ${s.replyBy ?? ''} · ${formatDateTime(s.replyAt)}：${s.replyContent ?? ''}`,
                    },
                  ]
                : []),
              ...(s.forwardUnit
                ? [{ key: 'forward', label: t('leads.screen.forwardTo'), children: `${s.forwardUnit}（${s.forwardPerson ?? ''}）` }]
                : []),
              ...(l.category
                ? [{ key: 'category', label: t('leads.screen.category'), children: lab(LEAD_CATEGORY_LABELS, l.category, lang) }]
                : []),
              ...(l.assigneeName ? [{ key: 'assignee', label: t('leads.f.assignee'), children: l.assigneeName }] : []),
              ...(l.participationLevel
                ? [
                    {
                      key: 'level',
                      label: t('leads.f.participation'),
                      children: lab(PARTICIPATION_LEVEL_LABELS, l.participationLevel, lang),
                    },
                  ]
                : []),
              ...(l.importance
                ? [{ key: 'importance', label: t('leads.f.importance'), children: lab(IMPORTANCE_LABELS, l.importance, lang) }]
                : []),
              ...(l.evaluation
                ? [{ key: 'evaluation', label: t('leads.evaluate.text'), children: <span className="bf-in-pre">{l.evaluation}</span> }]
                : []),
              ...(l.escalationReason ? [{ key: 'escalation', label: t('leads.escalate.reason'), children: l.escalationReason }] : []),
              ...(l.approval
                ? [
                    {
                      key: 'approval',
                      label: t('leads.approval'),
                      children: (
                        <Link to={l.approval.link}>{t(`leads.approvalState.${l.approval.state}`, { defaultValue: l.approval.state })}</Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card size="small" title={t('leads.section.deadlines')}>
          {l.deadlines.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leads.noDeadlines')} />
          ) : (
            <ul className="bf-in-list">
              {l.deadlines.map((d) => (
                <li key={d.id}>
                  <Tag color={DEADLINE_COLOR[d.state] ?? 'default'}>{t(`leads.deadlineState.${d.state}`, { defaultValue: d.state })}</Tag>
                  {t(`leads.step.${d.step}`, { defaultValue: d.step })} · {d.ownerName ?? '—'} ·{' '}
                  {t('leads.dueAt', { at: formatDateTime(d.dueAt) })}
                  {d.completedAt ? (
                    <span className="bf-muted">（{t('leads.completedAt', { at: formatDateTime(d.completedAt) })}）</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card
          size="small"
          title={t('leads.attachments.title')}
          extra={
            allowed.has('attach') ? (
              <Upload
                showUploadList={false}
                beforeUpload={(f) => {
                  void upload(f);
                  return false;
                }}
              >
                <Button size="small" icon={<PaperClipOutlined />} loading={uploading}>
                  {t('leads.attachments.add')}
                </Button>
              </Upload>
            ) : null
          }
        >
          {l.attachments.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leads.attachments.none')} />
          ) : (
            <ul className="bf-in-list">
              {l.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/leads/${l.id}/attachments/${a.id}`} download={a.fileName}>
                    <DownloadOutlined /> {a.fileName}
                  </a>
                  <span className="bf-muted">
                    {' '}
                    · {(a.size / 1024).toFixed(1)} KB · {a.uploadedByName ?? ''} · {formatDateTime(a.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card size="small" title={t('leads.section.timeline')} className="bf-lead-timeline">
        <Timeline
          items={l.timeline.map((e) => ({
            key: String(e.id),
            content: (
              <div>
                <div>{e.title}</div>
                {e.summary ? <div className="bf-muted bf-in-pre">{e.summary}</div> : null}
                <div className="bf-muted bf-in-small">
                  {formatDateTime(e.at)} · {e.actorName ?? ''}
                </div>
              </div>
            ),
          }))}
        />
      </Card>
      {screening ? <ScreenModal leadId={l.id} open onClose={() => setScreening(false)} /> : null}
      {modal ? <LeadActionModal lead={l} kind={modal} onClose={() => setModal(null)} onConflict={() => void lead.refetch()} /> : null}
    </>
  );
}
