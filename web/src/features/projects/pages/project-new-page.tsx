import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatMoney } from '../../../shared/format.ts';
import { PROJECTS_KEY } from '../hooks/use-projects.ts';
import { RemoteSelect, type RemoteOption } from '../components/remote-select.tsx';
import { MoneyInput, yuanToFen } from '../components/money-input.tsx';
import '../projects.css';

interface Values {
  source: 'customer' | 'lead';
  customerId?: string;
  leadId?: string;
  name: string;
  amountYuan?: number | null;
  budgetYuan?: number | null;
  expectedSignDate?: Dayjs | null;
  winProbability?: number | null;
  decisionProcess?: string;
  competitors?: string;
}

/** 新建商机: from an evaluated lead (it is marked converted) or directly for a customer. */
export function ProjectNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const source = Form.useWatch('source', form) ?? (search.get('leadId') ? 'lead' : 'customer');

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const created = await api('POST /projects', {
        body: {
          name: v.name,
          ...(v.source === 'lead' ? { leadId: v.leadId } : { customerId: v.customerId }),
          ...(v.amountYuan !== undefined && v.amountYuan !== null ? { amountFen: yuanToFen(v.amountYuan) } : {}),
          budgetFen: yuanToFen(v.budgetYuan),
          expectedSignDate: v.expectedSignDate ? v.expectedSignDate.format('YYYY-MM-DD') : null,
          winProbability: v.winProbability ?? null,
          decisionProcess: v.decisionProcess?.trim() || null,
          competitors: v.competitors?.trim() || null,
        },
      });
      void qc.invalidateQueries({ queryKey: PROJECTS_KEY });
      void navigate(`/projects/${created.id}`);
    } catch (err) {
      onError(err, { form });
    } finally {
      setBusy(false);
    }
  };

  const onLead = (_v: string | undefined, o?: RemoteOption) => {
    const title = typeof o?.data?.title === 'string' ? o.data.title : undefined;
    const amount = typeof o?.data?.estimatedAmountFen === 'number' ? o.data.estimatedAmountFen / 100 : undefined;
    if (title && !form.getFieldValue('name')) form.setFieldValue('name', title);
    if (amount !== undefined && form.getFieldValue('amountYuan') === undefined) form.setFieldValue('amountYuan', amount);
  };

  return (
    <div className="bf-narrow-page">
      <Link to="/projects" className="bf-back-link">
        <ArrowLeftOutlined /> {t('projects.back')}
      </Link>
      <PageHeader title={t('projects.newTitle')} description={t('projects.newDescription')} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            source: search.get('leadId') ? 'lead' : 'customer',
            leadId: search.get('leadId') ?? undefined,
            customerId: search.get('customerId') ?? undefined,
          }}
        >
          <Form.Item name="source" label={t('projects.form.source')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'customer', label: t('projects.form.fromCustomer') },
                { value: 'lead', label: t('projects.form.fromLead') },
              ]}
            />
          </Form.Item>
          {source === 'lead' ? (
            <Form.Item
              name="leadId"
              label={t('projects.form.lead')}
              rules={[{ required: true, message: t('projects.form.leadRequired') }]}
              extra={t('projects.form.leadHint')}
            >
              <RemoteSelect
                queryKey="leads-evaluated"
                url={(q) => `/api/leads?state=evaluated&pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ''}`}
                map={(items) =>
                  items.map((i) => ({
                    value: String(i.id),
                    label: `${String(i.code)} ${String(i.title)}${i.customerName ? ` · ${String(i.customerName)}` : ''}${typeof i.estimatedAmountFen === 'number' ? ` · ${formatMoney(i.estimatedAmountFen)}` : ''}`,
                    data: i,
                  }))
                }
                onChange={(v, o) => {
                  form.setFieldValue('leadId', v);
                  onLead(v, o);
                }}
                placeholder={t('projects.form.leadPlaceholder')}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="customerId"
              label={t('projects.form.customer')}
              rules={[{ required: true, message: t('projects.form.customerRequired') }]}
            >
              <RemoteSelect
                queryKey="customers"
                url={(q) => `/api/customers?pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ''}`}
                map={(items) => items.map((i) => ({ value: String(i.id), label: String(i.name) }))}
                placeholder={t('projects.form.customerPlaceholder')}
              />
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t('projects.field.name')}
            rules={[{ required: true, whitespace: true, message: t('projects.form.nameRequired') }, { max: 200 }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap size="middle">
            <Form.Item name="amountYuan" label={t('projects.field.amountFen')}>
              <MoneyInput className="bf-money-input" />
            </Form.Item>
            <Form.Item name="budgetYuan" label={t('projects.field.budgetFen')}>
              <MoneyInput className="bf-money-input" />
            </Form.Item>
            <Form.Item name="expectedSignDate" label={t('projects.field.expectedSignDate')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="winProbability" label={t('projects.field.winProbability')}>
              <InputNumber<number> min={0} max={100} suffix="%" />
            </Form.Item>
          </Space>
          <Form.Item name="decisionProcess" label={t('projects.field.decisionProcess')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="competitors" label={t('projects.field.competitors')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('projects.form.create')}
            </Button>
            <Button onClick={() => void navigate('/projects')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
