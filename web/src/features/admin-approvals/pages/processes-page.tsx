import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { ApprovalProcess } from '../../approvals/approval-api.ts';
import { useApprovalProcesses } from '../hooks/use-approval-processes.ts';

/**
 * 审批流程配置: the processes the installed modules registered, with their current chain version. Process
 * codes contain dots, so the editor takes the code as a query parameter (a dotted path would
 * look like a file to the static server).
 */
export function ApprovalProcessesPage() {
  const { t } = useTranslation();
  const list = useApprovalProcesses();
  const columns: TableColumnsType<ApprovalProcess> = [
    {
      title: t('adminApprovals.col.process'),
      key: 'label',
      render: (_: unknown, p) => (
        <>
          <Link to={`/admin/approvals/chain?code=${encodeURIComponent(p.code)}`}>{p.label}</Link>
          <div className="bf-muted">
            <Typography.Text type="secondary" code>
              {p.code}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('adminApprovals.col.subject'), dataIndex: 'subjectLabel', key: 'subject' },
    {
      title: t('adminApprovals.col.version'),
      key: 'version',
      render: (_: unknown, p) => (p.currentVersion ? `v${p.currentVersion}` : <Tag>{t('adminApprovals.defaultChain')}</Tag>),
    },
    { title: t('adminApprovals.col.steps'), dataIndex: 'stepCount', key: 'steps' },
    { title: t('adminApprovals.col.open'), dataIndex: 'openRequests', key: 'open' },
    {
      title: t('adminApprovals.col.updated'),
      key: 'updated',
      render: (_: unknown, p) => (p.updatedAt ? `${formatDateTime(p.updatedAt)} ${p.updatedByName ?? t('adminApprovals.system')}` : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p) => <Link to={`/admin/approvals/chain?code=${encodeURIComponent(p.code)}`}>{t('adminApprovals.edit')}</Link>,
    },
  ];
  return (
    <>
      <PageHeader title={t('adminApprovals.title')} description={t('adminApprovals.description')} />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ApprovalProcess>
          rowKey="code"
          loading={list.isPending}
          dataSource={list.data?.processes ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('adminApprovals.empty')} /> }}
        />
      )}
    </>
  );
}
