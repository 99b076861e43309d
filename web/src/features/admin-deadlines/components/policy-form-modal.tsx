import { useEffect } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import type { DeadlineKind, DeadlinePolicy, ReminderUnit } from '../deadline-api.ts';
import { useUpdateDeadlinePolicy } from '../hooks/use-deadlines.ts';

interface Values {
  nameZh: string;
  nameEn: string;
  kind: DeadlineKind;
  amount: number;
  toleranceWorkingDays: number;
  remindBefore: Array<{ amount: number; unit: ReminderUnit }>;
  escalate: boolean;
  escalationIntervalWorkingDays: number;
}

const KINDS: DeadlineKind[] = ['working_days', 'working_hours', 'calendar_days'];
const UNITS: ReminderUnit[] = ['working_days', 'working_hours', 'calendar_days'];
const FORM_ID = 'deadline-policy-form';

/** Edits a 时限规则: length and unit, tolerance, reminders before the due time, escalation. */
export function PolicyFormModal({ policy, onClose }: { policy: DeadlinePolicy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const update = useUpdateDeadlinePolicy();
  const handleError = useApiErrorHandler();
  const escalate = Form.useWatch('escalate', form) ?? false;

  useEffect(() => {
    if (policy) {
      form.setFieldsValue({
        nameZh: policy.nameZh,
        nameEn: policy.nameEn,
        kind: policy.kind,
        amount: policy.amount,
        toleranceWorkingDays: policy.toleranceWorkingDays,
        remindBefore: policy.remindBefore,
        escalate: policy.escalate,
        escalationIntervalWorkingDays: policy.escalationIntervalWorkingDays,
      });
    }
  }, [policy, form]);

  const onFinish = (values: Values) => {
    if (!policy) return;
    update.mutate(
      { id: policy.id, body: { version: policy.version, ...values } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => handleError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open={policy !== null}
      title={t('deadlines.editPolicy', { name: policy?.name ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID, loading: update.isPending }}
      width={620}
    >
      <Typography.Paragraph type="secondary">{t('deadlines.editPolicyHelp')}</Typography.Paragraph>
      <Form<Values> id={FORM_ID} form={form} layout="vertical" onFinish={onFinish}>
        <div className="bf-dl-two">
          <Form.Item name="nameZh" label={t('deadlines.nameZh')} rules={[{ required: true }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('deadlines.nameEn')} rules={[{ required: true }]}>
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <div className="bf-dl-two">
          <Form.Item name="amount" label={t('deadlines.amount')} rules={[{ required: true }]}>
            <InputNumber min={0} max={2000} precision={0} className="bf-full-width" />
          </Form.Item>
          <Form.Item name="kind" label={t('deadlines.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`deadlines.kindName.${k}`) }))} />
          </Form.Item>
        </div>
        <Form.Item
          name="toleranceWorkingDays"
          label={t('deadlines.tolerance')}
          extra={t('deadlines.toleranceHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={60} precision={0} suffix={t('deadlines.workingDaysSuffix')} className="bf-number-input" />
        </Form.Item>
        <Typography.Text strong>{t('deadlines.reminders')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('deadlines.remindersHelp')}</Typography.Paragraph>
        <Form.List name="remindBefore">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} className="bf-dl-reminder-row">
                  <Typography.Text>{t('deadlines.reminderN', { n: i + 1 })}</Typography.Text>
                  <Form.Item name={[field.name, 'amount']} rules={[{ required: true }]} noStyle>
                    <InputNumber
                      min={1}
                      max={365}
                      precision={0}
                      aria-label={t('deadlines.reminderAmount', { n: i + 1 })}
                      className="bf-dl-reminder-amount"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} rules={[{ required: true }]} noStyle>
                    <Select
                      aria-label={t('deadlines.reminderUnit', { n: i + 1 })}
                      className="bf-dl-reminder-unit"
                      options={UNITS.map((u) => ({ value: u, label: t(`deadlines.kindName.${u}`) }))}
                    />
                  </Form.Item>
                  <Typography.Text type="secondary">{t('deadlines.beforeDue')}</Typography.Text>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('deadlines.removeReminder', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Form.Item>
                <Button icon={<PlusOutlined />} disabled={fields.length >= 5} onClick={() => add({ amount: 1, unit: 'working_days' })}>
                  {t('deadlines.addReminder')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="escalate" label={t('deadlines.escalate')} valuePropName="checked" extra={t('deadlines.escalateHelp')}>
          <Switch />
        </Form.Item>
        {escalate ? (
          <Form.Item
            name="escalationIntervalWorkingDays"
            label={t('deadlines.escalationInterval')}
            extra={t('deadlines.escalationIntervalHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={60} precision={0} suffix={t('deadlines.workingDaysSuffix')} className="bf-number-input" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
