import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Modal, Result, Skeleton, Space, Tag, Timeline } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CASE_CHANNEL_LABELS, CASE_KIND_LABELS, CASE_STATE_LABELS } from '../../../../../core/cases/case-rules.ts';
import { api, isApiError } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { lab, langOf } from '../../leads/format.ts';
import { DueText } from '../../leads/components/lead-tags.tsx';
import type { CaseDetail } from '../case-api.ts';
import { CASES_KEY, caseStateColor } from '../format.ts';
import '../../leads/leads.css';

type Action = 'assign' | 'answer' | 'close';

/** One inquiry or complaint: assign a handler, record the answer within the deadline, close. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<{ assigneeId?: string; answer?: string; note?: string }>();
  const q = useQuery({
    queryKey: [...CASES_KEY, 'detail', id],
    queryFn: ({ signal }) => api('GET /cases/:id', { params: { id }, signal }),
  });
  const run = useMutation({
    mutationFn: (v: { assigneeId?: string; answer?: string; note?: string }): Promise<CaseDetail> => {
      const version = q.data?.version ?? 0;
      if (action === 'assign') return api('POST /cases/:id/assign', { params: { id }, body: { version, assigneeId: v.assigneeId ?? '' } });
      if (action === 'answer') return api('POST /cases/:id/answer', { params: { id }, body: { version, answer: v.answer ?? '' } });
      return api('POST /cases/:id/close', { params: { id }, body: { version, note: v.note ?? null } });
    },
    onSuccess: (c) => {
      qc.setQueryData([...CASES_KEY, 'detail', id], c);
      void qc.invalidateQueries({ queryKey: CASES_KEY });
      void message.success(t(`cases.done.${action ?? 'close'}`));
      setAction(null);
      form.resetFields();
    },
    onError: (err) => onError(err, { form, onConflict: () => void q.refetch() }),
  });

  if (q.error && !q.data) {
    if (isApiError(q.error) && q.error.status === 404)
      return <Result status="404" title={t('cases.notFound')} extra={<Link to="/cases">{t('cases.backToList')}</Link>} />;
    return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const c = q.data;
  if (!c) return <Skeleton active />;
  const open = c.state === 'open' || c.state === 'assigned';
  return (
    <>
      <Link to="/cases" className="bf-in-back">
        <ArrowLeftOutlined /> {t('cases.backToList')}
      </Link>
      <PageHeader
        title={
          <>
            {c.subject} <span className="bf-muted bf-lead-code">{c.code}</span>
          </>
        }
        description={
          <Space wrap>
            <Tag color={c.kind === 'complaint' ? 'error' : 'processing'}>{lab(CASE_KIND_LABELS, c.kind, lang)}</Tag>
            <Tag color={caseStateColor(c.state)}>{lab(CASE_STATE_LABELS, c.state, lang)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {c.can.answer ? (
              <Button type="primary" onClick={() => setAction('answer')}>
                {t('cases.answer')}
              </Button>
            ) : null}
            {c.can.assign ? (
              <Button onClick={() => setAction('assign')}>{c.assigneeId ? t('cases.reassign') : t('cases.assign')}</Button>
            ) : null}
            {c.can.close ? <Button onClick={() => setAction('close')}>{t('cases.close')}</Button> : null}
          </Space>
        }
      />
      <div className="bf-two-columns">
        <Card size="small" title={t('cases.section.case')}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'customer',
                label: t('cases.f.customer'),
                children: c.customerId ? <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link> : '—',
              },
              { key: 'channel', label: t('cases.f.channel'), children: lab(CASE_CHANNEL_LABELS, c.channel, lang) },
              { key: 'received', label: t('cases.f.receivedAt'), children: `${formatDateTime(c.receivedAt)} · ${c.ownerName ?? ''}` },
              { key: 'content', label: t('cases.f.content'), children: <span className="bf-in-pre">{c.content ?? ''}</span> },
            ]}
          />
        </Card>
        <Card size="small" title={t('cases.section.handling')}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'assignee', label: t('cases.f.assignee'), children: c.assigneeName ?? t('cases.unassigned') },
              {
                key: 'due',
                label: t('cases.f.due'),
                children: open ? (
                  <DueText dueAt={c.dueAt} overdue={c.overdue} />
                ) : (
                  t(`leads.deadlineState.${c.deadlineState ?? 'met'}`, { defaultValue: '—' })
                ),
              },
              ...(c.answer ? [{ key: 'answer', label: t('cases.f.answer'), children: <span className="bf-in-pre">{c.answer}</span> }] : []),
              ...(c.answeredAt ? [{ key: 'answeredAt', label: t('cases.f.answeredAt'), children: formatDateTime(c.answeredAt) }] : []),
            ]}
          />
        </Card>
      </div>
      <Card size="small" title={t('cases.section.timeline')} className="bf-lead-timeline">
        <Timeline
          items={c.timeline.map((e) => ({
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
      <Modal
        open={action !== null}
        title={action ? t(`cases.${action}`) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: run.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
          {action === 'assign' ? (
            <Form.Item name="assigneeId" label={t('cases.f.assignee')} rules={[{ required: true }]} extra={t('cases.assigneeHint')}>
              <UserPicker source="colleagues" departmentLabel="brackets" placeholder={null} notFoundText={null} allowClear={false} />
            </Form.Item>
          ) : null}
          {action === 'answer' ? (
            <Form.Item
              name="answer"
              label={t('cases.f.answer')}
              rules={[{ required: true, whitespace: true }]}
              extra={t('cases.answerHint')}
            >
              <Input.TextArea rows={5} maxLength={5000} />
            </Form.Item>
          ) : null}
          {action === 'close' ? (
            <Form.Item
              name="note"
              label={t('cases.closeNote')}
              rules={open ? [{ required: true, whitespace: true }] : []}
              extra={open ? t('cases.closeNoteHint') : undefined}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
