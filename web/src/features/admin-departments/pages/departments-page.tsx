import { useMemo, useState } from 'react';
import { Button, Empty, Modal, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/api/types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { buildDepartmentTree, type DepartmentNode } from '../department-tree.ts';
import { useDepartments, useUpdateDepartment } from '../hooks/use-departments.ts';
import { DepartmentFormModal, type DepartmentDialog } from '../components/department-form-modal.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';

/** 部门管理: the organisation as a tree, with create, rename, move, head and activation. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const me = useCurrentUser();
  const manage = can(me, 'department.manage');
  const departments = useDepartments();
  const update = useUpdateDepartment();
  const handleError = useApiErrorHandler();
  const [dialog, setDialog] = useState<DepartmentDialog>(null);
  const list = useMemo(() => departments.data ?? [], [departments.data]);
  const tree = useMemo(() => buildDepartmentTree(list), [list]);

  const toggleActive = (d: Department) => {
    const run = () =>
      update.mutateAsync({ id: d.id, body: { version: d.version, active: !d.active } }).then(
        () => void message.success(d.active ? t('department.deactivated') : t('department.activated')),
        (err: unknown) => handleError(err),
      );
    if (!d.active) return void run();
    modal.confirm({
      title: t('department.deactivateConfirmTitle', { name: d.name }),
      content: t('department.deactivateConfirmText'),
      okText: t('department.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const columns: TableColumnsType<DepartmentNode> = [
    { title: t('department.name'), dataIndex: 'name', key: 'name' },
    { title: t('department.head'), dataIndex: 'headName', key: 'head', render: (v: string | null) => v ?? '—' },
    { title: t('department.memberCount'), dataIndex: 'memberCount', key: 'memberCount', align: 'right' },
    {
      title: t('department.status'),
      key: 'active',
      render: (_: unknown, d) => (d.active ? <Tag color="success">{t('department.active')}</Tag> : <Tag>{t('department.inactive')}</Tag>),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, d) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', department: d })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ mode: 'create', parentId: d.id })} disabled={!d.active}>
            {t('department.addChild')}
          </Button>
          <Button type="link" size="small" danger={d.active} onClick={() => toggleActive(d)}>
            {d.active ? t('department.deactivate') : t('department.activate')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <>
      {modalHolder}
      <PageHeader
        title={t('department.title')}
        description={t('department.description')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parentId: null })}>
              {t('department.create')}
            </Button>
          ) : undefined
        }
      />
      {departments.error ? (
        <LoadError error={departments.error} onRetry={() => void departments.refetch()} />
      ) : (
        <DataTable<DepartmentNode>
          label={t('department.title')}
          // a new key when the tree's shape changes, so every branch starts expanded
          key={list.length}
          rowKey="id"
          columns={columns}
          dataSource={tree}
          loading={departments.isPending}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          size="middle"
          locale={{ emptyText: <Empty description={manage ? t('department.emptyCanCreate') : t('department.empty')} /> }}
        />
      )}
      <DepartmentFormModal dialog={dialog} departments={list} onClose={() => setDialog(null)} />
    </>
  );
}
