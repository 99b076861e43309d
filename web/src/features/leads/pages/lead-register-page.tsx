import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LEAD_CHANNEL_LABELS, LEAD_CHANNELS } from '../../../../../core/intake/labels.ts';
import { MAX_ATTACHMENT_MB } from '../../../../../core/approvals/attachments.ts';
import { api, isApiError } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { CustomerInput, type CustomerValue } from '../../activities/components/record-pickers.tsx';
import { fileToBase64, langOf, optionsOf, toFen } from '../format.ts';
import type { LeadDuplicate, RegisterLeadBody } from '../lead-api.ts';
import { LEADS_KEY } from '../hooks/use-leads.ts';
import '../leads.css';

interface Values {
  title: string;
  channel: RegisterLeadBody['channel'];
  customer?: CustomerValue;
  contactName?: string;
  contactPhone?: string;
  amountYuan?: number | null;
  receivedAt?: Dayjs;
  description?: string;
}

/**
 * 信息登记表 on any screen size: what came in, from which channel, the customer (an existing
 * record or a new name), contact, estimate, and the original material (mail, fax scan, notice).
 * A similar record of the same customer within 90 days is shown before saving.
 */
export function LeadRegisterPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [modal, holder] = Modal.useModal();

  const confirmDuplicates = (dups: LeadDuplicate[]) =>
    new Promise<boolean>((resolve) => {
      void modal.confirm({
        title: t('leads.duplicate.title'),
        content: (
          <div>
            <p>{t('leads.duplicate.text')}</p>
            <ul className="bf-in-dups">
              {dups.map((d) => (
                <li key={d.id}>
                  {d.code} {d.title}（{formatDateTime(d.registeredAt)}）
                </li>
              ))}
            </ul>
          </div>
        ),
        okText: t('leads.duplicate.saveAnyway'),
        cancelText: t('leads.duplicate.back'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const save = async (v: Values) => {
    const body: RegisterLeadBody = {
      title: v.title,
      channel: v.channel,
      customerId: v.customer?.id ?? null,
      customerName: v.customer?.name?.trim() || null,
      contactName: v.contactName ?? null,
      contactPhone: v.contactPhone ?? null,
      estimatedAmountFen: toFen(v.amountYuan),
      description: v.description ?? null,
      receivedAt: v.receivedAt ? v.receivedAt.format() : undefined,
    };
    setBusy(true);
    try {
      let lead;
      try {
        lead = await api('POST /leads', { body });
      } catch (err) {
        if (isApiError(err) && err.code === 'lead_duplicate' && Array.isArray(err.details?.duplicates)) {
          if (!(await confirmDuplicates(err.details.duplicates as LeadDuplicate[]))) return;
          lead = await api('POST /leads', { body: { ...body, confirmDuplicate: true } });
        } else throw err;
      }
      for (const f of files) {
        if (!f.originFileObj) continue;
        try {
          await api('POST /leads/:id/attachments', {
            params: { id: lead.id },
            body: { fileName: f.name, contentBase64: await fileToBase64(f.originFileObj) },
          });
        } catch (err) {
          void message.error(t('leads.attachments.failed', { name: f.name, reason: isApiError(err) ? err.message : '' }));
        }
      }
      void qc.invalidateQueries({ queryKey: LEADS_KEY });
      void message.success(t('leads.registered', { code: lead.code }));
      void navigate(`/leads/${lead.id}`);
    } catch (err) {
      onError(err, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {holder}
      <PageHeader title={t('leads.registerTitle')} description={t('leads.registerDescription')} />
      <Card className="bf-form-card">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{ channel: 'phone', receivedAt: dayjs(), customer: { id: null, name: '' } }}
          scrollToFirstError
        >
          <Form.Item name="title" label={t('leads.f.title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} placeholder={t('leads.titleHint')} />
          </Form.Item>
          <div className="bf-in-cols">
            <Form.Item name="channel" label={t('leads.f.channel')} rules={[{ required: true }]}>
              <Select options={optionsOf(LEAD_CHANNELS, LEAD_CHANNEL_LABELS, lang)} />
            </Form.Item>
            <Form.Item name="receivedAt" label={t('leads.f.receivedAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="bf-full-width" />
            </Form.Item>
          </div>
          <Form.Item
            name="customer"
            required
            label={t('leads.f.customer')}
            extra={t('leads.customerExtra')}
            rules={[
              {
                validator: (_r, v: CustomerValue | undefined) =>
                  v?.id || v?.name?.trim() ? Promise.resolve() : Promise.reject(new Error(t('leads.customerRequired'))),
              },
            ]}
          >
            <CustomerInput />
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
            <Input.TextArea rows={4} maxLength={5000} placeholder={t('leads.descriptionHint')} />
          </Form.Item>
          <Form.Item label={t('leads.attachments.title')} extra={t('leads.attachments.rules', { mb: MAX_ATTACHMENT_MB })}>
            <Upload
              multiple
              fileList={files}
              beforeUpload={(f) => {
                if (f.size > MAX_ATTACHMENT_MB * 1024 * 1024) {
                  void message.error(t('leads.attachments.tooLarge', { name: f.name, mb: MAX_ATTACHMENT_MB }));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<PaperClipOutlined />}>{t('leads.attachments.add')}</Button>
            </Upload>
          </Form.Item>
          <Alert type="info" showIcon title={t('leads.registerInfo')} className="bf-gap-bottom" />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('leads.registerSubmit')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
