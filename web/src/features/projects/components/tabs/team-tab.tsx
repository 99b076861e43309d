import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, List, Modal, Select, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../../shared/components/feedback.tsx';
import { UserPicker } from '../../../../shared/components/user-picker.tsx';
import type { ProjectDetail } from '../../project-api.ts';
import { PROJECTS_KEY, useProjectAction } from '../../hooks/use-projects.ts';
import { PROJECT_ROLES, roleNeedsRegistration, type ProjectRole } from '../../../../../../core/projects/rules.ts';

/**
 * 项目组: owner, project manager, presales lead, monitor (监控人) and the members with their
 * project roles. Presales engineers and solution staff can join only after the registration.
 */
export function TeamTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [person, setPerson] = useState<null | 'manager' | 'monitor'>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ userId?: string; projectRole?: ProjectRole }>();
  const setPersonAction = useProjectAction(p.id, (v: { which: 'manager' | 'monitor'; userId: string | null }) =>
    v.which === 'manager'
      ? api('PUT /projects/:id/manager', { params: { id: p.id }, body: { version: p.version, userId: v.userId } })
      : api('PUT /projects/:id/monitor', { params: { id: p.id }, body: { version: p.version, userId: v.userId } }),
  );
  const editable = p.can.update && !p.flags.closed;
  const refresh = () => void qc.invalidateQueries({ queryKey: PROJECTS_KEY });

  const addMember = async () => {
    const v = await form.validateFields();
    try {
      await api('POST /projects/:id/members', {
        params: { id: p.id },
        body: { userId: v.userId ?? '', projectRole: v.projectRole as ProjectRole },
      });
      void message.success(t('projects.team.added'));
      setAdding(false);
      form.resetFields();
    } catch (err) {
      onError(err, { form });
    } finally {
      refresh();
    }
  };
  const removeMember = async (userId: string, projectRole: string) => {
    try {
      await api('DELETE /projects/:id/members', { params: { id: p.id }, query: { userId, projectRole: projectRole as ProjectRole } });
      void message.success(t('projects.team.removed'));
    } catch (err) {
      onError(err);
    } finally {
      refresh();
    }
  };
  const savePerson = async () => {
    if (!person) return;
    const v = await form.validateFields();
    try {
      await setPersonAction.mutateAsync({ which: person, userId: v.userId ?? null });
      void message.success(t('common.saved'));
      setPerson(null);
      form.resetFields();
    } catch (err) {
      onError(err, { form });
    }
  };

  const edit = (which: 'manager' | 'monitor') =>
    editable ? (
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        aria-label={t(`projects.team.set.${which}`)}
        onClick={() => {
          form.resetFields();
          setPerson(which);
        }}
      />
    ) : null;

  return (
    <Space orientation="vertical" size="middle" className="bf-full-width">
      {!p.flags.registered ? <Alert type="info" showIcon title={t('projects.team.notRegistered')} /> : null}
      <Card size="small" title={t('projects.team.key')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'owner', label: t('projects.team.owner'), children: p.team.ownerName },
            {
              key: 'manager',
              label: t('projects.team.manager'),
              children: (
                <>
                  {p.team.managerName ?? '—'} {edit('manager')}
                </>
              ),
            },
            { key: 'lead', label: t('projects.team.presalesLead'), children: p.team.presalesLeadName ?? '—' },
            {
              key: 'monitor',
              label: t('projects.team.monitor'),
              children: (
                <>
                  {p.team.monitorName ?? '—'} {edit('monitor')}
                </>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('projects.team.members')}
        extra={
          editable ? (
            <Button
              size="small"
              icon={<UserAddOutlined />}
              onClick={() => {
                form.resetFields();
                setAdding(true);
              }}
            >
              {t('projects.team.add')}
            </Button>
          ) : null
        }
      >
        <List
          dataSource={p.team.members}
          locale={{ emptyText: t('projects.team.empty') }}
          renderItem={(m) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button
                        key="rm"
                        type="text"
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('projects.team.remove', { name: m.displayName })}
                        onClick={() => void removeMember(m.userId, m.projectRole)}
                      />,
                    ]
                  : []
              }
            >
              <List.Item.Meta title={m.displayName} description={m.departmentName ?? undefined} />
              <Tag>{t(`projects.role.${m.projectRole}`, { defaultValue: m.projectRole })}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Modal open={adding} title={t('projects.team.add')} onCancel={() => setAdding(false)} onOk={() => void addMember()} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="userId" label={t('projects.team.user')} rules={[{ required: true, message: t('projects.team.userRequired') }]}>
            <UserPicker source="colleagues" aria-label={t('projects.team.user')} />
          </Form.Item>
          <Form.Item
            name="projectRole"
            label={t('projects.team.role')}
            rules={[{ required: true, message: t('projects.team.roleRequired') }]}
            extra={p.flags.registered ? undefined : t('projects.team.gatedHint')}
          >
            <Select
              options={PROJECT_ROLES.map((r) => ({
                value: r,
                label: t(`projects.role.${r}`),
                disabled: !p.flags.registered && roleNeedsRegistration(r),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={person !== null}
        title={person ? t(`projects.team.set.${person}`) : ''}
        onCancel={() => setPerson(null)}
        onOk={() => void savePerson()}
        confirmLoading={setPersonAction.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="userId" label={t('projects.team.user')}>
            <UserPicker source="colleagues" aria-label={t('projects.team.user')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
