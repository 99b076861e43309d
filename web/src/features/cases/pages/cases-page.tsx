import { useState } from 'react';
import { Button, DatePicker, Empty, Form, Grid, Input, List, Modal, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CASE_CHANNEL_LABELS,
  CASE_CHANNELS,
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_STATE_LABELS,
  CASE_STATES,
} from '../../../../../core/cases/case-rules.ts';
import { api, apiUrl } from '../../../shared/api/client.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useListPage } from '../../../shared/hooks/use-list-page.ts';
import { can, useCurrentUser } from '../../auth/hooks/use-session.ts';
import { downloadFile, lab, langOf, optionsOf } from '../../leads/format.ts';
import { DueText } from '../../leads/components/lead-tags.tsx';
import { CustomerSelect } from '../../activities/components/record-pickers.tsx';
import type { CaseListQuery, CaseView, CreateCaseBody } from '../case-api.ts';
import { CASES_KEY, caseStateColor } from '../format.ts';
import '../../leads/leads.css';

const PAGE_SIZE = 20;
const LIST = { filters: ['kind', 'state', 'mine', 'overdue', 'q'], pageSize: PAGE_SIZE } as const;

interface NewValues {
  kind: 'inquiry' | 'complaint';
  customerId?: string | null;
  subject: string;
  content: string;
  channel: CreateCaseBody['channel'];
  receivedAt?: Dayjs;
  assigneeId?: string | null;
}

