import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import type { NoticePreview, NoticeWarning } from '../calendar-api.ts';
import { useParseNotice, useSaveCalendarYear } from '../hooks/use-calendar.ts';

interface Values {
  year: number;
  text: string;
}

/** One warning of the notice parser in the user's language. */
export function warningText(t: (key: string, opts?: Record<string, unknown>) => string, w: NoticeWarning): string {
  return t(`calendar.warning.${w.code}`, { ...w });
}

/**
 * 粘贴国务院通知: the admin pastes the notice text, sees what was read (holiday periods, 调休上班
 * days, warnings) and confirms; the year is created or replaced with its current version.
 * Without a notice, an empty year (weekends only) can be created and marked by hand.
 */
export function NoticeDialog({
  open,
  defaultYear,
  existingYears,
  onClose,
  onSaved,
}: {
  open: boolean;
  defaultYear: number;
  existingYears: readonly number[];
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const parse = useParseNotice();
  const save = useSaveCalendarYear();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (open) {
      setPreview(null);
      form.setFieldsValue({ year: defaultYear, text: '' });
    }
  }, [open, defaultYear, form]);

  const onParse = (values: Values) => parse.mutate(values, { onSuccess: setPreview, onError: (err) => handleError(err, { form }) });

  const confirm = () => {
    if (!preview) return;
    save.mutate(
      {
        year: preview.year,
        body: {
          ...(preview.currentVersion ? { version: preview.currentVersion } : {}),
          holidays: preview.holidays,
          workdays: preview.workdays,
          periods: preview.periods.map((p) => ({ name: p.name, from: p.from, to: p.to })),
          source: preview.source ?? t('calendar.pastedSource'),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('calendar.savedYear', { year: preview.year }));
          onSaved(preview.year);
        },
        onError: (err) => handleError(err),
      },
    );
  };

  const createEmpty = async () => {
    const { year } = await form.validateFields(['year']);
    save.mutate(
      { year, body: { holidays: [], workdays: [], periods: [], source: t('calendar.manualSource') } },
      {
        onSuccess: () => {
          void message.success(t('calendar.createdEmpty', { year }));
          onSaved(year);
        },
        onError: (err) => handleError(err),
      },
    );
  };

  const year = Form.useWatch('year', form);
  const exists = typeof year === 'number' && existingYears.includes(year);

  return (
    <Modal
      open={open}
      title={t('calendar.noticeTitle')}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={
        preview ? (
          <Space wrap>
            <Button onClick={() => setPreview(null)}>{t('calendar.backToText')}</Button>
            <Button type="primary" loading={save.isPending} onClick={confirm} disabled={preview.holidays.length === 0}>
              {preview.currentVersion
                ? t('calendar.confirmReplace', { year: preview.year })
                : t('calendar.confirmCreate', { year: preview.year })}
            </Button>
          </Space>
        ) : (
          <Space wrap>
            {!exists ? (
              <Button onClick={() => void createEmpty()} loading={save.isPending}>
                {t('calendar.createEmpty')}
              </Button>
            ) : null}
            <Button type="primary" htmlType="submit" form="notice-form" loading={parse.isPending}>
              {t('calendar.parse')}
            </Button>
          </Space>
        )
      }
    >
      {preview ? (
        <NoticePreviewView preview={preview} />
      ) : (
        <Form<Values> id="notice-form" form={form} layout="vertical" onFinish={onParse} initialValues={{ year: defaultYear, text: '' }}>
          <Typography.Paragraph type="secondary">{t('calendar.noticeHelp')}</Typography.Paragraph>
          <Form.Item
            name="year"
            label={t('calendar.year')}
            rules={[{ required: true }]}
            extra={exists ? t('calendar.yearExists') : undefined}
          >
            <InputNumber min={2000} max={2100} precision={0} className="bf-number-input" />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('calendar.noticeText')}
            rules={[{ required: true, message: t('calendar.noticeTextRequired') }]}
            className="bf-cal-notice-text"
          >
            <Input.TextArea rows={10} placeholder={t('calendar.noticePlaceholder')} maxLength={20000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function NoticePreviewView({ preview }: { preview: NoticePreview }) {
  const { t } = useTranslation();
  return (
    <>
      {preview.currentVersion ? (
        <Alert type="warning" showIcon className="bf-gap-bottom" title={t('calendar.willReplace', { year: preview.year })} />
      ) : null}
      {preview.warnings.length ? (
        <Alert
          type="warning"
          showIcon
          className="bf-gap-bottom"
          title={t('calendar.checkWarnings')}
          description={
            <ul className="bf-grant-list">
              {preview.warnings.map((w, i) => (
                <li key={i}>{warningText(t, w)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {preview.source ? (
        <Typography.Paragraph type="secondary">
          {t('calendar.source')}：{preview.source}
        </Typography.Paragraph>
      ) : null}
      <Table
        size="small"
        rowKey={(p) => `${p.name}-${p.from}`}
        pagination={false}
        dataSource={preview.periods}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('calendar.holidayName'), dataIndex: 'name', key: 'name' },
          { title: t('calendar.from'), dataIndex: 'from', key: 'from' },
          { title: t('calendar.to'), dataIndex: 'to', key: 'to' },
          {
            title: t('calendar.days'),
            key: 'days',
            render: (_: unknown, p) =>
              p.statedDays !== null && p.statedDays !== p.days ? (
                <Tag color="warning">
                  {p.days} / {p.statedDays}
                </Tag>
              ) : (
                p.days
              ),
          },
        ]}
        locale={{ emptyText: t('calendar.noPeriods') }}
      />
      <Typography.Paragraph className="bf-gap-bottom bf-cal-preview-workdays">
        {t('calendar.makeupDays')}：
        {preview.workdays.length ? (
          preview.workdays.map((d) => (
            <Tag key={d} color="blue">
              {d}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('calendar.none')}</Typography.Text>
        )}
      </Typography.Paragraph>
      <Typography.Paragraph strong>
        {t('calendar.previewSummary', {
          holidays: preview.holidays.length,
          workdays: preview.workdays.length,
          working: preview.workingDays,
        })}
      </Typography.Paragraph>
    </>
  );
}
