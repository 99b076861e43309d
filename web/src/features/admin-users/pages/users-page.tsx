import { useState } from 'react';
import { Button, Dropdown, Empty, Modal, Input, Select, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MaxPageSize, User, UserSortField } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useListPage } from '../../../shared/hooks/use-list-page.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { useDepartments } from '../../admin-departments/hooks/use-departments.ts';
import { DepartmentTreeSelect } from '../../admin-departments/components/department-tree-select.tsx';
import { useRoles } from '../../admin-roles/hooks/use-roles.ts';
import { isLocked, useSetActive, useUnlockUser, useUsers } from '../hooks/use-users.ts';
import { UserFormDrawer } from '../components/user-form-drawer.tsx';
import { ResetPasswordModal } from '../components/reset-password-modal.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';

const MAX_PAGE_SIZE: MaxPageSize = 200;
const SORT_FIELDS: readonly UserSortField[] = ['username', 'displayName', 'createdAt', 'lastLoginAt'];
const LIST = {
  filters: ['q', 'departmentId', 'roleId', 'active'] as const,
  sort: { fields: SORT_FIELDS, initial: { field: 'username' as UserSortField, desc: false } },
  pageSize: { initial: 20, max: MAX_PAGE_SIZE, options: [10, 20, 50, 100, MAX_PAGE_SIZE] },
};

/** 用户管理: server-side paged, sorted and filtered list with create, edit and account actions. */
export function UsersPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const me = useCurrentUser();
  const manage = can(me, 'user.manage');
  const list = useListPage(LIST);
  const { params, setParams, sortOrder } = list;
  const [drawer, setDrawer] = useState<{ open: boolean; userId: string | null }>({ open: false, userId: null });
  const [resetting, setResetting] = useState<User | null>(null);
  const handleError = useApiErrorHandler();
  const setActive = useSetActive();
  const unlock = useUnlockUser();

  const active = params.active === 'true' || params.active === 'false' ? params.active : undefined;
  const users = useUsers({
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sortParam,
    q: params.q,
    departmentId: params.departmentId,
    roleId: params.roleId,
    active,
  });
  const departments = useDepartments(can(me, 'department.read'));
  const roles = useRoles(can(me, 'role.read'));
  const now = new Date();
  const filtered = Boolean(params.q || params.departmentId || params.roleId || active);

  const toggleActive = (user: User) => {
    const run = () =>
      setActive.mutateAsync({ id: user.id, body: { version: user.version, active: !user.active } }).then(
        () => void message.success(user.active ? t('user.deactivated') : t('user.activated')),
        (err: unknown) => handleError(err),
      );
    if (!user.active) return void run();
    modal.confirm({
      title: t('user.deactivateConfirmTitle', { name: user.displayName }),
      content: t('user.deactivateConfirmText'),
      okText: t('user.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const doUnlock = (user: User) =>
    unlock.mutate(
      { id: user.id, body: { version: user.version } },
      { onSuccess: () => void message.success(t('user.unlocked')), onError: (err) => handleError(err) },
    );

  const columns: TableColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: sortOrder('username'), fixed: 'left' },
    { title: t('user.displayName'), dataIndex: 'displayName', key: 'displayName', sorter: true, sortOrder: sortOrder('displayName') },
    { title: t('user.department'), dataIndex: 'departmentName', key: 'department', render: (v: string | null) => v ?? '—' },
    {
      title: t('user.roles'),
      key: 'roles',
      render: (_: unknown, u) =>
        u.roles.length ? (
          <Space size={[4, 4]} wrap>
            {u.roles.map((r) => (
              <Tag key={r.id}>{r.name}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('user.status'),
      key: 'status',
      render: (_: unknown, u) => (
        <Space size={[4, 4]} wrap>
          {u.active ? <Tag color="success">{t('user.active')}</Tag> : <Tag>{t('user.inactive')}</Tag>}
          {isLocked(u, now) ? (
            <Tooltip title={t('user.lockedUntil', { time: formatDateTime(u.lockedUntil) })}>
              <Tag color="warning">{t('user.locked')}</Tag>
            </Tooltip>
          ) : null}
          {u.mustChangePassword ? <Tag color="processing">{t('user.mustChangePasswordTag')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrder('lastLoginAt'),
      render: formatDateTime,
    },
    {
      title: t('user.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: formatDateTime,
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDrawer({ open: true, userId: u.id })}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reset', label: t('user.resetPassword') },
                { key: 'active', label: u.active ? t('user.deactivate') : t('user.activate'), danger: u.active, disabled: u.id === me.id },
                ...(isLocked(u, now) ? [{ key: 'unlock', label: t('user.unlock') }] : []),
              ],
              onClick: ({ key }) => {
                if (key === 'reset') setResetting(u);
                else if (key === 'active') toggleActive(u);
                else if (key === 'unlock') doUnlock(u);
              },
            }}
          >
            <Button type="link" size="small" aria-label={t('user.moreActionsFor', { name: u.displayName })}>
              {t('common.more')} <DownOutlined aria-hidden />
            </Button>
          </Dropdown>
        </Space>
      ),
    });
  }

  const emptyText = filtered ? t('user.emptyFiltered') : manage ? t('user.emptyCanCreate') : t('user.empty');

  return (
    <>
      {modalHolder}
      <PageHeader
        title={t('user.title')}
        description={t('user.description')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, userId: null })}>
              {t('user.create')}
            </Button>
          ) : undefined
        }
      />
      <div className="bf-filters" role="search" aria-label={t('user.filters')}>
        <Input.Search
          {...list.searchBox}
          placeholder={t('user.searchPlaceholder')}
          aria-label={t('user.search')}
          allowClear
          className="bf-filter-search"
        />
        {can(me, 'department.read') ? (
          <DepartmentTreeSelect
            departments={departments.data ?? []}
            value={params.departmentId ?? null}
            onChange={(v) => setParams({ departmentId: v })}
            placeholder={t('user.filterDepartment')}
            aria-label={t('user.filterDepartment')}
            className="bf-filter-select"
          />
        ) : null}
        {can(me, 'role.read') ? (
          <Select
            value={params.roleId}
            onChange={(v: string | undefined) => setParams({ roleId: v })}
            options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            placeholder={t('user.filterRole')}
            aria-label={t('user.filterRole')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="bf-filter-select"
          />
        ) : null}
        <Select
          value={active}
          onChange={(v: string | undefined) => setParams({ active: v })}
          options={[
            { value: 'true', label: t('user.active') },
            { value: 'false', label: t('user.inactive') },
          ]}
          placeholder={t('user.filterStatus')}
          aria-label={t('user.filterStatus')}
          allowClear
          className="bf-filter-status"
        />
      </div>
      {users.error && !users.data ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <DataTable<User>
          label={t('user.title')}
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          onChange={list.onTableChange}
          size="middle"
          pagination={{ ...list.tablePagination(users.data?.total ?? 0), responsive: true }}
          locale={{ emptyText: <Empty description={emptyText} /> }}
        />
      )}
      <UserFormDrawer open={drawer.open} userId={drawer.userId} onClose={() => setDrawer({ open: false, userId: null })} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
