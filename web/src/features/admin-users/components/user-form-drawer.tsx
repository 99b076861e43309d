import { Alert, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreateUserBody, UpdateUserBody, User } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { usePasswordPolicy } from '../../auth/hooks/use-password-policy.ts';
import { useDepartments } from '../../admin-departments/hooks/use-departments.ts';
import { DepartmentTreeSelect } from '../../admin-departments/components/department-tree-select.tsx';
import { useRoles } from '../../admin-roles/hooks/use-roles.ts';
import { useCreateUser, useUpdateUser, useUser } from '../hooks/use-users.ts';
import { PasswordField } from './password-field.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { UserSelect } from './user-select.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';

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
 * reloads the current record.
 */
export function UserFormDrawer({ open, userId, onClose }: { open: boolean; userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const editing = userId !== null;
  const user = useUser(open ? userId : null);
  const policy = usePasswordPolicy();
  const departments = useDepartments(open && can(me, 'department.read'));
  const canPickRoles = can(me, 'role.read');
  const roles = useRoles(open && canPickRoles);
  const create = useCreateUser();
  const update = useUpdateUser();
  const handleError = useApiErrorHandler();

  const roleOptions = canPickRoles
    ? (roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))
    : (user.data?.roles ?? []).map((r) => ({ value: r.id, label: r.name }));

  const onFinish = (values: Values) => {
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
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} disabled={editing && !user.data}>
            {editing ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
    >
      {editing && user.error ? <LoadError error={user.error} onRetry={() => void user.refetch()} /> : null}
      {editing && !user.data ? (
        user.error ? null : <SectionSpin />
      ) : (
      <Form<Values>
        // a reloaded record (after a 409) remounts the form with the current values
        key={user.data ? `${user.data.id}:${user.data.version}` : 'new'}
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={user.data && editing ? valuesOf(user.data) : { roleIds: [] }}
      >
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={editing ? [] : [{ required: true, whitespace: true, message: t('user.usernameRequired') }, { min: 2, max: 64 }]}
          extra={editing ? t('user.usernameFixed') : t('user.usernameHint')}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {editing ? null : (
          <>
            <PasswordField
              form={form}
              name="password"
              label={t('user.initialPassword')}
              policy={policy.data}
              username={() => form.getFieldValue('username') as string | undefined}
            />
            <Alert type="info" showIcon title={t('user.mustChangeAtFirstLogin')} className="bf-gap-bottom" />
          </>
        )}
        <Form.Item name="departmentId" label={t('user.department')}>
          <DepartmentTreeSelect departments={departments.data ?? []} loading={departments.isFetching} />
        </Form.Item>
        <Form.Item name="managerId" label={t('user.manager')}>
          <UserSelect
            excludeId={userId ?? undefined}
            current={user.data?.managerId ? { value: user.data.managerId, label: user.data.managerName ?? '' } : null}
          />
        </Form.Item>
        <Form.Item
          name="roleIds"
          label={t('user.roles')}
          extra={canPickRoles ? undefined : t('user.rolesNeedRoleRead')}
        >
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
      )}
    </Drawer>
  );
}
