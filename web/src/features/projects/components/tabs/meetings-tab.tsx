import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../../shared/components/feedback.tsx';
import { LoadError } from '../../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../../shared/components/full-page-spin.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { UserPicker } from '../../../../shared/components/user-picker.tsx';
import type { MeetingView, ProjectDetail, TaskView } from '../../project-api.ts';
import { PROJECTS_KEY, TASKS_KEY, useCompleteTask, useProjectMeetings, WORKSPACE_KEY } from '../../hooks/use-projects.ts';

interface MeetingValues {
  title: string;
  heldAt: Dayjs;
  location?: string;
  agenda?: string;
  minutes?: string;
  participantIds?: string[];
}
interface TaskValues {
  title: string;
  ownerUserId: string;
  dueDate: Dayjs;
  description?: string;
}

/** Action items of a meeting: owner, due date, state; the owner marks them done. */
export function TaskTable({ tasks, onDone }: { tasks: TaskView[]; onDone?: (t: TaskView) => void }) {
  const { t } = useTranslation();
  return (
    <Table<TaskView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={tasks}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('projects.meetings.noTasks') }}
      columns={[
        { title: t('projects.tasks.title'), dataIndex: 'title', key: 't' },
        { title: t('projects.tasks.owner'), dataIndex: 'ownerName', key: 'o' },
        {
          title: t('projects.tasks.due'),
          key: 'd',
          render: (_: unknown, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{r.dueDate ?? '—'}</Typography.Text>,
        },
        {
          title: t('projects.tasks.state'),
          key: 's',
          render: (_: unknown, r) =>
            r.state === 'done' ? (
              <Tag color="success">{t('projects.tasks.done')}</Tag>
            ) : onDone ? (
              <Button size="small" icon={<CheckOutlined />} onClick={() => onDone(r)}>
                {t('projects.tasks.markDone')}
              </Button>
            ) : (
              <Tag color={r.overdue ? 'error' : 'processing'}>{r.overdue ? t('projects.tasks.overdue') : t('projects.tasks.open')}</Tag>
            ),
        },
      ]}
    />
  );
}

/**
 * 项目分析会 (seed 004 §9): agenda, minutes, participants and action items — tasks with an
 * owner and a due date that show up in that person's "my tasks" and workspace.
 */
export function MeetingsTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const meetings = useProjectMeetings(p.id);
  const complete = useCompleteTask();
  const [creating, setCreating] = useState(false);
  const [taskFor, setTaskFor] = useState<MeetingView | null>(null);
  const [mForm] = Form.useForm<MeetingValues>();
  const [tForm] = Form.useForm<TaskValues>();
  const [busy, setBusy] = useState(false);
  const editable = p.can.update && !p.flags.closed;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: PROJECTS_KEY });
    void qc.invalidateQueries({ queryKey: TASKS_KEY });
    void qc.invalidateQueries({ queryKey: WORKSPACE_KEY });
  };

  const createMeeting = async () => {
    const v = await mForm.validateFields();
    setBusy(true);
    try {
      await api('POST /projects/:id/meetings', {
        params: { id: p.id },
        body: {
          title: v.title,
          heldAt: v.heldAt.toISOString(),
          location: v.location?.trim() || null,
          agenda: v.agenda?.trim() || null,
          minutes: v.minutes?.trim() || null,
          participantIds: v.participantIds ?? [],
        },
      });
      void message.success(t('projects.meetings.created'));
      setCreating(false);
      mForm.resetFields();
      refresh();
    } catch (err) {
      onError(err, { form: mForm });
    } finally {
      setBusy(false);
    }
  };
  const createTask = async () => {
    if (!taskFor) return;
    const v = await tForm.validateFields();
    setBusy(true);
    try {
      await api('POST /meetings/:id/tasks', {
        params: { id: taskFor.id },
        body: {
          title: v.title,
          ownerUserId: v.ownerUserId,
          dueDate: v.dueDate.format('YYYY-MM-DD'),
          description: v.description?.trim() || null,
        },
      });
      void message.success(t('projects.meetings.taskCreated'));
      setTaskFor(null);
      tForm.resetFields();
      refresh();
    } catch (err) {
      onError(err, { form: tForm });
    } finally {
      setBusy(false);
    }
  };
  const done = async (task: TaskView) => {
    try {
      await complete.mutateAsync({ id: task.id, version: task.version });
      void message.success(t('projects.tasks.completed'));
    } catch (err) {
      onError(err);
    }
  };

  if (meetings.error) return <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} />;
  if (!meetings.data) return <SectionSpin />;
  return (
    <Space orientation="vertical" size="middle" className="bf-full-width">
      {editable ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            mForm.resetFields();
            setCreating(true);
          }}
        >
          {t('projects.meetings.new')}
        </Button>
      ) : null}
      {meetings.data.length === 0 ? <Empty description={t('projects.meetings.empty')} /> : null}
      {meetings.data.map((m) => (
        <Card
          key={m.id}
          size="small"
          title={
            <>
              {m.title}{' '}
              <span className="bf-muted">
                {formatDateTime(m.heldAt)}
                {m.location ? ` · ${m.location}` : ''}
              </span>
            </>
          }
          extra={
            editable ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => {
                  tForm.resetFields();
                  setTaskFor(m);
                }}
              >
                {t('projects.meetings.addTask')}
              </Button>
            ) : null
          }
        >
          {m.participants.length ? (
            <p>
              <strong>{t('projects.meetings.participants')}：</strong>
              {m.participants.map((x) => x.displayName).join('、')}
            </p>
          ) : null}
          {m.agenda ? (
            <>
              <strong>{t('projects.meetings.agenda')}</strong>
              <Typography.Paragraph className="bf-pre">{m.agenda}</Typography.Paragraph>
            </>
          ) : null}
          {m.minutes ? (
            <>
              <strong>{t('projects.meetings.minutes')}</strong>
              <Typography.Paragraph className="bf-pre">{m.minutes}</Typography.Paragraph>
            </>
          ) : null}
          <strong>{t('projects.meetings.actionItems')}</strong>
          <TaskTable tasks={m.tasks} onDone={(task) => void done(task)} />
        </Card>
      ))}
      <Modal
        open={creating}
        title={t('projects.meetings.new')}
        onCancel={() => setCreating(false)}
        onOk={() => void createMeeting()}
        confirmLoading={busy}
        destroyOnHidden
        width={640}
      >
        <Form form={mForm} layout="vertical" initialValues={{ heldAt: dayjs(), title: t('projects.meetings.defaultTitle') }}>
          <Form.Item name="title" label={t('projects.meetings.title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="heldAt" label={t('projects.meetings.heldAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item name="location" label={t('projects.meetings.location')}>
              <Input maxLength={200} />
            </Form.Item>
          </Space>
          <Form.Item name="participantIds" label={t('projects.meetings.participants')}>
            <UserPicker source="colleagues" mode="multiple" allowClear={false} aria-label={t('projects.meetings.participants')} />
          </Form.Item>
          <Form.Item name="agenda" label={t('projects.meetings.agenda')}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Form.Item name="minutes" label={t('projects.meetings.minutes')}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={taskFor !== null}
        title={t('projects.meetings.addTask')}
        onCancel={() => setTaskFor(null)}
        onOk={() => void createTask()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={tForm} layout="vertical">
          <Form.Item name="title" label={t('projects.tasks.title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="ownerUserId"
            label={t('projects.tasks.owner')}
            rules={[{ required: true, message: t('projects.team.userRequired') }]}
          >
            <UserPicker source="colleagues" aria-label={t('projects.tasks.owner')} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('projects.tasks.due')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="description" label={t('projects.tasks.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
