import { useEffect } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../../shared/components/feedback.tsx';
import { formatDateTime, formatMoney } from '../../../../shared/format.ts';
import type { ProjectDetail, UpdateProjectBody } from '../../project-api.ts';
import { useProjectAction } from '../../hooks/use-projects.ts';
import { fenToYuan, MoneyInput, yuanToFen } from '../money-input.tsx';
import { RemoteSelect } from '../remote-select.tsx';

interface Values {
  name: string;
  amountYuan: number | null;
  budgetYuan: number | null;
  expectedSignDate: Dayjs | null;
  winProbability: number | null;
  decisionProcess: string | null;
  funding: string | null;
  credit: string | null;
  competitors: string | null;
  strengths: string | null;
  risks: string | null;
  analysisNotes: string | null;
  projectLevel: 'company' | 'channel' | null;
  deliveryMode: 'self' | 'cooperative' | null;
  personMonths: number | null;
  partnerId: string | null;
  companySharePct: number | null;
}

function valuesOf(p: ProjectDetail): Values {
  return {
    name: p.name,
    amountYuan: fenToYuan(p.amountFen),
    budgetYuan: fenToYuan(p.budgetFen),
    expectedSignDate: p.expectedSignDate ? dayjs(p.expectedSignDate) : null,
    winProbability: p.winProbability,
    decisionProcess: p.decisionProcess,
    funding: p.funding,
    credit: p.credit,
    competitors: p.competitors,
    strengths: p.strengths,
    risks: p.risks,
    analysisNotes: p.analysisNotes,
    projectLevel: p.projectLevel as Values['projectLevel'],
    deliveryMode: p.deliveryMode as Values['deliveryMode'],
    personMonths: p.personMonths,
    partnerId: p.partnerId,
    companySharePct: p.companySharePct,
  };
}

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * 概况: the preliminary analysis (项目初步分析 — budget, decision process, funding, credit,
 * competitors, strengths, risks) and the registration form (项目登记表 — level, delivery mode,
 * effort, partner and split), editable while the project is open; the outcome once recorded.
 */
