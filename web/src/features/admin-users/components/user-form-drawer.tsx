import { Alert, Button, Drawer, Form, Grid, Input, Select, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreateUserBody, PasswordPolicyResponse, UpdateUserBody, User } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { usePasswordPolicy } from '../../auth/hooks/use-password-policy.ts';
import { useDepartments } from '../../admin-departments/hooks/use-departments.ts';
import { DepartmentTreeSelect } from '../../admin-departments/components/department-tree-select.tsx';
import { useRoles } from '../../admin-roles/hooks/use-roles.ts';
import { useCreateUser, useUpdateUser, useUser } from '../hooks/use-users.ts';
import { PasswordField } from './password-field.tsx';

interface Values {
  username: string;
  displayName: string;
  password: string;
  departmentId: string | null;
  managerId: string | null;
  roleIds: string[];
  phone: string;
  email: string;
}

const FORM_ID = 'user-form';
const blankToNull = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);

function valuesOf(user: User): Partial<Values> {
  return {
    username: user.username,
    displayName: user.displayName,
    departmentId: user.departmentId,
    managerId: user.managerId,
    roleIds: user.roles.map((r) => r.id),
    phone: user.phone ?? '',
    email: user.email ?? '',
  };
}

/**
 * Create a user (`userId === null`) or edit one. Editing always sends the `version` it loaded;
 * when someone else saved first the server answers 409, the message is shown and the drawer
 * reloads the current record into a fresh form.
 */
export function UserFormDrawer({ open, userId, onClose }: { open: boolean; userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const editing = userId !== null;
  const user = useUser(open ? userId : null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const handleError = useApiErrorHandler();
  const canPickRoles = can(me, 'role.read');

  const onFinish = (values: Values, form: FormInstance<Values>) => {
    if (!editing) {
      const body: CreateUserBody = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        departmentId: values.departmentId ?? null,
        managerId: values.managerId ?? null,
        roleIds: values.roleIds ?? [],
        phone: blankToNull(values.phone),
        email: blankToNull(values.email),
      };
      create.mutate(body, {
        onSuccess: () => {
          void message.success(t('user.created'));
          onClose();
        },
        onError: (err) => handleError(err, { form }),
      });
      return;
    }
    const current = user.data;
    if (!current) return;
    const body: UpdateUserBody = {
      version: current.version,
      displayName: values.displayName.trim(),
      departmentId: values.departmentId ?? null,
      managerId: values.managerId ?? null,
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
    };
    if (canPickRoles) body.roleIds = values.roleIds ?? [];
    update.mutate(
      { id: current.id, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => handleError(err, { form, onConflict: () => void user.refetch() }),
      },
    );
  };

  const title = editing ? t('user.editTitle', { name: user.data?.displayName ?? '' }) : t('user.createTitle');
  let body;
  if (editing && user.error) body = <LoadError error={user.error} onRetry={() => void user.refetch()} />;
  else if (editing && !user.data) body = <SectionSpin />;
  else
    body = (
      <UserForm
        // a reloaded record (after a 409) gets a fresh form with the current values
        key={user.data ? `${user.data.id}:${user.data.version}` : 'new'}
        user={editing ? (user.data ?? null) : null}
        onFinish={onFinish}
      />
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.sm === false ? '100%' : 520}
      destroyOnHidden
      footer={
        <Space className="bf-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            form={FORM_ID}
            loading={create.isPending || update.isPending}
            disabled={editing && !user.data}
          >
            {editing ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
    >
      {body}
    </Drawer>
  );
}

function UserForm({ user, onFinish }: { user: User | null; onFinish: (values: Values, form: FormInstance<Values>) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const policy = usePasswordPolicy();
  const departments = useDepartments(can(me, 'department.read'));
  const canPickRoles = can(me, 'role.read');
  const roles = useRoles(canPickRoles);
  const editing = user !== null;
  const roleOptions = canPickRoles
    ? (roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))
    : (user?.roles ?? []).map((r) => ({ value: r.id, label: r.name }));

  return (
    <Form<Values>
      form={form}
      id={FORM_ID}
      layout="vertical"
      onFinish={(values) => onFinish(values, form)}
      initialValues={user ? valuesOf(user) : { roleIds: [] }}
    >
      <Form.Item
        name="username"
        label={t('user.username')}
        rules={
          editing
            ? []
            : [
                { required: true, whitespace: true, message: t('user.usernameRequired') },
                { min: 2, max: 64 },
              ]
        }
        extra={editing ? t('user.usernameFixed') : t('user.usernameHint')}
      >
        <Input disabled={editing} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 64 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      {editing ? null : <InitialPassword form={form} policy={policy.data} />}
      <Form.Item name="departmentId" label={t('user.department')}>
        <DepartmentTreeSelect departments={departments.data ?? []} loading={departments.isFetching} />
      </Form.Item>
      <Form.Item name="managerId" label={t('user.manager')}>
        <UserPicker
          source="users"
          exclude={[user?.id]}
          known={user?.managerId ? [{ value: user.managerId, label: user.managerName ?? '' }] : null}
        />
      </Form.Item>
      <Form.Item name="roleIds" label={t('user.roles')} extra={canPickRoles ? undefined : t('user.rolesNeedRoleRead')}>
        <Select
          mode="multiple"
          options={roleOptions}
          loading={roles.isFetching}
          disabled={!canPickRoles}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('user.rolesPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="phone" label={t('user.phone')} rules={[{ max: 32 }]}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('user.emailInvalid') }, { max: 254 }]}>
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
    </Form>
  );
}

function InitialPassword({ form, policy }: { form: FormInstance<Values>; policy: PasswordPolicyResponse | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        form={form}
        name="password"
        label={t('user.initialPassword')}
        policy={policy}
        username={() => form.getFieldValue('username') as string | undefined}
      />
      <Alert type="info" showIcon title={t('user.mustChangeAtFirstLogin')} className="bf-gap-bottom" />
    </>
  );
}
