import { useState } from 'react';
import { Button, Empty, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import type { DeadlinePolicy } from '../deadline-api.ts';
import { amountText } from '../deadline-format.ts';
import { useDeadlinePolicies } from '../hooks/use-deadlines.ts';
import { PolicyFormModal } from './policy-form-modal.tsx';

/** 时限规则: every policy the modules registered, editable by a deadline administrator. */
export function PoliciesTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = can(me, 'deadline.manage');
  const policies = useDeadlinePolicies();
  const [editing, setEditing] = useState<DeadlinePolicy | null>(null);

  const columns: TableColumnsType<DeadlinePolicy> = [
    {
      title: t('deadlines.policyName'),
      key: 'name',
      fixed: 'left',
      render: (_: unknown, p) => (
        <>
          {p.name} {p.edited ? <Tag color="blue">{t('deadlines.edited')}</Tag> : null}
          <div className="bf-muted bf-dl-subject">{p.code}</div>
        </>
      ),
    },
    { title: t('deadlines.limit'), key: 'limit', render: (_: unknown, p) => amountText(t, p.kind, p.amount) },
    {
      title: t('deadlines.tolerance'),
      key: 'tol',
      render: (_: unknown, p) =>
        p.toleranceWorkingDays ? amountText(t, 'working_days', p.toleranceWorkingDays) : t('deadlines.noTolerance'),
    },
    {
      title: t('deadlines.reminders'),
      key: 'rem',
      render: (_: unknown, p) =>
        p.remindBefore.length
          ? p.remindBefore.map((r) => (
              <Tag key={`${r.amount}${r.unit}`}>{t('deadlines.reminderBefore', { amount: amountText(t, r.unit, r.amount) })}</Tag>
            ))
          : t('deadlines.noReminders'),
    },
    {
      title: t('deadlines.escalate'),
      key: 'esc',
      render: (_: unknown, p) =>
        p.escalate ? t('deadlines.escalateSummary', { days: p.escalationIntervalWorkingDays }) : t('deadlines.noEscalation'),
    },
    { title: t('deadlines.openCount'), dataIndex: 'openCount', key: 'open', align: 'right' },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p) => (
        <Button type="link" size="small" onClick={() => setEditing(p)} aria-label={t('deadlines.editPolicy', { name: p.name })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  if (policies.error) return <LoadError error={policies.error} onRetry={() => void policies.refetch()} />;
  return (
    <>
      <DataTable<DeadlinePolicy>
        label={t('deadlines.policiesTab')}
        rowKey="id"
        columns={columns}
        dataSource={policies.data ?? []}
        loading={policies.isFetching}
        size="middle"
        pagination={false}
        locale={{ emptyText: <Empty description={t('deadlines.emptyPolicies')} /> }}
      />
      <PolicyFormModal policy={editing} onClose={() => setEditing(null)} />
    </>
  );
}
