import { Form, Input, InputNumber, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { subtreeIds } from '../department-tree.ts';
import { useCreateDepartment, useUpdateDepartment } from '../hooks/use-departments.ts';
import { DepartmentTreeSelect } from './department-tree-select.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';

interface Values {
  name: string;
  parentId: string | null;
  headUserId: string | null;
  sortOrder: number | null;
}

const FORM_ID = 'department-form';

export type DepartmentDialog = { mode: 'create'; parentId: string | null } | { mode: 'edit'; department: Department } | null;

/**
 * New department (optionally under a parent) or edit one: rename, move under another parent,
 * set the head. A move under itself or a descendant is not offered.
 */
export function DepartmentFormModal({
  dialog,
  departments,
  onClose,
}: {
  dialog: DepartmentDialog;
  departments: readonly Department[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const handleError = useApiErrorHandler();
  const editing = dialog?.mode === 'edit' ? dialog.department : null;

  const initialValues: Partial<Values> = editing
    ? { name: editing.name, parentId: editing.parentId, headUserId: editing.headUserId, sortOrder: editing.sortOrder }
    : { parentId: dialog?.mode === 'create' ? dialog.parentId : null, headUserId: null, sortOrder: null };

  const onFinish = (values: Values, form: FormInstance<Values>) => {
    const common = {
      name: values.name.trim(),
      parentId: values.parentId ?? null,
      headUserId: values.headUserId ?? null,
      ...(values.sortOrder === null || values.sortOrder === undefined ? {} : { sortOrder: values.sortOrder }),
    };
    if (editing) {
      update.mutate(
        { id: editing.id, body: { version: editing.version, ...common } },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          // the list is refetched; close so the next edit starts from the current version
          onError: (err) => handleError(err, { form, onConflict: onClose }),
        },
      );
    } else {
      create.mutate(common, {
        onSuccess: () => {
          void message.success(t('department.created'));
          onClose();
        },
        onError: (err) => handleError(err, { form }),
      });
    }
  };

  return (
    <Modal
      open={dialog !== null}
      title={editing ? t('department.editTitle', { name: editing.name }) : t('department.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <DepartmentForm
        key={editing ? `${editing.id}:${editing.version}` : `new:${dialog?.mode === 'create' ? (dialog.parentId ?? '') : ''}`}
        initialValues={initialValues}
        departments={departments}
        editing={editing}
        onFinish={onFinish}
      />
    </Modal>
  );
}

function DepartmentForm({
  initialValues,
  departments,
  editing,
  onFinish,
}: {
  initialValues: Partial<Values>;
  departments: readonly Department[];
  editing: Department | null;
  onFinish: (values: Values, form: FormInstance<Values>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values> form={form} id={FORM_ID} layout="vertical" onFinish={(v) => onFinish(v, form)} initialValues={initialValues}>
      <Form.Item name="name" label={t('department.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="parentId" label={t('department.parent')} extra={t('department.parentHint')}>
        <DepartmentTreeSelect
          departments={departments}
          disabledIds={editing ? subtreeIds(departments, editing.id) : undefined}
          placeholder={t('department.noParent')}
        />
      </Form.Item>
      <Form.Item name="headUserId" label={t('department.head')}>
        <UserPicker source="users" known={editing?.headUserId ? [{ value: editing.headUserId, label: editing.headName ?? '' }] : null} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('department.sortOrder')} extra={t('department.sortOrderHint')}>
        <InputNumber min={0} max={100000} precision={0} className="bf-full-width" />
      </Form.Item>
    </Form>
  );
}
