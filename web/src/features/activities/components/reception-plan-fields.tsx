import { Alert, Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format.ts';
import { toFen } from '../../leads/format.ts';
import type { BudgetLine, ScheduleLine } from './activity-form-values.ts';

const required = { required: true, whitespace: true };

/** The reception plan: visitors, period, schedule lines and budget lines (submitted to the marketing manager). */
export function ReceptionPlanFields({ customerField, budgetItems }: { customerField: ReactNode; budgetItems: BudgetLine[] | undefined }) {
  const { t } = useTranslation();
  const budgetSum = (budgetItems ?? []).reduce((s, b) => s + (toFen(b?.amountYuan) ?? 0), 0);
  return (
    <>
      {customerField}
      <Form.Item name="subject" label={t('activities.f.visitPurpose')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="visitors" label={t('activities.f.visitors')} rules={[required]}>
        <Input maxLength={500} placeholder={t('activities.visitorsHint')} />
      </Form.Item>
      <Form.Item name="period" label={t('activities.f.period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker className="bf-full-width" />
      </Form.Item>
      <Form.Item name="participants" label={t('activities.f.hosts')}>
        <Input maxLength={500} />
      </Form.Item>
      <div className="bf-in-section-title">{t('activities.f.schedule')}</div>
      <Form.List
        name="schedule"
        rules={[
          {
            validator: async (_r, v: ScheduleLine[]) => {
              if (!v || v.length === 0) throw new Error(t('activities.scheduleRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} className="bf-schedule-row">
                <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: t('activities.f.date') }]}>
                  <DatePicker placeholder={t('activities.f.date')} className="bf-full-width" />
                </Form.Item>
                <Form.Item name={[f.name, 'time']}>
                  <Input placeholder={t('activities.f.time')} maxLength={20} />
                </Form.Item>
                <Form.Item name={[f.name, 'item']} rules={[{ required: true, whitespace: true, message: t('activities.f.item') }]}>
                  <Input placeholder={t('activities.f.item')} maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'place']}>
                  <Input placeholder={t('activities.f.place')} maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'hosts']}>
                  <Input placeholder={t('activities.f.accompany')} maxLength={200} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('activities.removeLine')} onClick={() => remove(f.name)} />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} className="bf-gap-bottom">
              {t('activities.addScheduleLine')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Form.Item
        name="budgetYuan"
        label={t('activities.f.budget')}
        rules={[{ required: true }]}
        extra={budgetItems && budgetItems.length > 0 ? t('activities.budgetItemsSum', { sum: formatMoney(budgetSum) }) : undefined}
      >
        <InputNumber<number> min={0} precision={2} prefix="¥" className="bf-full-width" />
      </Form.Item>
      <Form.List name="budgetItems">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'item']} rules={[{ required: true, whitespace: true, message: t('activities.f.budgetItem') }]}>
                  <Input placeholder={t('activities.f.budgetItem')} maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true, message: t('activities.f.amount') }]}>
                  <InputNumber<number> min={0} precision={2} prefix="¥" placeholder={t('activities.f.amount')} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('activities.removeLine')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} className="bf-gap-bottom">
              {t('activities.addBudgetLine')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="content" label={t('activities.f.notes')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Alert type="info" showIcon title={t('activities.planInfo')} className="bf-gap-bottom" />
    </>
  );
}
