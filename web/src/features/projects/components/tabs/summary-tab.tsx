import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../../shared/components/feedback.tsx';
import { LoadError } from '../../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../../shared/components/full-page-spin.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import type { ProjectDetail, SummaryBody } from '../../project-api.ts';
import { useProjectAction, useProjectSummary } from '../../hooks/use-projects.ts';

interface Values {
  overview: string;
  whatWorked?: string | null;
  whatToImprove?: string | null;
  lessons?: string | null;
}

/**
 * 项目总结 (seed 000 step 9): after the result, whatever it is, the team writes it; it is shared
 * with the team and the monitor, and the project can be closed only once it exists.
 */
export function SummaryTab({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const summary = useProjectSummary(p.id);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const save = useProjectAction(p.id, (body: SummaryBody) => api('PUT /projects/:id/summary', { params: { id: p.id }, body }));
  const writable = p.can.writeSummary && p.status !== 'open' && p.status !== 'no_go' && !p.flags.closed;
  useEffect(() => {
    if (summary.data) form.setFieldsValue(summary.data);
  }, [summary.data, form]);

  if (summary.error) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (summary.isPending) return <SectionSpin />;
  const s = summary.data;

  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        version: s?.version ?? 0,
        overview: v.overview,
        whatWorked: v.whatWorked?.trim() || null,
        whatToImprove: v.whatToImprove?.trim() || null,
        lessons: v.lessons?.trim() || null,
      });
      void message.success(t('projects.summary.saved'));
      setEditing(false);
    } catch (err) {
      onError(err, { form, onConflict: () => void summary.refetch() });
    }
  };

  if (!s && !editing) {
    return (
      <Space orientation="vertical" className="bf-full-width">
        <Alert type="info" showIcon title={p.status === 'open' ? t('projects.summary.afterOutcome') : t('projects.summary.missing')} />
        {writable ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('projects.summary.write')}
          </Button>
        ) : null}
      </Space>
    );
  }
  if (editing) {
    return (
      <Card size="small" title={t('projects.summary.title')}>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="overview"
            label={t('projects.summary.overview')}
            rules={[{ required: true, whitespace: true, message: t('projects.summary.overviewRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
          <Form.Item name="whatWorked" label={t('projects.summary.whatWorked')}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Form.Item name="whatToImprove" label={t('projects.summary.whatToImprove')}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Form.Item name="lessons" label={t('projects.summary.lessons')}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('projects.summary.submit')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    );
  }
  if (!s) return null;
  return (
    <Card
      size="small"
      title={t('projects.summary.title')}
      extra={
        writable ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[{ key: 'a', label: t('projects.summary.author'), children: `${s.authorName ?? '—'} · ${formatDateTime(s.submittedAt)}` }]}
      />
      {(
        [
          ['overview', s.overview],
          ['whatWorked', s.whatWorked],
          ['whatToImprove', s.whatToImprove],
          ['lessons', s.lessons],
        ] as const
      ).map(([k, v]) =>
        v ? (
          <div key={k}>
            <Typography.Title level={5}>{t(`projects.summary.${k}`)}</Typography.Title>
            <Typography.Paragraph className="bf-pre">{v}</Typography.Paragraph>
          </div>
        ) : null,
      )}
    </Card>
  );
}
