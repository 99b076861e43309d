import { useEffect, useState } from 'react';
import { Button, Drawer, Form, Grid, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { creditCodeMessage, creditCodeProblem, normalizeCreditCode } from '../../../../../core/crm/credit-code.ts';
import { provinceOfCreditCode, regionOfProvince } from '../../../../../core/crm/options.ts';
import { isApiError } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import type {
  CreateCustomerBody,
  CreatePartnerBody,
  CustomerView,
  DuplicateMatch,
  PartnerView,
  UpdateCustomerBody,
  UpdatePartnerBody,
} from '../customer-api.ts';
import { langOf, LISTS, provinceOptions, selectOptions } from '../crm-format.ts';
import { useDuplicateCheck, useSaveCustomer, useSavePartner, type RecordKind } from '../hooks/use-customers.ts';
import { DuplicateAlert } from './duplicate-alert.tsx';

interface Values {
  name: string;
  creditCode?: string | null;
  kind?: string;
  industry?: string | null;
  province?: string | null;
  region?: string | null;
  level?: string | null;
  source?: string | null;
  status?: string;
  ownerUserId?: string | null;
  address?: string | null;
  notes?: string | null;
}

const nul = (v: string | null | undefined) => (v === undefined || v === '' ? null : v);

/**
 * New / edit form of a customer or a channel partner, one column (fits a 390 px phone). While
 * the user types, existing records with the same credit code or a very similar name are shown
 * with links; saving a similar name asks for confirmation, the same credit code is refused.
 */
export function CompanyFormDrawer({
  kind,
  open,
  record,
  onClose,
}: {
  kind: RecordKind;
  open: boolean;
  record: CustomerView | PartnerView | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const message = useMessage();
  const handleError = useApiErrorHandler();
  const [modal, modalHolder] = Modal.useModal();
  const [form] = Form.useForm<Values>();
  const saveCustomer = useSaveCustomer();
  const savePartner = useSavePartner();
  const [blocked, setBlocked] = useState<DuplicateMatch[]>([]);
  const isCustomer = kind === 'customer';
  const editing = record !== null;
  const mayAssign = isCustomer ? can(me, 'customer.transfer') : can(me, 'partner.manage');

  useEffect(() => {
    if (!open) return;
    setBlocked([]);
    form.resetFields();
    if (record) {
      form.setFieldsValue({
        name: record.name,
        creditCode: record.creditCode,
        province: record.province,
        region: record.region,
        level: record.level,
        status: record.status,
        address: record.address,
        notes: record.notes,
        ...('industry' in record ? { industry: record.industry, source: record.source } : {}),
        ...('kind' in record ? { kind: record.kind } : {}),
      });
    } else {
      form.setFieldsValue(isCustomer ? { status: 'potential' } : { kind: 'channel', status: 'active' });
    }
  }, [open, record, form, isCustomer]);

  const name = Form.useWatch('name', form) ?? '';
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const province = Form.useWatch('province', form);
  const check = useDebouncedValue({ name: name.trim(), creditCode: creditCode.trim() }, 400);
  const codeReady = normalizeCreditCode(check.creditCode).length === 18;
  const dup = useDuplicateCheck(
    kind,
    { name: check.name || undefined, creditCode: codeReady ? check.creditCode : undefined, excludeId: record?.id },
    open && (check.name.length >= 2 || codeReady),
  );
  const matches = blocked.length ? blocked : (dup.data?.matches ?? []);

  const onValues = (changed: Partial<Values>) => {
    if ('province' in changed)
      form.setFieldValue('region', changed.province ? regionOfProvince(changed.province) : form.getFieldValue('region'));
    if ('creditCode' in changed && changed.creditCode && !form.getFieldValue('province')) {
      const code = normalizeCreditCode(changed.creditCode);
      const p = code.length === 18 && !creditCodeProblem(code) ? provinceOfCreditCode(code) : null;
      if (p) form.setFieldsValue({ province: p, region: regionOfProvince(p) });
    }
  };

  const submit = async (values: Values, confirmDuplicate = false) => {
    const common = {
      name: values.name.trim(),
      creditCode: nul(values.creditCode?.trim()),
      province: nul(values.province),
      region: nul(values.region),
      level: nul(values.level),
      address: nul(values.address),
      notes: nul(values.notes),
      confirmDuplicate,
    };
    try {
      let id: string;
      if (isCustomer) {
        const body = { ...common, industry: nul(values.industry), source: nul(values.source), status: values.status } as CreateCustomerBody;
        const saved = record
          ? await saveCustomer.mutateAsync({ id: record.id, body: { ...body, version: record.version } as UpdateCustomerBody })
          : await saveCustomer.mutateAsync({ id: null, body: { ...body, ownerUserId: nul(values.ownerUserId) } });
        id = saved.id;
      } else {
        const body = { ...common, kind: values.kind, status: values.status } as CreatePartnerBody;
        const saved = record
          ? await savePartner.mutateAsync({ id: record.id, body: { ...body, version: record.version } as UpdatePartnerBody })
          : await savePartner.mutateAsync({ id: null, body: { ...body, ownerUserId: nul(values.ownerUserId) } });
        id = saved.id;
      }
      void message.success(t('common.saved'));
      onClose();
      if (!editing) void navigate(`/${isCustomer ? 'customers' : 'partners'}/${id}`);
    } catch (err) {
      if (isApiError(err) && err.code === 'conflict_duplicate') {
        const list = (err.details?.duplicates ?? []) as DuplicateMatch[];
        if (err.details?.confirmable === true) {
          modal.confirm({
            title: err.message,
            content: t('customers.dup.confirmText'),
            okText: t('customers.dup.saveAnyway'),
            cancelText: t('common.cancel'),
            onOk: () => submit(values, true),
          });
          setBlocked([]);
        } else {
          setBlocked(list);
          form.setFields([{ name: 'creditCode', errors: [err.message] }]);
        }
        return;
      }
      handleError(err, { form });
    }
  };

  const pending = saveCustomer.isPending || savePartner.isPending;
  const title = isCustomer ? (editing ? t('customers.edit') : t('customers.create')) : editing ? t('partners.edit') : t('partners.create');

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.sm ? 560 : '100%'}
      destroyOnHidden
      footer={
        <div className="bf-drawer-footer">
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={pending} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Space>
        </div>
      }
    >
      {modalHolder}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={onValues} requiredMark>
        <Form.Item
          name="name"
          label={isCustomer ? t('customers.f.name') : t('partners.f.name')}
          rules={[{ required: true, whitespace: true, message: t('customers.v.nameRequired') }, { max: 100 }]}
        >
          <Input
            maxLength={100}
            autoComplete="off"
            placeholder={isCustomer ? t('customers.f.namePlaceholder') : t('partners.f.namePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('customers.f.creditCode')}
          extra={t('customers.f.creditCodeHint')}
          rules={[
            {
              validator: async (_r, v: string | null | undefined) => {
                if (!v || !v.trim()) return;
                const p = creditCodeProblem(normalizeCreditCode(v));
                if (p) throw new Error(creditCodeMessage(p, lang));
              },
            },
          ]}
        >
          <Input maxLength={30} autoComplete="off" className="bf-crm-mono" />
        </Form.Item>
        <DuplicateAlert matches={matches} kind={kind} blocking={blocked.length > 0} />
        {isCustomer ? null : (
          <Form.Item name="kind" label={t('partners.f.kind')} rules={[{ required: true }]}>
            <Select options={selectOptions(LISTS.partnerKind, lang)} />
          </Form.Item>
        )}
        {isCustomer ? (
          <Form.Item name="industry" label={t('customers.f.industry')}>
            <Select allowClear options={selectOptions(LISTS.industry, lang)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        ) : null}
        <div className="bf-crm-form-pair">
          <Form.Item name="province" label={t('customers.f.province')}>
            <Select allowClear options={provinceOptions(lang)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="region" label={t('customers.f.region')} extra={province ? t('customers.f.regionAuto') : undefined}>
            <Select allowClear disabled={Boolean(province)} options={selectOptions(LISTS.region, lang)} />
          </Form.Item>
        </div>
        <div className="bf-crm-form-pair">
          <Form.Item name="level" label={isCustomer ? t('customers.f.level') : t('partners.f.level')}>
            <Select allowClear options={selectOptions(isCustomer ? LISTS.level : LISTS.partnerLevel, lang)} />
          </Form.Item>
          <Form.Item name="status" label={t('customers.f.status')}>
            <Select options={selectOptions(isCustomer ? LISTS.status : LISTS.partnerStatus, lang)} />
          </Form.Item>
        </div>
        {isCustomer ? (
          <Form.Item name="source" label={t('customers.f.source')}>
            <Select allowClear options={selectOptions(LISTS.source, lang)} />
          </Form.Item>
        ) : null}
        {!editing && mayAssign ? (
          <Form.Item name="ownerUserId" label={t('customers.f.owner')} extra={t('customers.f.ownerHint')}>
            <UserPicker
              source="colleagues"
              departmentLabel="brackets"
              placeholder={t('customers.pickUser')}
              notFoundText={t('customers.noUser')}
              aria-label={t('customers.f.owner')}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="address" label={t('customers.f.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('customers.f.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
