import { DatePicker, Empty, Progress, Segmented, Select, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import type { SlaRow } from '../deadline-api.ts';
import { rateText } from '../deadline-format.ts';
import { useDeadlinePolicies, useSla } from '../hooks/use-deadlines.ts';

const KEYS = ['tab', 'groupBy', 'period', 'from', 'to', 'policy'] as const;
const GROUPS = ['policy', 'owner', 'department', 'none'] as const;
const PERIODS = ['month', 'quarter', 'none'] as const;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 时限达成统计: per policy, person or department and per month or quarter of the due date —
 * met on time, met late, breached, still overdue, on-time rate, average lateness.
 */
export function SlaTab() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(KEYS);
  const groupBy = GROUPS.find((g) => g === params.groupBy) ?? 'policy';
  const period = PERIODS.find((p) => p === params.period) ?? 'month';
  const from = params.from && DATE_RE.test(params.from) ? params.from : undefined;
  const to = params.to && DATE_RE.test(params.to) ? params.to : undefined;
  const sla = useSla({ groupBy, period, from, to, policyCode: params.policy });
  const policies = useDeadlinePolicies();

  const columns: TableColumnsType<SlaRow> = [
    { title: t(`deadlines.groupName.${groupBy}`), dataIndex: 'label', key: 'label', fixed: 'left' },
    ...(period !== 'none' ? [{ title: t('deadlines.period'), dataIndex: 'period', key: 'period' }] : []),
    { title: t('deadlines.count'), dataIndex: 'count', key: 'count', align: 'right' },
    { title: t('deadlines.onTime'), dataIndex: 'onTime', key: 'onTime', align: 'right' },
    { title: t('deadlines.late'), dataIndex: 'late', key: 'late', align: 'right' },
    { title: t('deadlines.breached'), dataIndex: 'breached', key: 'breached', align: 'right' },
    { title: t('deadlines.openOverdue'), dataIndex: 'openOverdue', key: 'openOverdue', align: 'right' },
    {
      title: t('deadlines.onTimeRate'),
      key: 'rate',
      render: (_: unknown, r) => (
        <div className="bf-dl-rate">
          <Progress
            percent={r.onTimeRate === null ? 0 : Math.round(r.onTimeRate * 100)}
            size="small"
            showInfo={false}
            status={r.onTimeRate !== null && r.onTimeRate < 0.8 ? 'exception' : 'normal'}
            aria-hidden
          />
          <span>{rateText(r.onTimeRate)}</span>
        </div>
      ),
    },
    {
      title: t('deadlines.avgLate'),
      dataIndex: 'avgLateWorkingDays',
      key: 'avgLate',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
    },
  ];

  return (
    <>
      <div className="bf-filters" role="search" aria-label={t('deadlines.slaFilters')}>
        <Segmented
          aria-label={t('deadlines.groupBy')}
          value={groupBy}
          options={GROUPS.map((g) => ({ value: g, label: t(`deadlines.groupByName.${g}`) }))}
          onChange={(v) => setParams({ groupBy: v === 'policy' ? undefined : String(v) })}
        />
        <Segmented
          aria-label={t('deadlines.periodBy')}
          value={period}
          options={PERIODS.map((p) => ({ value: p, label: t(`deadlines.periodName.${p}`) }))}
          onChange={(v) => setParams({ period: v === 'month' ? undefined : String(v) })}
        />
        <DatePicker.RangePicker
          aria-label={t('deadlines.dueRange')}
          className="bf-filter-range"
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(v) => setParams({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('deadlines.dueFrom'), t('deadlines.dueTo')]}
        />
        <Select
          value={params.policy}
          onChange={(v: string | undefined) => setParams({ policy: v })}
          options={(policies.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
          placeholder={t('deadlines.filterPolicy')}
          aria-label={t('deadlines.filterPolicy')}
          allowClear
          className="bf-filter-select"
        />
      </div>
      {sla.data ? <p className="bf-muted">{t('deadlines.slaRange', { from: sla.data.from, to: sla.data.to })}</p> : null}
      {sla.error && !sla.data ? (
        <LoadError error={sla.error} onRetry={() => void sla.refetch()} />
      ) : (
        <DataTable<SlaRow>
          label={t('deadlines.slaTab')}
          rowKey={(r) => `${r.key ?? ''}|${r.period ?? ''}`}
          columns={columns}
          dataSource={sla.data?.rows ?? []}
          loading={sla.isFetching}
          size="middle"
          pagination={false}
          locale={{ emptyText: <Empty description={t('deadlines.emptySla')} /> }}
        />
      )}
    </>
  );
}