/** 咨询投诉: received inquiries and complaints, who handles them, and whether the answer is late. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const message = useMessage();
  const screens = Grid.useBreakpoint();
  const listPage = useListPage(LIST);
  const { params, setParams, page } = listPage;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewValues>();
  const filters: CaseListQuery = {
    kind: CASE_KINDS.find((k) => k === params.kind),
    state: CASE_STATES.find((s) => s === params.state),
    mine: params.mine === 'true' ? 'true' : undefined,
    overdue: params.overdue === 'true' ? 'true' : undefined,
    q: params.q,
  };
  const list = useQuery({
    queryKey: [...CASES_KEY, 'list', filters, page],
    queryFn: ({ signal }) => api('GET /cases', { query: { ...filters, page, pageSize: PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: (body: CreateCaseBody) => api('POST /cases', { body }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: CASES_KEY });
      setCreating(false);
      form.resetFields();
      void navigate(`/cases/${c.id}`);
    },
    onError: (err) => onError(err, { form }),
  });
  const manage = can(me, 'case.manage');
  const [exporting, setExporting] = useState(false);
  const doExport = () => {
    setExporting(true);
    downloadFile(apiUrl('GET /cases/export.xlsx', { query: filters }), 'cases.xlsx')
      .catch((e: Error) => void message.error(e.message))
      .finally(() => setExporting(false));
  };
  const filtered = Object.values(filters).some(Boolean);

  const columns: TableColumnsType<CaseView> = [
    {
      title: t('cases.f.code'),
      dataIndex: 'code',
      key: 'code',
      render: (v: string, r) => (
        <Link to={`/cases/${r.id}`} className="bf-in-mono">
          {v}
        </Link>
      ),
    },
    {
      title: t('cases.f.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (v: string) => <Tag color={v === 'complaint' ? 'error' : 'processing'}>{lab(CASE_KIND_LABELS, v, lang)}</Tag>,
    },
    { title: t('cases.f.subject'), dataIndex: 'subject', key: 'subject', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('cases.f.customer'), dataIndex: 'customerName', key: 'customer', render: (v: string | null) => v ?? '—' },
    {
      title: t('cases.f.state'),
      dataIndex: 'state',
      key: 'state',
      render: (v: string) => <Tag color={caseStateColor(v)}>{lab(CASE_STATE_LABELS, v, lang)}</Tag>,
    },
    { title: t('cases.f.assignee'), dataIndex: 'assigneeName', key: 'assignee', render: (v: string | null) => v ?? '—' },
    { title: t('cases.f.receivedAt'), dataIndex: 'receivedAt', key: 'receivedAt', render: formatDateTime },
    {
      title: t('cases.f.due'),
      key: 'due',
      render: (_: unknown, r) => (r.state === 'open' || r.state === 'assigned' ? <DueText dueAt={r.dueAt} overdue={r.overdue} /> : '—'),
    },
  ];
  const total = list.data?.total ?? 0;
  const pagination = listPage.pagination(total);
  const empty = <Empty description={filtered ? t('cases.emptyFiltered') : manage ? t('cases.emptyCanCreate') : t('cases.empty')} />;

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        description={t('cases.description')}
        extra={
          <Space wrap>
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('cases.create')}
              </Button>
            ) : null}
            {can(me, 'customer.export') ? (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport}>
                {filtered ? t('cases.exportFiltered') : t('cases.export')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <div className="bf-filters" role="search" aria-label={t('cases.filters')}>
        <Input.Search
          {...listPage.searchBox}
          placeholder={t('cases.searchPlaceholder')}
          aria-label={t('cases.search')}
          allowClear
          className="bf-filter-search"
        />
        <Select
          value={filters.kind}
          onChange={(v: string | undefined) => setParams({ kind: v })}
          options={optionsOf(CASE_KINDS, CASE_KIND_LABELS, lang)}
          placeholder={t('cases.f.kind')}
          aria-label={t('cases.f.kind')}
          allowClear
          className="bf-filter-status"
        />
        <Select
          value={filters.state}
          onChange={(v: string | undefined) => setParams({ state: v })}
          options={optionsOf(CASE_STATES, CASE_STATE_LABELS, lang)}
          placeholder={t('cases.f.state')}
          aria-label={t('cases.f.state')}
          allowClear
          className="bf-filter-status"
        />
        <Select
          value={filters.mine}
          onChange={(v: string | undefined) => setParams({ mine: v })}
          options={[{ value: 'true', label: t('cases.mine') }]}
          placeholder={t('cases.f.assignee')}
          aria-label={t('cases.f.assignee')}
          allowClear
          className="bf-filter-status"
        />
        <Select
          value={filters.overdue}
          onChange={(v: string | undefined) => setParams({ overdue: v })}
          options={[{ value: 'true', label: t('cases.overdueOnly') }]}
          placeholder={t('cases.f.due')}
          aria-label={t('cases.f.due')}
          allowClear
          className="bf-filter-status"
        />
      </div>
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : screens.md ? (
        <DataTable<CaseView>
          label={t('cases.title')}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size="middle"
          pagination={pagination}
          locale={{ emptyText: empty }}
        />
      ) : (
        <List<CaseView>
          className="bf-lead-cards"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: empty }}
          pagination={total > PAGE_SIZE ? { ...pagination, size: 'small', align: 'center' } : false}
          renderItem={(r) => (
            <List.Item className="bf-lead-card">
              <div className="bf-lead-card-body">
                <Link to={`/cases/${r.id}`}>
                  <Typography.Text strong>{r.subject}</Typography.Text>
                </Link>
                <div className="bf-lead-card-row">
                  <span>
                    <Tag color={r.kind === 'complaint' ? 'error' : 'processing'}>{lab(CASE_KIND_LABELS, r.kind, lang)}</Tag>
                    <Tag color={caseStateColor(r.state)}>{lab(CASE_STATE_LABELS, r.state, lang)}</Tag>
                  </span>
                  {r.state === 'open' || r.state === 'assigned' ? <DueText dueAt={r.dueAt} overdue={r.overdue} /> : null}
                </div>
                <div className="bf-muted">
                  {r.customerName ?? '—'} · {r.assigneeName ?? t('cases.unassigned')}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={creating}
        title={t('cases.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('cases.createSubmit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: create.isPending }}
        destroyOnHidden
        width={600}
      >
        <Form<NewValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'inquiry', channel: 'phone', receivedAt: dayjs() }}
          onFinish={(v) =>
            create.mutate({
              kind: v.kind,
              customerId: v.customerId ?? null,
              subject: v.subject,
              content: v.content,
              channel: v.channel,
              receivedAt: v.receivedAt?.format(),
              assigneeId: v.assigneeId ?? null,
            })
          }
        >
          <div className="bf-in-cols">
            <Form.Item name="kind" label={t('cases.f.kind')} rules={[{ required: true }]}>
              <Select options={optionsOf(CASE_KINDS, CASE_KIND_LABELS, lang)} />
            </Form.Item>
            <Form.Item name="channel" label={t('cases.f.channel')} rules={[{ required: true }]}>
              <Select options={optionsOf(CASE_CHANNELS, CASE_CHANNEL_LABELS, lang)} />
            </Form.Item>
          </div>
          <Form.Item name="customerId" label={t('cases.f.customer')}>
            <CustomerSelect />
          </Form.Item>
          <Form.Item name="subject" label={t('cases.f.subject')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="content" label={t('cases.f.content')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <div className="bf-in-cols">
            <Form.Item name="receivedAt" label={t('cases.f.receivedAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="bf-full-width" />
            </Form.Item>
            <Form.Item name="assigneeId" label={t('cases.f.assignee')} extra={t('cases.assigneeHint')}>
              <UserPicker source="colleagues" departmentLabel="brackets" placeholder={null} notFoundText={null} allowClear={false} />
            </Form.Item>
          </div>
        </Form>
      </Modal>
    </>
  );
}
