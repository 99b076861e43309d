import { useState } from 'react';
import { Button, Dropdown, Empty, Input, Modal, Segmented, Space, Tag, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { AppstoreOutlined, DeleteOutlined, PlusOutlined, SaveOutlined, StarOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { DataTable } from '../../../shared/components/data-table.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format.ts';
import { positiveInt, useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import { can, useMe } from '../../auth/hooks/use-session.ts';
import { stageLabel, type ProjectFilter, type ProjectListItem } from '../project-api.ts';
import { useKanban, useProjectList, useSavedViewActions, useSavedViews, useStageConfig } from '../hooks/use-projects.ts';
import { FILTER_KEYS, ProjectFilters, type FilterValues } from '../components/project-filters.tsx';
import { KanbanBoard } from '../components/kanban-board.tsx';
import { DueText } from '../components/due-text.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import '../projects.css';

const KEYS = [...FILTER_KEYS, 'view', 'page', 'sort'] as const;
const PAGE_SIZE = 20;
const SORTABLE: Record<string, string> = {
  name: 'name',
  amountFen: 'amount',
  expectedSignDate: 'expectedSignDate',
  stageEnteredAt: 'stageEnteredAt',
  updatedAt: 'updatedAt',
};

/** 商机与项目: kanban by stage or a table, with filters, sorting and saved views (all server-side). */
export function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const { data: me } = useMe();
  const [params, setParams] = useUrlParams(KEYS);
  const view = params.view === 'table' ? 'table' : 'kanban';
  const page = positiveInt(params.page, 1);
  const sort = params.sort ?? '-updatedAt';
  const filter: ProjectFilter = Object.fromEntries(FILTER_KEYS.filter((k) => params[k]).map((k) => [k, params[k]])) as ProjectFilter;
  const config = useStageConfig();
  const kanban = useKanban({ ...filter, cards: 20 }, view === 'kanban');
  const list = useProjectList({ ...filter, page, pageSize: PAGE_SIZE, sort: sort as never }, view === 'table');
  const savedList = view === 'table' ? 'projects' : 'projects_kanban';
  const views = useSavedViews(savedList);
  const viewActions = useSavedViewActions(savedList);
  const [saving, setSaving] = useState(false);
  const [viewName, setViewName] = useState('');

  const currentState = (): Record<string, string> => {
    const s: Record<string, string> = {};
    for (const k of [...FILTER_KEYS, 'sort'] as const) if (params[k]) s[k] = params[k] ?? '';
    return s;
  };
  const applyView = (state: Record<string, string>) => {
    setParams({ ...Object.fromEntries([...FILTER_KEYS, 'sort'].map((k) => [k, undefined])), ...state });
  };
  const saveView = async () => {
    if (!viewName.trim()) return;
    try {
      await viewActions.save.mutateAsync({ name: viewName.trim(), state: currentState() });
      void message.success(t('projects.views.saved'));
      setSaving(false);
      setViewName('');
    } catch (err) {
      onError(err);
    }
  };

  const columns: TableColumnsType<ProjectListItem> = [
    { title: t('projects.col.code'), dataIndex: 'code', key: 'code', width: 140 },
    {
      title: t('projects.col.name'),
      key: 'name',
      dataIndex: 'name',
      sorter: true,
      sortOrder: sort.replace(/^-/, '') === 'name' ? (sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/${r.id}`}>{r.name}</Link>
          <span className="bf-muted">{r.customerName}</span>
        </Space>
      ),
    },
    {
      title: t('projects.col.stage'),
      key: 'stage',
      render: (_: unknown, r) => <Tag>{stageLabel(config.data, r.stage, i18n.language)}</Tag>,
    },
    { title: t('projects.col.status'), key: 'status', render: (_: unknown, r) => <StatusTag status={r.status} /> },
    {
      title: t('projects.col.amount'),
      key: 'amountFen',
      dataIndex: 'amountFen',
      align: 'right',
      sorter: true,
      sortOrder: sort.replace(/^-/, '') === 'amount' ? (sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: (v: number | null) => formatMoney(v),
    },
    {
      title: t('projects.col.expectedSignDate'),
      key: 'expectedSignDate',
      dataIndex: 'expectedSignDate',
      sorter: true,
      sortOrder: sort.replace(/^-/, '') === 'expectedSignDate' ? (sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('projects.col.owner'), key: 'owner', dataIndex: 'ownerName' },
    { title: t('projects.col.nextDeadline'), key: 'next', render: (_: unknown, r) => <DueText at={r.nextDeadlineAt} /> },
    {
      title: t('projects.col.stageEnteredAt'),
      key: 'stageEnteredAt',
      dataIndex: 'stageEnteredAt',
      sorter: true,
      sortOrder: sort.replace(/^-/, '') === 'stageEnteredAt' ? (sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: (v: string) => formatDate(v),
    },
    {
      title: t('projects.col.updatedAt'),
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sort.replace(/^-/, '') === 'updatedAt' ? (sort.startsWith('-') ? 'descend' : 'ascend') : null,
      render: (v: string) => formatDateTime(v),
    },
  ];

  const onTableChange = (
    p: TablePaginationConfig,
    _f: unknown,
    sorter: SorterResult<ProjectListItem> | SorterResult<ProjectListItem>[],
  ) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.order ? SORTABLE[String(s.columnKey)] : undefined;
    const nextSort = field ? `${s?.order === 'descend' ? '-' : ''}${field}` : undefined;
    if (nextSort !== params.sort) setParams({ sort: nextSort });
    else setParams({ page: p.current && p.current > 1 ? String(p.current) : undefined }, false);
  };

  const empty = (
    <Empty
      description={
        <>
          <div>{t('projects.empty')}</div>
          {can(me, 'project.create') ? <Link to="/projects/new">{t('projects.emptyAction')}</Link> : null}
        </>
      }
    />
  );

  const savedItems = (views.data ?? []).map((v) => ({
    key: v.id,
    label: (
      <span className="bf-saved-view-item">
        <span>{v.name}</span>
        <Button
          type="text"
          size="small"
          icon={<DeleteOutlined />}
          aria-label={t('projects.views.delete', { name: v.name })}
          onClick={(e) => {
            e.stopPropagation();
            viewActions.remove.mutate(v.id);
          }}
        />
      </span>
    ),
  }));

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        description={t('projects.description')}
        extra={
          can(me, 'project.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/projects/new')}>
              {t('projects.new')}
            </Button>
          ) : null
        }
      />
      <div className="bf-project-toolbar">
        <Segmented
          value={view}
          onChange={(v) => setParams({ view: v === 'table' ? 'table' : undefined, page: undefined })}
          options={[
            { value: 'kanban', label: t('projects.view.kanban'), icon: <AppstoreOutlined /> },
            { value: 'table', label: t('projects.view.table'), icon: <UnorderedListOutlined /> },
          ]}
        />
        <Space wrap>
          <Dropdown
            menu={{
              items: savedItems.length ? savedItems : [{ key: 'none', label: t('projects.views.none'), disabled: true }],
              onClick: ({ key }) => {
                const v = views.data?.find((x) => x.id === key);
                if (v) applyView(v.state);
              },
            }}
            trigger={['click']}
          >
            <Button icon={<StarOutlined />}>{t('projects.views.title')}</Button>
          </Dropdown>
          <Button icon={<SaveOutlined />} onClick={() => setSaving(true)}>
            {t('projects.views.save')}
          </Button>
        </Space>
      </div>
      <ProjectFilters
        values={params as FilterValues}
        onChange={(patch) => setParams(patch)}
        config={config.data}
        showStage={view === 'table'}
      />
      {view === 'kanban' ? (
        kanban.error ? (
          <LoadError error={kanban.error} onRetry={() => void kanban.refetch()} />
        ) : !kanban.data ? (
          <SectionSpin />
        ) : kanban.data.columns.every((c) => c.count === 0) ? (
          empty
        ) : (
          <KanbanBoard columns={kanban.data.columns} filter={filter} />
        )
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<ProjectListItem>
          label={t('projects.view.table')}
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: empty }}
          onChange={onTableChange}
          onRow={(r) => ({ onDoubleClick: () => void navigate(`/projects/${r.id}`) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.totalItems', { count: total }),
          }}
        />
      )}
      <Modal
        open={saving}
        title={t('projects.views.save')}
        onCancel={() => setSaving(false)}
        onOk={() => void saveView()}
        okText={t('common.save')}
        confirmLoading={viewActions.save.isPending}
        destroyOnHidden
      >
        <Input
          value={viewName}
          onChange={(e) => setViewName(e.target.value)}
          maxLength={60}
          placeholder={t('projects.views.namePlaceholder')}
          aria-label={t('projects.views.name')}
          onPressEnter={() => void saveView()}
        />
      </Modal>
    </>
  );
}
