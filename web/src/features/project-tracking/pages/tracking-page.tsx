import { Alert, Button, Card, Checkbox, DatePicker, Empty, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, apiUrl } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatMoney } from '../../../shared/format.ts';
import { positiveInt, useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { stageLabel, type TrackingRow, type UpdateTrackingBody } from '../../projects/project-api.ts';
import { useStageConfig } from '../../projects/hooks/use-projects.ts';
import '../../projects/projects.css';

const KEY = ['project-tracking'] as const;
const monday = (d: Dayjs): Dayjs => d.subtract((d.day() + 6) % 7, 'day');
type Field = 'progress' | 'nextSteps' | 'issues' | 'supervisorComment';

/** One editable text cell: the account manager's own fields, or the supervisor's comment. */
function Cell({
  row,
  field,
  editable,
  onSave,
}: {
  row: TrackingRow;
  field: Field;
  editable: boolean;
  onSave: (row: TrackingRow, field: Field, v: string) => void;
}) {
  const { t } = useTranslation();
  const value = row[field] ?? '';
  return (
    <Typography.Paragraph
      className="bf-tracking-cell"
      editable={
        editable
          ? {
              onChange: (v) => {
                if (v !== value) onSave(row, field, v);
              },
              tooltip: t('common.edit'),
              triggerType: ['icon', 'text'],
              text: value,
            }
          : false
      }
    >
      {value || (editable ? <span className="bf-muted">{t('projectTracking.clickToFill')}</span> : '—')}
    </Typography.Paragraph>
  );
}

/**
 * 项目跟踪表 (seed 003): one row per open project per week for its account manager, who fills in
 * progress, next steps and issues; the sales supervisor comments and sees who has not filled in.
 */
export function TrackingPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const config = useStageConfig();
  const [params, setParams] = useUrlParams(['week', 'missing', 'page'] as const);
  const page = positiveInt(params.page, 1);
  const supervisor = can(me, 'project.tracking');
  const query = { week: params.week, missing: params.missing === 'true' ? ('true' as const) : undefined, page, pageSize: 50 };
  const list = useQuery({
    queryKey: [...KEY, query],
    queryFn: ({ signal }) => api('GET /project-tracking', { query, signal }),
    placeholderData: keepPreviousData,
  });
  const week = list.data?.weekStart ?? params.week;
  const missing = useQuery({
    queryKey: [...KEY, 'missing', week],
    queryFn: ({ signal }) => api('GET /project-tracking/missing', { query: { week }, signal }),
    enabled: supervisor && !!week,
  });
  const update = useMutation({
    mutationFn: (v: { id: string; body: UpdateTrackingBody }) => api('PATCH /project-tracking/:id', { params: { id: v.id }, body: v.body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  const save = (row: TrackingRow, field: Field, v: string) => {
    update.mutate({ id: row.id, body: { version: row.version, [field]: v.trim() || null } }, { onError: (err) => onError(err) });
  };

  const columns: TableColumnsType<TrackingRow> = [
    { title: t('projectTracking.col.owner'), dataIndex: 'ownerName', key: 'owner', fixed: 'left', width: 96 },
    {
      title: t('projectTracking.col.project'),
      key: 'project',
      width: 200,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>
          <span className="bf-muted">
            {r.customerName} · {formatMoney(r.amountFen)}
          </span>
          <Tag>{stageLabel(config.data, r.stage, i18n.language)}</Tag>
        </Space>
      ),
    },
    {
      title: t('projectTracking.col.progress'),
      key: 'progress',
      width: 260,
      render: (_: unknown, r) => <Cell row={r} field="progress" editable={r.canEdit} onSave={save} />,
    },
    {
      title: t('projectTracking.col.nextSteps'),
      key: 'nextSteps',
      width: 220,
      render: (_: unknown, r) => <Cell row={r} field="nextSteps" editable={r.canEdit} onSave={save} />,
    },
    {
      title: t('projectTracking.col.issues'),
      key: 'issues',
      width: 200,
      render: (_: unknown, r) => <Cell row={r} field="issues" editable={r.canEdit} onSave={save} />,
    },
    {
      title: t('projectTracking.col.comment'),
      key: 'comment',
      width: 200,
      render: (_: unknown, r) => <Cell row={r} field="supervisorComment" editable={r.canComment} onSave={save} />,
    },
  ];

  const exportHref = apiUrl('GET /project-tracking/export.xlsx', { query: { week } });
  return (
    <>
      <PageHeader
        title={t('projectTracking.title')}
        description={t('projectTracking.description')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportHref}>
            {t('projectTracking.export')}
          </Button>
        }
      />
      <Space wrap className="bf-gap-bottom">
        <DatePicker
          picker="week"
          value={week ? dayjs(week) : null}
          onChange={(d) => setParams({ week: d ? monday(d).format('YYYY-MM-DD') : undefined })}
          allowClear={false}
          aria-label={t('projectTracking.week')}
          format={(d) => t('projectTracking.weekOf', { date: monday(d).format('YYYY-MM-DD') })}
        />
        <Checkbox checked={params.missing === 'true'} onChange={(e) => setParams({ missing: e.target.checked ? 'true' : undefined })}>
          {t('projectTracking.onlyMissing')}
        </Checkbox>
      </Space>
      {supervisor && missing.data ? (
        <Card
          size="small"
          title={t('projectTracking.missingTitle', { count: missing.data.totalMissing })}
          className="bf-gap-bottom"
          data-testid="tracking-missing"
        >
          {missing.data.owners.length === 0 ? (
            <Alert type="success" showIcon title={t('projectTracking.allFilled')} />
          ) : (
            <Space wrap>
              {missing.data.owners.map((o) => (
                <Tag key={o.ownerUserId} color="warning">
                  {t('projectTracking.missingOwner', { name: o.ownerName, missing: o.missing, total: o.total })}
                </Tag>
              ))}
            </Space>
          )}
        </Card>
      ) : null}
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<TrackingRow>
          label={t('projectTracking.title')}
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: <Empty description={t('projectTracking.empty')} /> }}
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: (p) => setParams({ page: String(p) }, false),
          }}
        />
      )}
    </>
  );
}
