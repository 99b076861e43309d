import { Alert, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { CustomerInput, PartnerSelect, type CustomerValue } from '../../activities/components/record-pickers.tsx';
import { toFen } from '../format.ts';
import type { PartnerRegistrationBody } from '../lead-api.ts';
import { LEADS_KEY, useIntakeSettings } from '../hooks/use-leads.ts';

interface Values {
  partnerId: string;
  title: string;
  customer?: CustomerValue;
  creditCode?: string;
  contactName?: string;
  contactPhone?: string;
  amountYuan?: number | null;
  description?: string;
}

/**
 * 代理商报备: a channel partner's deal, registered on its behalf; it is checked against existing
 * customers and leads and, without conflict, protected for the configured period.
 */
export function PartnerRegistrationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const settings = useIntakeSettings();
  const [form] = Form.useForm<Values>();
  const register = useMutation({
    mutationFn: (body: PartnerRegistrationBody) => api('POST /leads/partner-registration', { body }),
    onSuccess: (lead) => {
      void qc.invalidateQueries({ queryKey: LEADS_KEY });
      void message[lead.conflictState === 'pending' ? 'warning' : 'success'](
        lead.conflictState === 'pending'
          ? t('leads.partner.conflictSaved', { code: lead.code })
          : t('leads.partner.saved', { code: lead.code }),
      );
      void navigate(`/leads/${lead.id}`);
    },
    onError: (err) => onError(err, { form }),
  });

  const save = (v: Values) =>
    register.mutate({
      partnerId: v.partnerId,
      title: v.title,
      customerId: v.customer?.id ?? null,
      customerName: v.customer?.name?.trim() ?? '',
      creditCode: v.creditCode ?? null,
      contactName: v.contactName ?? null,
      contactPhone: v.contactPhone ?? null,
      estimatedAmountFen: toFen(v.amountYuan),
      description: v.description ?? null,
    });

  return (
    <>
      <PageHeader title={t('leads.partner.title')} description={t('leads.partner.description')} />
      <Card className="bf-form-card">
        <Alert
          type="info"
          showIcon
          className="bf-gap-bottom"
          title={t('leads.partner.protection', { days: settings.data?.partnerProtectionDays ?? 90 })}
        />
        <Form<Values> form={form} layout="vertical" onFinish={save} initialValues={{ customer: { id: null, name: '' } }} scrollToFirstError>
          <Form.Item name="partnerId" label={t('leads.f.partner')} rules={[{ required: true, message: t('leads.partner.pickPartner') }]}>
            <PartnerSelect />
          </Form.Item>
          <Form.Item name="title" label={t('leads.f.title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} placeholder={t('leads.titleHint')} />
          </Form.Item>
          <Form.Item
            name="customer"
            required
            label={t('leads.partner.endCustomer')}
            rules={[
              {
                validator: (_r, v: CustomerValue | undefined) =>
                  v?.name?.trim() ? Promise.resolve() : Promise.reject(new Error(t('leads.customerRequired'))),
              },
            ]}
          >
            <CustomerInput />
          </Form.Item>
          <Form.Item name="creditCode" label={t('leads.f.creditCode')} extra={t('leads.partner.creditCodeHint')}>
            <Input maxLength={30} />
          </Form.Item>
          <div className="bf-in-cols">
            <Form.Item name="contactName" label={t('leads.f.contact')}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('leads.f.phone')}>
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
          </div>
          <Form.Item name="amountYuan" label={t('leads.f.amountYuan')}>
            <InputNumber<number> min={0} precision={2} prefix="¥" className="bf-full-width" />
          </Form.Item>
          <Form.Item name="description" label={t('leads.f.description')}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={register.isPending}>
              {t('leads.partner.submit')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
