import { useState } from 'react';
import { Button, Card, Empty, Form, Input, List, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { VisitLogDay } from '../../activities/activity-api.ts';
import { VISIT_LOG_KEY } from '../../activities/hooks/use-activities.ts';
import '../../leads/leads.css';

function weekdayOf(date: string, lang: string): string {
  return dayjs(date)
    .locale(lang === 'en' ? 'en' : 'zh-cn')
    .format('dddd');
}

/**
 * 我的巡访登记 (客户巡访登记表): the last two weeks day by day — visits logged, whether the day's
 * log is handed in, its deadline (end of the working day). Log a visit in one tap, or declare a
 * day without visits with a note.
 */
export function MyVisitLogPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const [noVisitDay, setNoVisitDay] = useState<string | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const log = useQuery({
    queryKey: [...VISIT_LOG_KEY, 'mine'],
    queryFn: ({ signal }) => api('GET /visit-logs/mine', { query: {}, signal }),
  });
  const submit = useMutation({
    mutationFn: (v: { date: string; note: string }) =>
      api('POST /visit-logs/:date/submit', { params: { date: v.date }, body: { noVisits: true, note: v.note } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: VISIT_LOG_KEY });
      void message.success(t('visitLogs.noVisitsSaved'));
      setNoVisitDay(null);
      form.resetFields();
    },
    onError: (err) => onError(err, { form }),
  });

  const status = (d: VisitLogDay) => {
    if (d.visits > 0)
      return (
        <Tag icon={<CheckCircleFilled />} color="success">
          {t('visitLogs.visits', { count: d.visits })}
        </Tag>
      );
    if (d.noVisits) return <Tag color="default">{t('visitLogs.noVisits')}</Tag>;
    if (!d.working) return <Tag>{t('visitLogs.restDay')}</Tag>;
    if (!d.expected) return null;
    if (d.deadlineState === 'running')
      return <Tag color="processing">{t('visitLogs.dueToday', { at: formatDateTime(d.dueAt).slice(11) })}</Tag>;
    return (
      <Tag icon={<ExclamationCircleFilled />} color="error">
        {t('visitLogs.missing')}
      </Tag>
    );
  };

  return (
    <>
      <PageHeader
        title={t('visitLogs.title')}
        description={t('visitLogs.description')}
        extra={
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => void navigate('/activities/new?type=visit')}>
            {t('visitLogs.logVisit')}
          </Button>
        }
      />
      {log.error && !log.data ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : !log.data ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          <List<VisitLogDay>
            dataSource={log.data.days}
            locale={{ emptyText: <Empty description={t('visitLogs.empty')} /> }}
            renderItem={(d) => (
              <List.Item>
                <div className="bf-visit-day">
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{d.date}</Typography.Text>
                    <span className="bf-muted">
                      {weekdayOf(d.date, i18n.language)}
                      {d.note ? ` · ${d.note}` : ''}
                    </span>
                  </Space>
                  <Space wrap>
                    {status(d)}
                    {d.expected && d.visits === 0 && !d.noVisits ? (
                      <Button size="small" onClick={() => setNoVisitDay(d.date)}>
                        {t('visitLogs.declareNoVisits')}
                      </Button>
                    ) : null}
                  </Space>
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Modal
        open={noVisitDay !== null}
        title={t('visitLogs.noVisitsTitle', { date: noVisitDay ?? '' })}
        onCancel={() => setNoVisitDay(null)}
        onOk={() => form.submit()}
        okText={t('visitLogs.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: submit.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => submit.mutate({ date: noVisitDay ?? '', note: v.note })}>
          <Form.Item name="note" label={t('visitLogs.note')} rules={[{ required: true, whitespace: true }]} extra={t('visitLogs.noteHint')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
