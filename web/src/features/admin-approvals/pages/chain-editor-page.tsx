import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Modal, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/client.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { ApprovalProcessDetail, ChainDefinition, StepDefinition } from '../../approvals/approval-api.ts';
import { useApprovalProcess, useChainVersion, useSaveChain } from '../hooks/use-approval-processes.ts';
import { StepCard } from '../components/step-card.tsx';
import { ChainSummary } from '../components/chain-summary.tsx';
import '../../approvals/approvals.css';
import '../admin-approvals.css';

type Version = ApprovalProcessDetail['versions'][number];

const newStep = (): StepDefinition => ({ name: '', approver: { type: 'manager' }, mode: 'any', condition: null, deadlinePolicy: null });

/** Client-side checks so the obvious gaps are shown before saving (the server checks again). */
function localErrors(chain: ChainDefinition, t: (k: string) => string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  chain.steps.forEach((s, i) => {
    const e: string[] = [];
    if (!s.name.trim()) e.push(t('adminApprovals.err.name'));
    if (s.approver.type === 'role' && !s.approver.roleCode) e.push(t('adminApprovals.err.role'));
    if (s.approver.type === 'user' && !s.approver.userId) e.push(t('adminApprovals.err.user'));
    if (e.length) out.set(i, e);
  });
  return out;
}

/** Server field errors `body.definition.steps.<n>.…` by step index. */
function serverErrors(err: unknown): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!isApiError(err)) return out;
  for (const [key, msg] of Object.entries(err.fields)) {
    const m = /^body\.definition\.steps\.(\d+)/.exec(key);
    const i = m?.[1] !== undefined ? Number(m[1]) : -1;
    out.set(i, [...(out.get(i) ?? []), msg]);
  }
  return out;
}

/**
 * 审批流程配置 for one process: edit the steps (approvers, 或签/会签, conditions, deadline
 * policies) and the resubmission rule; saving creates a new version, requests in flight keep
 * theirs. The version history shows every stored version.
 */
