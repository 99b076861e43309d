import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Skeleton, Typography } from 'antd';
import { CloseCircleOutlined, CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  IMPORTANCE_LABELS,
  IMPORTANCE_LEVELS,
  LEAD_CATEGORIES,
  LEAD_CATEGORY_LABELS,
  LEAD_CHANNEL_LABELS,
  REPLY_METHOD_LABELS,
  REPLY_METHODS,
} from '../../../../../core/intake/labels.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useCurrentUser } from '../../auth/hooks/use-session.ts';
import { lab, langOf, optionsOf } from '../format.ts';
import { useLead, useLeadActions } from '../hooks/use-leads.ts';
import type { ScreenLeadBody } from '../lead-api.ts';

type Outcome = 'reject' | 'forward' | 'keep';

interface Values {
  outcome: Outcome;
  note?: string;
  replyMethod?: string;
  replyAt?: Dayjs;
  replyBy?: string;
  replyContent?: string;
  forwardUnit?: string;
  forwardPerson?: string;
  category?: string;
  assigneeId?: string;
  importance?: string;
}

/**
 * 筛选: the three outcomes of seed 003 as three clear choices, each with its own fields —
 * cannot do / of no use (reply to the customer, then close), another business unit (forward after
 * the sales director approves), keep (classify, assign an account manager).
 */
export function ScreenModal({
  leadId,
  open,
  onClose,
  onDone,
}: {
  leadId: string;
  open: boolean;
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const lead = useLead(leadId);
  const { screen } = useLeadActions(leadId);
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);

  const submit = (v: Values) => {
    const version = lead.data?.version ?? 0;
    let body: ScreenLeadBody;
    switch (v.outcome) {
      case 'reject':
        body = {
          version,
          outcome: 'reject',
          note: v.note ?? '',
          replyMethod: (v.replyMethod ?? 'phone') as 'phone',
          replyAt: (v.replyAt ?? dayjs()).format(),
          replyBy: v.replyBy ?? '',
          replyContent: v.replyContent ?? '',
        };
        break;
      case 'forward':
        body = {
          version,
          outcome: 'forward',
          forwardUnit: v.forwardUnit ?? '',
          forwardPerson: v.forwardPerson ?? '',
          note: v.note ?? null,
        };
        break;
      case 'keep':
        body = {
          version,
          outcome: 'keep',
          category: (v.category ?? 'other') as 'other',
          assigneeId: v.assigneeId ?? '',
          importance: (v.importance ?? null) as 'normal' | null,
          note: v.note ?? null,
        };
        break;
    }
    screen.mutate(body, {
      onSuccess: () => {
        void message.success(t(`leads.screen.done.${v.outcome}`));
        onDone?.();
        onClose();
      },
      onError: (err) => onError(err, { form, onConflict: () => void lead.refetch() }),
    });
  };

  const l = lead.data;
  const choice = (value: Outcome, icon: React.ReactNode) => (
    <Radio.Button value={value} className="bf-screen-choice" data-testid={`screen-${value}`}>
      <span className="bf-screen-choice-title">
        {icon} {t(`leads.screen.outcome.${value}`)}
      </span>
      <span className="bf-screen-choice-hint">{t(`leads.screen.hint.${value}`)}</span>
    </Radio.Button>
  );

  return (
    <Modal
      open={open}
      title={t('leads.screen.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('leads.screen.submit')}
      okButtonProps={{ disabled: !outcome, loading: screen.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={640}
    >
      {!l ? (
        <Skeleton active />
      ) : (
        <>
          <div className="bf-screen-lead">
            <Typography.Text strong>
              {l.code} {l.title}
            </Typography.Text>
            <div className="bf-muted">
              {l.customerName ?? '—'} · {lab(LEAD_CHANNEL_LABELS, l.channel, lang)} · {formatDateTime(l.registeredAt)}
            </div>
            {l.description ? (
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} className="bf-screen-desc">
                {l.description}
              </Typography.Paragraph>
            ) : null}
          </div>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ replyAt: dayjs(), replyBy: me.displayName }}
            requiredMark
          >
            <Form.Item
              name="outcome"
              label={t('leads.screen.outcomeLabel')}
              rules={[{ required: true, message: t('leads.screen.pickOutcome') }]}
            >
              <Radio.Group className="bf-screen-choices">
                {choice('reject', <CloseCircleOutlined />)}
                {choice('forward', <SendOutlined />)}
                {choice('keep', <CheckCircleOutlined />)}
              </Radio.Group>
            </Form.Item>
            {outcome === 'reject' ? (
              <>
                <Form.Item name="note" label={t('leads.screen.rejectReason')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={2} maxLength={2000} placeholder={t('leads.screen.rejectReasonHint')} />
                </Form.Item>
                <div className="bf-in-cols">
                  <Form.Item name="replyMethod" label={t('leads.screen.replyMethod')} rules={[{ required: true }]}>
                    <Select options={optionsOf(REPLY_METHODS, REPLY_METHOD_LABELS, lang)} />
                  </Form.Item>
                  <Form.Item name="replyAt" label={t('leads.screen.replyAt')} rules={[{ required: true }]}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="bf-full-width" />
                  </Form.Item>
                </div>
                <Form.Item name="replyBy" label={t('leads.screen.replyBy')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={64} />
                </Form.Item>
                <Form.Item name="replyContent" label={t('leads.screen.replyContent')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={3} maxLength={2000} placeholder={t('leads.screen.replyContentHint')} />
                </Form.Item>
              </>
            ) : null}
            {outcome === 'forward' ? (
              <>
                <Alert type="info" showIcon title={t('leads.screen.forwardInfo')} className="bf-gap-bottom" />
                <div className="bf-in-cols">
                  <Form.Item name="forwardUnit" label={t('leads.screen.forwardUnit')} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={100} placeholder={t('leads.screen.forwardUnitHint')} />
                  </Form.Item>
                  <Form.Item name="forwardPerson" label={t('leads.screen.forwardPerson')} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={64} placeholder={t('leads.screen.forwardPersonHint')} />
                  </Form.Item>
                </div>
                <Form.Item name="note" label={t('leads.screen.note')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </>
            ) : null}
            {outcome === 'keep' ? (
              <>
                <div className="bf-in-cols">
                  <Form.Item name="category" label={t('leads.screen.category')} rules={[{ required: true }]}>
                    <Select options={optionsOf(LEAD_CATEGORIES, LEAD_CATEGORY_LABELS, lang)} />
                  </Form.Item>
                  <Form.Item
                    name="assigneeId"
                    label={t('leads.screen.assignee')}
                    rules={[{ required: true, message: t('leads.screen.pickAssignee') }]}
                  >
                    <UserPicker
                      source="lead-assignees"
                      enabled={open}
                      placeholder={t('leads.screen.assigneeHint')}
                      notFoundText={null}
                      allowClear={false}
                    />
                  </Form.Item>
                </div>
                <Form.Item name="importance" label={t('leads.f.importance')}>
                  <Select allowClear options={optionsOf(IMPORTANCE_LEVELS, IMPORTANCE_LABELS, lang)} />
                </Form.Item>
                <Form.Item name="note" label={t('leads.screen.note')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </>
            ) : null}
          </Form>
        </>
      )}
    </Modal>
  );
}
