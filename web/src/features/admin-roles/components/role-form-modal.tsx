import { Form, Input, Modal, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataScope, Role } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { DataScopeSelect } from '../../../shared/components/data-scope.tsx';
import { useCreateRole, useUpdateRole } from '../hooks/use-roles.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  dataScope: DataScope;
  copyFrom?: string;
}

const FORM_ID = 'role-form';

export type RoleDialog = { mode: 'create' } | { mode: 'edit'; role: Role } | null;

/** New role (optionally copying another role's permissions) or renaming one in both languages. */
export function RoleFormModal({ dialog, roles, onClose }: { dialog: RoleDialog; roles: readonly Role[]; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const create = useCreateRole();
  const update = useUpdateRole();
  const handleError = useApiErrorHandler();
  const editing = dialog?.mode === 'edit' ? dialog.role : null;

  const onFinish = (values: Values, form: FormInstance<Values>) => {
    if (editing) {
      update.mutate(
        {
          id: editing.id,
          body: { version: editing.version, nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim(), dataScope: values.dataScope },
        },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          onError: (err) => handleError(err, { form, onConflict: onClose }),
        },
      );
      return;
    }
    const source = roles.find((r) => r.id === values.copyFrom);
    create.mutate(
      {
        code: values.code.trim(),
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        dataScope: values.dataScope,
        permissions: source ? [...source.permissions] : [],
      },
      {
        onSuccess: () => {
          void message.success(t('role.created'));
          onClose();
        },
        onError: (err) => handleError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open={dialog !== null}
      title={editing ? t('role.editTitle', { name: editing.name }) : t('role.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <RoleForm key={editing ? `${editing.id}:${editing.version}` : 'new'} editing={editing} roles={roles} onFinish={onFinish} />
    </Modal>
  );
}

function RoleForm({
  editing,
  roles,
  onFinish,
}: {
  editing: Role | null;
  roles: readonly Role[];
  onFinish: (values: Values, form: FormInstance<Values>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      id={FORM_ID}
      layout="vertical"
      onFinish={(v) => onFinish(v, form)}
      initialValues={
        editing
          ? { code: editing.code, nameZh: editing.nameZh, nameEn: editing.nameEn, dataScope: editing.dataScope }
          : { dataScope: 'own' }
      }
    >
      <Form.Item
        name="code"
        label={t('role.code')}
        rules={
          editing
            ? []
            : [
                { required: true, whitespace: true, message: t('role.codeRequired') },
                { min: 2, max: 48 },
              ]
        }
        extra={editing ? undefined : t('role.codeHint')}
      >
        <Input disabled={editing !== null} autoComplete="off" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('role.nameZh')} rules={[{ required: true, whitespace: true, max: 64 }]}>
        <Input lang="zh-CN" autoComplete="off" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('role.nameEn')} rules={[{ required: true, whitespace: true, max: 64 }]}>
        <Input lang="en" autoComplete="off" />
      </Form.Item>
      <Form.Item name="dataScope" label={t('role.dataScope')} extra={t('role.dataScopeHint')}>
        <DataScopeSelect />
      </Form.Item>
      {editing ? null : (
        <Form.Item name="copyFrom" label={t('role.copyFrom')} extra={t('role.copyFromHint')}>
          <Select allowClear options={roles.map((r) => ({ value: r.id, label: r.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
    </Form>
  );
}
