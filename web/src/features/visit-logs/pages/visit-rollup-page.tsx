import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Skeleton, Space, Statistic, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../../shared/api/client.ts';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import { downloadFile } from '../../leads/format.ts';
import type { VisitRollup } from '../../activities/activity-api.ts';
import { VISIT_LOG_KEY } from '../../activities/hooks/use-activities.ts';
import '../../leads/leads.css';

type Person = VisitRollup['people'][number];

/**
 * 巡访周报: the week's visit logs per person and day (generated every Monday 09:00 for the week
 * before, not typed by the marketing assistant); working days without a log are marked 缺报.
 */
export function VisitRollupPage() {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const [params, setParams] = useUrlParams(['week'] as const);
  const [exporting, setExporting] = useState(false);
  const week = params.week;
  const q = useQuery({
    queryKey: [...VISIT_LOG_KEY, 'rollup', week ?? ''],
    queryFn: ({ signal }) => api('GET /reports/visit-rollup', { query: { week }, signal }),
  });
  const r = q.data;
  const weekday = (i: number) =>
    dayjs(r?.days[i]?.date)
      .locale(i18n.language === 'en' ? 'en' : 'zh-cn')
      .format('ddd');

  const columns: TableColumnsType<Person> = [
    {
      title: t('visitLogs.rollup.person'),
      key: 'name',
      fixed: 'left',
      render: (_: unknown, p) => (
        <span>
          {p.name}
          <div className="bf-muted bf-in-small">{p.departmentName ?? ''}</div>
        </span>
      ),
    },
    ...(r?.days ?? []).map((d, i) => ({
      title: (
        <span className={d.working ? '' : 'bf-rollup-nonwork'}>
          {weekday(i)}
          <div className="bf-in-small">{d.date.slice(5)}</div>
        </span>
      ),
      key: d.date,
      align: 'center' as const,
      onCell: (p: Person) => ({ className: p.days[i]?.missing ? 'bf-rollup-missing' : '' }),
      render: (_: unknown, p: Person) => {
        const day = p.days[i];
        if (!day) return null;
        if (day.missing) return <span data-testid="rollup-missing">{t('visitLogs.rollup.missing')}</span>;
        if (day.noVisits) return <span className="bf-muted">{t('visitLogs.rollup.noVisits')}</span>;
        if (!day.working && day.visits === 0) return <span className="bf-rollup-nonwork">—</span>;
        return day.visits;
      },
    })),
    { title: t('visitLogs.rollup.total'), dataIndex: 'totalVisits', key: 'total', align: 'right' },
    {
      title: t('visitLogs.rollup.missingDays'),
      dataIndex: 'missingDays',
      key: 'missingDays',
      align: 'right',
      render: (v: number) => (v > 0 ? <span className="bf-in-overdue">{v}</span> : v),
    },
  ];

  const doExport = () => {
    setExporting(true);
    downloadFile(apiUrl('GET /reports/visit-rollup/export.xlsx', { query: { week: r?.weekStart ?? week } }), 'visit-rollup.xlsx')
      .catch((e: Error) => void message.error(e.message))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <PageHeader
        title={t('visitLogs.rollup.title')}
        description={t('visitLogs.rollup.description')}
        extra={
          <Space wrap>
            <DatePicker
              picker="week"
              value={r ? dayjs(r.weekStart) : week ? dayjs(week) : null}
              onChange={(d) => setParams({ week: d ? d.startOf('week').add(1, 'day').format('YYYY-MM-DD') : undefined })}
              aria-label={t('visitLogs.rollup.week')}
              allowClear={false}
            />
            <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting} disabled={!r}>
              {t('visitLogs.rollup.export')}
            </Button>
          </Space>
        }
      />
      {q.error && !r ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : !r ? (
        <Skeleton active />
      ) : (
        <>
          <Alert
            type={r.generatedAt ? 'info' : 'warning'}
            showIcon
            className="bf-gap-bottom"
            title={
              r.generatedAt
                ? t('visitLogs.rollup.generated', { start: r.weekStart, end: r.weekEnd, at: formatDateTime(r.generatedAt) })
                : t('visitLogs.rollup.live', { start: r.weekStart, end: r.weekEnd })
            }
          />
          <Space size="large" wrap className="bf-gap-bottom">
            <Statistic title={t('visitLogs.rollup.people')} value={r.people.length} />
            <Statistic title={t('visitLogs.rollup.visits')} value={r.totals.visits} />
            <Statistic
              title={t('visitLogs.rollup.missingTotal')}
              value={r.totals.missingDays}
              styles={{ content: { color: r.totals.missingDays > 0 ? '#cf1322' : undefined } }}
            />
          </Space>
          <DataTable<Person>
            label={t('visitLogs.rollup.title')}
            className="bf-rollup-table"
            rowKey="userId"
            columns={columns}
            dataSource={r.people}
            pagination={false}
            size="small"
            locale={{ emptyText: <Empty description={t('visitLogs.rollup.empty')} /> }}
          />
        </>
      )}
    </>
  );
}
