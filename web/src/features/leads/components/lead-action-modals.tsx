import { Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  IMPORTANCE_LABELS,
  IMPORTANCE_LEVELS,
  LEAD_CATEGORIES,
  LEAD_CATEGORY_LABELS,
  LEAD_CHANNEL_LABELS,
  LEAD_CHANNELS,
  PARTICIPATION_LEVEL_LABELS,
  PARTICIPATION_LEVELS,
} from '../../../../../core/intake/labels.ts';
import { isApiError } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { langOf, optionsOf, toFen, toYuan } from '../format.ts';
import type { LeadDetail } from '../lead-api.ts';
import { useLeadActions } from '../hooks/use-leads.ts';

export type LeadModalKind = 'evaluate' | 'escalate' | 'decide' | 'resolve' | 'edit';

interface Props {
  lead: LeadDetail;
  kind: LeadModalKind;
  onClose: () => void;
  onConflict: () => void;
}

/** The lead's other actions: preliminary evaluation, escalation, the director's decision and conflict ruling, editing. */
export function LeadActionModal({ lead, kind, onClose, onConflict }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const message = useMessage();
  const onError = useApiErrorHandler();
  const actions = useLeadActions(lead.id);
  const [form] = Form.useForm<Record<string, unknown>>();
  const version = lead.version;

  const done = (key: string) => () => {
    void message.success(t(key));
    onClose();
  };
  const fail = (err: unknown) => {
    if (isApiError(err) && err.code === 'lead_duplicate') {
      void message.error(err.message);
      return;
    }
    onError(err, { form, onConflict });
  };

  const submit = (v: Record<string, unknown>) => {
    const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
    switch (kind) {
      case 'evaluate':
        actions.evaluate.mutate(
          {
            version,
            evaluation: str('evaluation'),
            complete: v.complete === true,
            participationLevel: (v.participationLevel ?? null) as 'lead' | null,
            importance: (v.importance ?? null) as 'key' | null,
          },
          { onSuccess: done(v.complete === true ? 'leads.evaluate.doneComplete' : 'leads.evaluate.doneDraft'), onError: fail },
        );
        return;
      case 'escalate':
        actions.escalate.mutate({ version, reason: str('reason') }, { onSuccess: done('leads.escalate.done'), onError: fail });
        return;
      case 'decide':
        actions.decide.mutate(
          {
            version,
            participationLevel: str('participationLevel') as 'lead',
            importance: str('importance') as 'key',
            note: str('note') || null,
          },
          { onSuccess: done('leads.decide.done'), onError: fail },
        );
        return;
      case 'resolve':
        actions.resolve.mutate(
          { version, decision: str('decision') as 'accept', note: str('note') || null },
          { onSuccess: done('leads.resolve.done'), onError: fail },
        );
        return;
      case 'edit':
        actions.update.mutate(
          {
            version,
            title: str('title'),
            channel: str('channel') as 'phone',
            contactName: str('contactName') || null,
            contactPhone: str('contactPhone') || null,
            description: str('description') || null,
            estimatedAmountFen: toFen(v.amountYuan as number | null | undefined),
            ...(lead.customerId ? {} : { customerName: str('customerName') || null }),
            ...(lead.state !== 'registered' ? { category: (v.category ?? null) as 'other' | null } : {}),
            confirmDuplicate: v.confirmDuplicate === true,
          },
          { onSuccess: done('leads.edit.done'), onError: fail },
        );
        return;
    }
  };

  const pending = Object.values(actions).some((a) => a.isPending);
  const initial: Record<string, unknown> =
    kind === 'evaluate'
      ? {
          evaluation: lead.evaluation ?? '',
          participationLevel: lead.participationLevel ?? undefined,
          importance: lead.importance ?? undefined,
          complete: false,
        }
      : kind === 'decide'
        ? { participationLevel: lead.participationLevel ?? undefined, importance: lead.importance ?? undefined }
        : kind === 'resolve'
          ? { decision: 'accept' }
          : kind === 'edit'
            ? {
                title: lead.title,
                channel: lead.channel,
                customerName: lead.customerName ?? '',
                contactName: lead.contactName ?? '',
                contactPhone: lead.contactPhone ?? '',
                description: lead.description ?? '',
                amountYuan: toYuan(lead.estimatedAmountFen),
                category: lead.category ?? undefined,
              }
            : {};
  const decision = Form.useWatch('decision', form);

  return (
    <Modal
      open
      title={t(`leads.${kind}.title`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`leads.${kind}.submit`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: pending }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {kind === 'evaluate' ? (
          <>
            <Form.Item
              name="evaluation"
              label={t('leads.evaluate.text')}
              rules={[{ required: true, whitespace: true }]}
              extra={t('leads.evaluate.hint')}
            >
              <Input.TextArea rows={5} maxLength={5000} />
            </Form.Item>
            <div className="bf-in-cols">
              <Form.Item name="participationLevel" label={t('leads.f.participation')}>
                <Select allowClear options={optionsOf(PARTICIPATION_LEVELS, PARTICIPATION_LEVEL_LABELS, lang)} />
              </Form.Item>
              <Form.Item name="importance" label={t('leads.f.importance')}>
                <Select allowClear options={optionsOf(IMPORTANCE_LEVELS, IMPORTANCE_LABELS, lang)} />
              </Form.Item>
            </div>
            <Form.Item name="complete" valuePropName="checked">
              <Checkbox>{t('leads.evaluate.complete')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        {kind === 'escalate' ? (
          <Form.Item
            name="reason"
            label={t('leads.escalate.reason')}
            rules={[{ required: true, whitespace: true }]}
            extra={t('leads.escalate.hint')}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        ) : null}
        {kind === 'decide' ? (
          <>
            {lead.escalationReason ? <p className="bf-muted">{t('leads.decide.reason', { reason: lead.escalationReason })}</p> : null}
            <Form.Item name="participationLevel" label={t('leads.f.participation')} rules={[{ required: true }]}>
              <Radio.Group options={optionsOf(PARTICIPATION_LEVELS, PARTICIPATION_LEVEL_LABELS, lang)} />
            </Form.Item>
            <Form.Item name="importance" label={t('leads.f.importance')} rules={[{ required: true }]}>
              <Radio.Group options={optionsOf(IMPORTANCE_LEVELS, IMPORTANCE_LABELS, lang)} />
            </Form.Item>
            <Form.Item name="note" label={t('leads.screen.note')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'resolve' ? (
          <>
            <ul className="bf-in-dups">
              {lead.conflictWith.map((c) => (
                <li key={`${c.kind}-${c.id}`}>
                  {t(`leads.conflictKind.${c.kind}`, { defaultValue: c.kind })}：{c.label}
                </li>
              ))}
            </ul>
            <Form.Item name="decision" label={t('leads.resolve.decision')} rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'accept', label: t('leads.resolve.accept') },
                  { value: 'reject', label: t('leads.resolve.reject') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('leads.resolve.note')}
              rules={decision === 'reject' ? [{ required: true, whitespace: true }] : []}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'edit' ? (
          <>
            <Form.Item name="title" label={t('leads.f.title')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="channel" label={t('leads.f.channel')} rules={[{ required: true }]}>
              <Select options={optionsOf(LEAD_CHANNELS, LEAD_CHANNEL_LABELS, lang)} />
            </Form.Item>
            {lead.customerId ? null : (
              <Form.Item name="customerName" label={t('leads.f.customer')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            )}
            <div className="bf-in-cols">
              <Form.Item name="contactName" label={t('leads.f.contact')}>
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item name="contactPhone" label={t('leads.f.phone')}>
                <Input maxLength={40} />
              </Form.Item>
            </div>
            <Form.Item name="amountYuan" label={t('leads.f.amountYuan')}>
              <InputNumber<number> min={0} precision={2} prefix="¥" className="bf-full-width" />
            </Form.Item>
            {lead.state !== 'registered' ? (
              <Form.Item name="category" label={t('leads.screen.category')}>
                <Select allowClear options={optionsOf(LEAD_CATEGORIES, LEAD_CATEGORY_LABELS, lang)} />
              </Form.Item>
            ) : null}
            <Form.Item name="description" label={t('leads.f.description')}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name="confirmDuplicate" valuePropName="checked">
              <Checkbox>{t('leads.edit.confirmDuplicate')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
