import { useEffect, useState } from 'react';
import { AutoComplete, Button, DatePicker, Empty, Modal, Select, Space, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiUrl, isApiError } from '../../../shared/api/client.ts';
import type { AuditEntry, AuditQuery, MaxPageSize } from '../../../shared/api/types.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatDateTimeSeconds } from '../../../shared/format.ts';
import { useListPage } from '../../../shared/hooks/use-list-page.ts';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES, useAuditLog, useVerifyAuditChain } from '../hooks/use-audit.ts';
import { AuditChanges } from '../components/audit-changes.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';

const MAX_PAGE_SIZE: MaxPageSize = 200;
const LIST = {
  filters: ['actorId', 'entityType', 'action', 'result', 'from', 'to'] as const,
  pageSize: { initial: 50, max: MAX_PAGE_SIZE, options: [20, 50, 100, MAX_PAGE_SIZE] },
};

/** 审计日志: filter by actor, entity type, action, result and time; export to Excel; verify the chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const listPage = useListPage(LIST);
  const { params, setParams, page, pageSize } = listPage;
  const verify = useVerifyAuditChain();
  // the action filter is typed freely: apply it once the user pauses
  const [actionInput, setActionInput] = useState(params.action ?? '');
  const debouncedAction = useDebouncedValue(actionInput.trim(), 400);
  useEffect(() => {
    if (debouncedAction !== (params.action ?? '')) setParams({ action: debouncedAction });
  }, [debouncedAction, params.action, setParams]);
  const [modal, modalHolder] = Modal.useModal();

  const result = params.result === 'success' || params.result === 'failure' ? params.result : undefined;
  const filters: Omit<AuditQuery, 'page' | 'pageSize'> = {
    actorId: params.actorId,
    entityType: params.entityType,
    action: params.action,
    result,
    from: params.from,
    to: params.to,
  };
  const log = useAuditLog({ ...filters, page, pageSize });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const actionLabel = (a: string) => t(`auditAction.${a}`, { defaultValue: a });
  const entityLabel = (e: string) => t(`auditEntity.${e}`, { defaultValue: e });
  // the server writes a short code for common outcomes and free text otherwise
  const detailLabel = (d: string) => (/^[a-z_]+$/.test(d) ? t(`auditDetail.${d}`, { defaultValue: d }) : d);
  const range: [Dayjs, Dayjs] | null = params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null;

  const runVerify = () =>
    verify.mutate(undefined, {
      onSuccess: (r) => {
        if (r.ok) {
          void modal.success({
            title: t('audit.verifyOkTitle'),
            content: t('audit.verifyOkText', { count: r.checked }),
            okText: t('common.ok'),
          });
        } else {
          void modal.error({
            title: t('audit.verifyBrokenTitle'),
            content: t('audit.verifyBrokenText', { id: r.firstBrokenId ?? '?', reason: r.reason ?? '—', count: r.checked }),
            okText: t('common.ok'),
          });
        }
      },
      onError: (err) => void message.error(isApiError(err) ? err.message : t('common.unexpectedError')),
    });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', render: formatDateTimeSeconds, width: 170 },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_: unknown, e) => (
        <span>
          {e.actorName ?? '—'}
          {e.actorKind !== 'user' ? (
            <Tag className="bf-tag-small">{t(`auditActorKind.${e.actorKind}`, { defaultValue: e.actorKind })}</Tag>
          ) : null}
        </span>
      ),
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
    { title: t('audit.entityType'), dataIndex: 'entityType', key: 'entityType', render: entityLabel },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      key: 'result',
      render: (r: AuditEntry['result']) =>
        r === 'success' ? <Tag color="success">{t('audit.success')}</Tag> : <Tag color="error">{t('audit.failure')}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      key: 'detail',
      render: (v: string | null) => (v ? detailLabel(v) : '—'),
      ellipsis: true,
      width: 220,
    },
  ];

  const exportHref = apiUrl('GET /audit/export.xlsx', { query: filters });

  return (
    <>
      {modalHolder}
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        extra={
          <Space wrap>
            {can(me, 'audit.verify') ? (
              <Button icon={<SafetyOutlined />} onClick={runVerify} loading={verify.isPending}>
                {t('audit.verify')}
              </Button>
            ) : null}
            {can(me, 'audit.export') ? (
              <Button icon={<DownloadOutlined />} href={exportHref} download>
                {t('audit.export')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <div className="bf-filters" role="search" aria-label={t('audit.filters')}>
        <UserPicker
          source="users"
          includeInactive
          value={params.actorId ?? null}
          onChange={(v) => setParams({ actorId: v })}
          placeholder={t('audit.filterActor')}
          aria-label={t('audit.filterActor')}
          className="bf-filter-select"
        />
        <Select
          value={params.entityType}
          onChange={(v: string | undefined) => setParams({ entityType: v })}
          options={KNOWN_ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e) }))}
          placeholder={t('audit.filterEntityType')}
          aria-label={t('audit.filterEntityType')}
          allowClear
          className="bf-filter-select"
        />
        <AutoComplete
          value={actionInput}
          onChange={(v: string | undefined) => setActionInput(v ?? '')}
          options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
          placeholder={t('audit.filterAction')}
          aria-label={t('audit.filterAction')}
          allowClear
          showSearch={{ filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          className="bf-filter-select"
        />
        <Select
          value={result}
          onChange={(v: string | undefined) => setParams({ result: v })}
          options={[
            { value: 'success', label: t('audit.success') },
            { value: 'failure', label: t('audit.failure') },
          ]}
          placeholder={t('audit.filterResult')}
          aria-label={t('audit.filterResult')}
          allowClear
          className="bf-filter-status"
        />
        <DatePicker.RangePicker
          // a picked day runs from 00:00 to 23:59 unless the user sets the times
          showTime={{ format: 'HH:mm', defaultOpenValue: [dayjs().startOf('day'), dayjs().endOf('day')] }}
          format="YYYY-MM-DD HH:mm"
          value={range}
          onChange={(v) => setParams({ from: v?.[0]?.toISOString(), to: v?.[1]?.toISOString() })}
          aria-label={t('audit.filterTime')}
          placeholder={[t('audit.from'), t('audit.to')]}
          className="bf-filter-range"
        />
      </div>
      {log.error && !log.data ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <DataTable<AuditEntry>
          label={t('audit.title')}
          rowKey="id"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching}
          size="small"
          expandable={{
            expandedRowRender: (e) => <AuditChanges entry={e} />,
            columnTitle: <span className="bf-visually-hidden">{t('audit.changes')}</span>,
          }}
          onChange={listPage.onTableChange}
          pagination={listPage.tablePagination(log.data?.total ?? 0)}
          locale={{ emptyText: <Empty description={filtered ? t('audit.emptyFiltered') : t('audit.empty')} /> }}
        />
      )}
    </>
  );
}