export function ChainEditorPage() {
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const { t } = useTranslation();
  const message = useMessage();
  const process = useApprovalProcess(code);
  const save = useSaveChain(code);
  const [draft, setDraft] = useState<ChainDefinition | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Map<number, string[]>>(new Map());
  const [viewing, setViewing] = useState<number | null>(null);
  const viewed = useChainVersion(code, viewing);

  const loaded = process.data;
  useEffect(() => {
    if (loaded && draft === null) setDraft(loaded.chain.definition);
  }, [loaded, draft]);

  if (process.isPending) return <SectionSpin />;
  if (process.error) return <LoadError error={process.error} onRetry={() => void process.refetch()} />;
  const detail = process.data;
  const chain = draft ?? detail.chain.definition;
  const dirty = JSON.stringify(chain) !== JSON.stringify(detail.chain.definition);

  const setSteps = (steps: StepDefinition[]) => setDraft({ ...chain, steps });
  const updateStep = (i: number, s: StepDefinition) => setSteps(chain.steps.map((x, j) => (j === i ? s : x)));
  const move = (i: number, delta: -1 | 1) => {
    const steps = [...chain.steps];
    const [s] = steps.splice(i, 1);
    if (s) steps.splice(i + delta, 0, s);
    setSteps(steps);
  };

  const onSave = () => {
    const local = localErrors(chain, t);
    setErrors(local);
    if (local.size) {
      void message.error(t('adminApprovals.fixErrors'));
      return;
    }
    save.mutate(
      { baseVersion: detail.chain.version, definition: chain, note: note.trim() || null },
      {
        onSuccess: (d) => {
          setDraft(d.chain.definition);
          setNote('');
          setErrors(new Map());
          void message.success(
            d.chain.version === detail.chain.version
              ? t('adminApprovals.unchanged')
              : t('adminApprovals.saved', { version: d.chain.version }),
          );
        },
        onError: (err) => {
          setErrors(serverErrors(err));
          void message.error(isApiError(err) ? err.message : t('common.saveFailed'));
          if (isApiError(err) && err.status === 409) {
            setDraft(null);
            void process.refetch();
          }
        },
      },
    );
  };

  const versionColumns: TableColumnsType<Version> = [
    {
      title: t('adminApprovals.col.version'),
      key: 'v',
      render: (_: unknown, v) => (
        <>
          v{v.version} {v.version === detail.chain.version ? <Tag color="blue">{t('adminApprovals.current')}</Tag> : null}
        </>
      ),
    },
    { title: t('adminApprovals.col.savedAt'), key: 'at', render: (_: unknown, v) => formatDateTime(v.createdAt) },
    { title: t('adminApprovals.col.savedBy'), key: 'by', render: (_: unknown, v) => v.createdByName ?? t('adminApprovals.system') },
    { title: t('adminApprovals.col.steps'), dataIndex: 'stepCount', key: 'steps' },
    { title: t('adminApprovals.col.requests'), dataIndex: 'requestCount', key: 'requests' },
    {
      title: t('adminApprovals.col.note'),
      key: 'note',
      render: (_: unknown, v) => v.note ?? (v.version === 1 && !v.createdByName ? t('adminApprovals.defaultNote') : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, v) => (
        <Button type="link" size="small" onClick={() => setViewing(v.version)}>
          {t('adminApprovals.view')}
        </Button>
      ),
    },
  ];

  return (
    <div className="bf-chain-editor">
      <Link to="/admin/approvals" className="bf-back-link">
        <ArrowLeftOutlined /> {t('adminApprovals.back')}
      </Link>
      <div className="bf-page-header">
        <div className="bf-page-header-text">
          <Typography.Title level={1} className="bf-page-title">
            {detail.process.label}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="bf-page-description">
            {detail.process.subjectLabel} ·{' '}
            {detail.chain.version
              ? t('adminApprovals.currentVersion', { version: detail.chain.version })
              : t('adminApprovals.defaultChainLong')}
          </Typography.Paragraph>
        </div>
      </div>
      {detail.process.openRequests ? (
        <Alert
          type="info"
          showIcon
          className="bf-gap-bottom"
          title={t('adminApprovals.inFlight', { count: detail.process.openRequests })}
        />
      ) : null}

      <Card title={t('adminApprovals.settings')} className="bf-gap-bottom">
        <div className="bf-step-label">{t('adminApprovals.resubmitFrom')}</div>
        <Radio.Group
          value={chain.resubmitFrom}
          onChange={(e) => setDraft({ ...chain, resubmitFrom: e.target.value === 'returning_step' ? 'returning_step' : 'first' })}
          options={[
            { value: 'first', label: t('approvals.restart.first') },
            { value: 'returning_step', label: t('approvals.restart.returning_step') },
          ]}
        />
        <Typography.Paragraph type="secondary" className="bf-step-help">
          {t('adminApprovals.resubmitHelp')}
        </Typography.Paragraph>
      </Card>

      {errors.get(-1)?.length ? <Alert type="error" showIcon className="bf-gap-bottom" title={errors.get(-1)?.join('；')} /> : null}
      {chain.steps.map((s, i) => (
        <StepCard
          key={i}
          index={i}
          count={chain.steps.length}
          step={s}
          detail={detail}
          errors={errors.get(i) ?? []}
          onChange={(x) => updateStep(i, x)}
          onMove={(d) => move(i, d)}
          onRemove={() => setSteps(chain.steps.filter((_, j) => j !== i))}
        />
      ))}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        disabled={chain.steps.length >= 20}
        onClick={() => setSteps([...chain.steps, newStep()])}
        className="bf-gap-bottom"
      >
        {t('adminApprovals.addStep')}
      </Button>

      <Card className="bf-gap-bottom bf-chain-save">
        <Space orientation="vertical" className="bf-full-width">
          <Input
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('adminApprovals.notePlaceholder')}
            aria-label={t('adminApprovals.note')}
          />
          <Space wrap>
            <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} disabled={!dirty} onClick={onSave}>
              {t('adminApprovals.save')}
            </Button>
            <Button
              disabled={!dirty}
              onClick={() => {
                setDraft(detail.chain.definition);
                setErrors(new Map());
              }}
            >
              {t('common.discard')}
            </Button>
            <Typography.Text type="secondary">{dirty ? t('adminApprovals.unsaved') : t('adminApprovals.saveHelp')}</Typography.Text>
          </Space>
        </Space>
      </Card>

      <Card title={t('adminApprovals.history')}>
        <Table<Version>
          rowKey="version"
          size="small"
          dataSource={detail.versions}
          columns={versionColumns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('adminApprovals.noHistory') }}
        />
      </Card>

      <Modal
        open={viewing !== null}
        title={t('adminApprovals.versionTitle', { version: viewing ?? 0 })}
        onCancel={() => setViewing(null)}
        footer={[
          <Button
            key="load"
            onClick={() => {
              if (viewed.data) setDraft(viewed.data.definition);
              setViewing(null);
            }}
            disabled={!viewed.data}
          >
            {t('adminApprovals.editFromVersion')}
          </Button>,
          <Button key="close" type="primary" onClick={() => setViewing(null)}>
            {t('common.ok')}
          </Button>,
        ]}
        width={640}
      >
        {viewed.isPending ? (
          <SectionSpin />
        ) : viewed.data ? (
          <ChainSummary chain={viewed.data.definition} fields={detail.fields} roles={detail.roles} userNames={detail.userNames} />
        ) : null}
      </Modal>
    </div>
  );
}
