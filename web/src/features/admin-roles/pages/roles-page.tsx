import { useState } from 'react';
import { Button, Empty, Tabs, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/types.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { DataScopeTag } from '../../../shared/components/data-scope.tsx';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { usePermissionCatalog, useRoles } from '../hooks/use-roles.ts';
import { PermissionMatrix } from '../components/permission-matrix.tsx';
import { RoleFormModal, type RoleDialog } from '../components/role-form-modal.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';

/** 角色与权限: the roles and the role × permission matrix with each role's data scope. */
export function RolesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = can(me, 'role.manage');
  const roles = useRoles();
  const catalog = usePermissionCatalog();
  const [dialog, setDialog] = useState<RoleDialog>(null);

  const columns: TableColumnsType<Role> = [
    { title: t('role.name'), dataIndex: 'name', key: 'name', fixed: 'left' },
    { title: t('role.code'), dataIndex: 'code', key: 'code', render: (v: string) => <code>{v}</code> },
    {
      title: t('role.dataScope'),
      dataIndex: 'dataScope',
      key: 'dataScope',
      render: (_: unknown, r) => <DataScopeTag scope={r.dataScope} />,
    },
    { title: t('role.permissionCount'), key: 'permissions', align: 'right', render: (_: unknown, r) => r.permissions.length },
    { title: t('role.userCount'), dataIndex: 'userCount', key: 'userCount', align: 'right' },
    {
      title: t('role.type'),
      key: 'builtin',
      render: (_: unknown, r) => (r.builtin ? <Tag>{t('role.builtin')}</Tag> : <Tag color="processing">{t('role.custom')}</Tag>),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', role: r })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const error = roles.error ?? catalog.error;
  let body;
  if (error) {
    body = <LoadError error={error} onRetry={() => void Promise.all([roles.refetch(), catalog.refetch()])} />;
  } else if (!roles.data || !catalog.data) {
    body = <SectionSpin />;
  } else {
    const roleList = roles.data;
    body = (
      <Tabs
        items={[
          {
            key: 'matrix',
            label: t('role.matrixTab'),
            children:
              roleList.length === 0 ? (
                <Empty description={manage ? t('role.emptyCanCreate') : t('role.empty')} />
              ) : (
                <PermissionMatrix roles={roleList} catalog={catalog.data} editable={manage} />
              ),
          },
          {
            key: 'list',
            label: t('role.listTab'),
            children: (
              <DataTable<Role>
                label={t('role.listTab')}
                rowKey="id"
                columns={columns}
                dataSource={roleList}
                pagination={false}
                size="middle"
                locale={{ emptyText: <Empty description={manage ? t('role.emptyCanCreate') : t('role.empty')} /> }}
              />
            ),
          },
        ]}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('role.title')}
        description={t('role.description')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              {t('role.create')}
            </Button>
          ) : undefined
        }
      />
      {body}
      <RoleFormModal dialog={dialog} roles={roles.data ?? []} onClose={() => setDialog(null)} />
    </>
  );
}
