import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OUTCOME_REASONS, outcomeNeedsReason, type Outcome, type OutcomeReason } from '../../../../../core/projects/rules.ts';
import type { OutcomeBody } from '../project-api.ts';
import { MoneyInput, yuanToFen } from './money-input.tsx';

interface Values {
  outcome: Outcome;
  reason?: OutcomeReason;
  winningCompetitor?: string;
  winningPriceYuan?: number | null;
  note?: string;
}

/** 记录结果: won / lost / abandoned / failed tender (流标), the reason, the winner and price when known. */
export function OutcomeDialog({
  open,
  onClose,
  allowed,
  busy,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  allowed: Outcome[];
  busy: boolean;
  onSubmit: (body: Omit<OutcomeBody, 'version'>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const submit = async () => {
    const v = await form.validateFields();
    await onSubmit({
      outcome: v.outcome,
      reason: v.reason ?? null,
      winningCompetitor: v.winningCompetitor?.trim() || null,
      winningPriceFen: yuanToFen(v.winningPriceYuan),
      note: v.note?.trim() || null,
    });
  };
  return (
    <Modal
      open={open}
      title={t('projects.outcome.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden
      okText={t('projects.outcome.save')}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ outcome: allowed[0] }}>
        <Form.Item name="outcome" label={t('projects.outcome.outcome')} rules={[{ required: true }]}>
          <Radio.Group options={allowed.map((o) => ({ value: o, label: t(`projects.status.${o}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('projects.outcome.reason')}
          rules={[{ required: outcome === undefined || outcomeNeedsReason(outcome), message: t('projects.outcome.reasonRequired') }]}
        >
          <Select allowClear options={OUTCOME_REASONS.map((r) => ({ value: r, label: t(`projects.reason.${r}`) }))} />
        </Form.Item>
        {outcome !== 'abandoned' ? (
          <>
            <Form.Item name="winningCompetitor" label={t('projects.outcome.winner')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="winningPriceYuan" label={t('projects.outcome.winningPrice')}>
              <MoneyInput className="bf-money-input" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t('projects.outcome.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
