import { useState, type ReactNode } from 'react';
import { Button, Dropdown, Form, Input, Modal, Space, Tooltip, type MenuProps } from 'antd';
import {
  CheckCircleOutlined,
  DownOutlined,
  FlagOutlined,
  LockOutlined,
  SendOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { localized, stageLabel, type ProjectDetail } from '../project-api.ts';
import { useProjectAction, useStageConfig } from '../hooks/use-projects.ts';
import { OutcomeDialog } from './outcome-dialog.tsx';

type Dialog = null | 'noGo' | 'shareException' | 'special' | 'presalesLead' | 'outcome' | 'close';

/** The header's actions: Advance (with its gate reasons), the approvals to submit, outcome, close. */
export function ProjectActions({ p }: { p: ProjectDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const message = useMessage();
  const onError = useApiErrorHandler();
  const config = useStageConfig();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ reason?: string; userId?: string; note?: string }>();
  const id = p.id;
  const action = useProjectAction(id, (fn: () => Promise<ProjectDetail>) => fn());
  const run = async (fn: () => Promise<ProjectDetail>, done: string) => {
    try {
      await action.mutateAsync(fn);
      void message.success(done);
      setDialog(null);
      form.resetFields();
    } catch (err) {
      onError(err, { form });
    }
  };
  const version = p.version;
  const open = p.status === 'open' && !p.flags.closed;
  const next = p.nextStep;

  // Advance: the suggested next stage, explained when its gate is closed.
  const target = next.code === 'advance' || next.code === 'close' ? next.targetStage : null;
  const gate = target ? p.transitions.find((x) => x.stage === target) : undefined;
  const advance =
    target && p.can.update && next.code === 'advance' ? (
      <Tooltip
        title={
          gate && !gate.allowed ? (
            <ul className="bf-gate-reasons bf-gate-tooltip">
              {gate.reasons.map((r) => (
                <li key={r.code + (r.field ?? r.approval ?? '')}>{localized(r, lang)}</li>
              ))}
            </ul>
          ) : undefined
        }
      >
        <Button
          type="primary"
          icon={<FlagOutlined />}
          disabled={!gate?.allowed}
          data-testid="advance"
          onClick={() =>
            void run(() => api('POST /projects/:id/stage', { params: { id }, body: { stage: target, version } }), t('projects.done.stage'))
          }
        >
          {t('projects.action.advance', { stage: stageLabel(config.data, target, lang) })}
        </Button>
      </Tooltip>
    ) : null;

  const buttons: ReactNode[] = [];
  if (advance) buttons.push(<span key="advance">{advance}</span>);
  if (p.can.update && next.code === 'submit_go_no_go') {
    buttons.push(
      <Button
        key="gng"
        type="primary"
        icon={<SendOutlined />}
        onClick={() => void run(() => api('POST /projects/:id/go-no-go', { params: { id }, body: { version } }), t('projects.done.goNoGo'))}
      >
        {t('projects.action.goNoGo')}
      </Button>,
    );
  }
  if (p.can.register && next.code === 'submit_registration') {
    buttons.push(
      <Button
        key="reg"
        type="primary"
        icon={<SendOutlined />}
        onClick={() =>
          void run(() => api('POST /projects/:id/registration', { params: { id }, body: { version } }), t('projects.done.registration'))
        }
      >
        {t('projects.action.registration')}
      </Button>,
    );
  }
  if (p.can.update && next.code === 'request_share_exception') {
    buttons.push(
      <Button key="share" type="primary" onClick={() => setDialog('shareException')}>
        {t('projects.action.shareException')}
      </Button>,
    );
  }
  if (p.can.assign && p.flags.registered && open) {
    buttons.push(
      <Button
        key="lead"
        type={next.code === 'assign_presales_lead' ? 'primary' : 'default'}
        icon={<UserAddOutlined />}
        onClick={() => setDialog('presalesLead')}
      >
        {p.team.presalesLeadId ? t('projects.action.changePresalesLead') : t('projects.action.presalesLead')}
      </Button>,
    );
  }
  if (p.can.update && next.code === 'record_outcome' && open) {
    buttons.push(
      <Button key="outcome" type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('outcome')}>
        {t('projects.action.outcome')}
      </Button>,
    );
  }
  if (p.can.update && next.code === 'close') {
    buttons.push(
      <Button key="close" type="primary" icon={<LockOutlined />} onClick={() => setDialog('close')}>
        {t('projects.action.close')}
      </Button>,
    );
  }
  const outcomeStages = p.transitions.filter((x) => (config.data?.stages ?? []).some((s) => s.code === x.stage && s.kind === 'outcome'));
  const menu: NonNullable<MenuProps['items']> = [];
  if (p.can.update && open && outcomeStages.length && next.code !== 'record_outcome')
    menu.push({ key: 'outcome', icon: <CheckCircleOutlined />, label: t('projects.action.outcome') });
  const otherMoves = p.transitions.filter((x) => x.stage !== target && !outcomeStages.includes(x));
  if (p.can.update) {
    for (const m of otherMoves) {
      menu.push({
        key: `stage:${m.stage}`,
        disabled: !m.allowed,
        label: (
          <Tooltip placement="left" title={m.allowed ? undefined : m.reasons.map((r) => localized(r, lang)).join('；')}>
            <span>{t('projects.action.moveTo', { stage: stageLabel(config.data, m.stage, lang) })}</span>
          </Tooltip>
        ),
      });
    }
  }
  if (p.can.update && open && p.goDecision !== 'go' && p.goDecision !== 'pending')
    menu.push({ key: 'noGo', icon: <StopOutlined />, label: t('projects.action.noGo'), danger: true });
  if (p.can.update && open) menu.push({ key: 'special', label: t('projects.action.special') });

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('stage:')) {
      const stage = key.slice(6);
      void run(() => api('POST /projects/:id/stage', { params: { id }, body: { stage, version } }), t('projects.done.stage'));
    } else setDialog(key as Dialog);
  };

  const reasonModal = (
    kind: 'noGo' | 'shareException' | 'special',
    title: string,
    send: (reason: string) => Promise<ProjectDetail>,
    done: string,
  ) => (
    <Modal
      open={dialog === kind}
      title={title}
      onCancel={() => setDialog(null)}
      onOk={() => void form.validateFields().then((v) => run(() => send(v.reason ?? ''), done))}
      confirmLoading={action.isPending}
      destroyOnHidden
      okText={t('projects.action.submit')}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('projects.action.reason')}
          rules={[{ required: true, whitespace: true, message: t('projects.action.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );

  return (
    <>
      <Space wrap>
        {buttons}
        {menu.length ? (
          <Dropdown menu={{ items: menu, onClick: onMenu }} trigger={['click']}>
            <Button>
              {t('projects.action.more')} <DownOutlined />
            </Button>
          </Dropdown>
        ) : null}
      </Space>
      {reasonModal(
        'noGo',
        t('projects.action.noGo'),
        (reason) => api('POST /projects/:id/no-go', { params: { id }, body: { version, reason } }),
        t('projects.done.noGo'),
      )}
      {reasonModal(
        'shareException',
        t('projects.action.shareException'),
        (reason) => api('POST /projects/:id/share-exception', { params: { id }, body: { version, reason } }),
        t('projects.done.submitted'),
      )}
      {reasonModal(
        'special',
        t('projects.action.special'),
        (reason) => api('POST /projects/:id/special-handling', { params: { id }, body: { version, reason } }),
        t('projects.done.submitted'),
      )}
      <Modal
        open={dialog === 'presalesLead'}
        title={t('projects.action.presalesLead')}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void form
            .validateFields()
            .then((v) =>
              run(
                () => api('POST /projects/:id/presales-lead', { params: { id }, body: { version, userId: v.userId ?? '' } }),
                t('projects.done.presalesLead'),
              ),
            )
        }
        confirmLoading={action.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="userId"
            label={t('projects.team.presalesLead')}
            rules={[{ required: true, message: t('projects.team.userRequired') }]}
            extra={t('projects.team.presalesLeadHint')}
          >
            <UserPicker source="colleagues" aria-label={t('projects.team.presalesLead')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'close'}
        title={t('projects.action.close')}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void form
            .validateFields()
            .then((v) =>
              run(
                () => api('POST /projects/:id/close', { params: { id }, body: { version, note: v.note?.trim() || null } }),
                t('projects.done.closed'),
              ),
            )
        }
        confirmLoading={action.isPending}
        destroyOnHidden
        okText={t('projects.action.close')}
      >
        <p>{t('projects.action.closeConfirm')}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('projects.action.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <OutcomeDialog
        open={dialog === 'outcome'}
        onClose={() => setDialog(null)}
        allowed={outcomeStages
          .map((s) => config.data?.stages.find((c) => c.code === s.stage)?.outcome)
          .filter((o): o is NonNullable<typeof o> => !!o)}
        busy={action.isPending}
        onSubmit={(body) =>
          run(() => api('POST /projects/:id/outcome', { params: { id }, body: { ...body, version } }), t('projects.done.outcome'))
        }
      />
    </>
  );
}
