import { Alert, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMUNICATION_CHANNEL_LABELS, COMMUNICATION_CHANNELS } from '../../../../../core/activities/activity-types.ts';
import { langOf, optionsOf } from '../../leads/format.ts';

const required = { required: true, whitespace: true };

/** The visit log's quick entry: customer, contact, purpose, result, next step. */
export function VisitFields({ customerField }: { customerField: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {customerField}
      <Form.Item name="contactName" label={t('activities.f.contact')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="subject" label={t('activities.f.purpose')} rules={[required]}>
        <Input maxLength={200} placeholder={t('activities.purposeHint')} />
      </Form.Item>
      <Form.Item name="result" label={t('activities.f.result')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('activities.f.nextSteps')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="logDate" label={t('activities.f.logDate')} rules={[{ required: true }]}>
        <DatePicker className="bf-full-width" disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly />
      </Form.Item>
      <Form.Item name="content" label={t('activities.f.notes')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
    </>
  );
}

/** The negotiation record. */
export function NegotiationFields({ customerField }: { customerField: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {customerField}
      <div className="bf-in-cols">
        <Form.Item name="occurredAt" label={t('activities.f.occurredAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="bf-full-width" />
        </Form.Item>
        <Form.Item name="location" label={t('activities.f.location')}>
          <Input maxLength={200} />
        </Form.Item>
      </div>
      <Form.Item name="subject" label={t('activities.f.negotiationPurpose')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="participants" label={t('activities.f.participantsBoth')} rules={[required]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="content" label={t('activities.f.talk')} rules={[required]}>
        <Input.TextArea rows={5} maxLength={10000} />
      </Form.Item>
      <Form.Item name="result" label={t('activities.f.agreed')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('activities.f.nextSteps')} rules={[required]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Alert type="info" showIcon title={t('activities.negotiationInfo')} className="bf-gap-bottom" />
    </>
  );
}

/** The communication record. */
export function CommunicationFields({ customerField }: { customerField: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <>
      {customerField}
      <div className="bf-in-cols">
        <Form.Item name="occurredAt" label={t('activities.f.occurredAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="bf-full-width" />
        </Form.Item>
        <Form.Item name="channel" label={t('activities.f.channel')} rules={[{ required: true }]}>
          <Select options={optionsOf(COMMUNICATION_CHANNELS, COMMUNICATION_CHANNEL_LABELS, lang)} />
        </Form.Item>
      </div>
      <Form.Item name="participants" label={t('activities.f.participants')} rules={[required]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="content" label={t('activities.f.content')} rules={[required]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="result" label={t('activities.f.result')} rules={[required]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('activities.f.nextSteps')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** The summary of an approved reception plan. */
export function ReceptionSummaryFields({ planId }: { planId: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {!planId ? <Alert type="warning" showIcon title={t('activities.summaryNeedsPlan')} className="bf-gap-bottom" /> : null}
      <Form.Item name="content" label={t('activities.f.receptionProcess')} rules={[required]}>
        <Input.TextArea rows={5} maxLength={10000} />
      </Form.Item>
      <Form.Item name="result" label={t('activities.f.feedback')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('activities.f.followUp')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="participants" label={t('activities.f.hosts')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="actualCostYuan" label={t('activities.f.actualCost')}>
        <InputNumber<number> min={0} precision={2} prefix="¥" className="bf-full-width" />
      </Form.Item>
    </>
  );
}