export function OverviewTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const save = useProjectAction(p.id, (body: UpdateProjectBody) => api('PATCH /projects/:id', { params: { id: p.id }, body }));
  const editable = p.can.update && p.status === 'open' && !p.flags.closed;
  const delivery = Form.useWatch('deliveryMode', form);
  const share = Form.useWatch('companySharePct', form);
  useEffect(() => form.setFieldsValue(valuesOf(p)), [p, form]);

  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        version: p.version,
        name: v.name,
        amountFen: yuanToFen(v.amountYuan),
        budgetFen: yuanToFen(v.budgetYuan),
        expectedSignDate: v.expectedSignDate ? v.expectedSignDate.format('YYYY-MM-DD') : null,
        winProbability: v.winProbability,
        decisionProcess: text(v.decisionProcess),
        funding: text(v.funding),
        credit: text(v.credit),
        competitors: text(v.competitors),
        strengths: text(v.strengths),
        risks: text(v.risks),
        analysisNotes: text(v.analysisNotes),
        projectLevel: v.projectLevel,
        deliveryMode: v.deliveryMode,
        personMonths: v.personMonths,
        partnerId: v.deliveryMode === 'cooperative' ? v.partnerId : null,
        companySharePct: v.deliveryMode === 'cooperative' ? v.companySharePct : null,
      });
      void message.success(t('common.saved'));
    } catch (err) {
      onError(err, { form });
    }
  };

  const area = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} disabled={!editable} />
    </Form.Item>
  );

  return (
    <Space orientation="vertical" size="middle" className="bf-full-width">
      {p.status !== 'open' && p.status !== 'no_go' ? (
        <Card size="small" title={t('projects.outcome.recorded')}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'o', label: t('projects.outcome.outcome'), children: t(`projects.status.${p.status}`) },
              { key: 'r', label: t('projects.outcome.reason'), children: p.outcomeReason ? t(`projects.reason.${p.outcomeReason}`) : '—' },
              { key: 'w', label: t('projects.outcome.winner'), children: p.winningCompetitor ?? '—' },
              { key: 'pr', label: t('projects.outcome.winningPrice'), children: formatMoney(p.winningPriceFen) },
              { key: 'at', label: t('projects.outcome.at'), children: formatDateTime(p.outcomeAt) },
              { key: 'n', label: t('projects.outcome.note'), children: p.outcomeNote ?? '—' },
            ]}
          />
        </Card>
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={valuesOf(p)}>
        <Card size="small" title={t('projects.section.analysis')} className="bf-gap-bottom">
          <Form.Item name="name" label={t('projects.field.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} disabled={!editable} />
          </Form.Item>
          <div className="bf-form-grid">
            <Form.Item name="amountYuan" label={t('projects.field.amountFen')}>
              <MoneyInput className="bf-full-width" disabled={!editable} />
            </Form.Item>
            <Form.Item name="budgetYuan" label={t('projects.field.budgetFen')}>
              <MoneyInput className="bf-full-width" disabled={!editable} />
            </Form.Item>
            <Form.Item name="expectedSignDate" label={t('projects.field.expectedSignDate')}>
              <DatePicker className="bf-full-width" disabled={!editable} />
            </Form.Item>
            <Form.Item name="winProbability" label={t('projects.field.winProbability')}>
              <InputNumber<number> min={0} max={100} suffix="%" className="bf-full-width" disabled={!editable} />
            </Form.Item>
          </div>
          <div className="bf-form-grid bf-form-grid-2">
            {area('decisionProcess', t('projects.field.decisionProcess'))}
            {area('funding', t('projects.field.funding'))}
            {area('credit', t('projects.field.credit'))}
            {area('competitors', t('projects.field.competitors'))}
            {area('strengths', t('projects.field.strengths'))}
            {area('risks', t('projects.field.risks'))}
          </div>
          {area('analysisNotes', t('projects.field.analysisNotes'))}
        </Card>
        <Card
          size="small"
          title={t('projects.section.registration')}
          extra={<span className="bf-muted">{t(`projects.registration.${p.registrationState}`)}</span>}
        >
          <div className="bf-form-grid">
            <Form.Item name="projectLevel" label={t('projects.field.projectLevel')}>
              <Radio.Group
                disabled={!editable}
                options={[
                  { value: 'company', label: t('projects.level.company') },
                  { value: 'channel', label: t('projects.level.channel') },
                ]}
              />
            </Form.Item>
            <Form.Item name="deliveryMode" label={t('projects.field.deliveryMode')}>
              <Radio.Group
                disabled={!editable}
                options={[
                  { value: 'self', label: t('projects.mode.self') },
                  { value: 'cooperative', label: t('projects.mode.cooperative') },
                ]}
              />
            </Form.Item>
            <Form.Item name="personMonths" label={t('projects.field.personMonths')} extra={t('projects.field.bigHint')}>
              <InputNumber<number> min={0} step={0.5} precision={1} className="bf-full-width" disabled={!editable} />
            </Form.Item>
          </div>
          {delivery === 'cooperative' ? (
            <div className="bf-form-grid">
              <Form.Item name="partnerId" label={t('projects.field.partnerId')}>
                <RemoteSelect
                  queryKey="partners"
                  url={(q) => `/api/partners?pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ''}`}
                  map={(items) => items.map((i) => ({ value: String(i.id), label: String(i.name) }))}
                  initialLabel={p.partnerName ?? undefined}
                  disabled={!editable}
                />
              </Form.Item>
              <Form.Item name="companySharePct" label={t('projects.field.companySharePct')}>
                <InputNumber<number> min={0} max={100} precision={2} suffix="%" className="bf-full-width" disabled={!editable} />
              </Form.Item>
            </div>
          ) : null}
          {delivery === 'cooperative' && share !== null && share !== undefined && share < p.shareFloorPct ? (
            <Alert
              type="warning"
              showIcon
              title={t('projects.shareBelow', { floor: p.shareFloorPct, state: t(`projects.shareException.${p.shareException}`) })}
            />
          ) : null}
        </Card>
        {editable ? (
          <div className="bf-form-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => form.setFieldsValue(valuesOf(p))}>{t('common.discard')}</Button>
          </div>
        ) : null}
      </Form>
    </Space>
  );
}
