import { useEffect, useState } from 'react';
import { Button, Card, Space, TimePicker, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { useUpdateWorkingHours, useWorkingHours } from '../hooks/use-calendar.ts';

type Range = [Dayjs, Dayjs];
const toDayjs = (hhmm: string) => dayjs(`2000-01-01T${hhmm === '24:00' ? '23:59' : hhmm}:00`);

/** 工作时间: the working periods hour-based deadlines count in (Asia/Shanghai). */
export function WorkingHoursCard() {
  const { t } = useTranslation();
  const message = useMessage();
  const hours = useWorkingHours();
  const update = useUpdateWorkingHours();
  const handleError = useApiErrorHandler();
  const [ranges, setRanges] = useState<Array<Range | null>>([]);

  useEffect(() => {
    if (hours.data) setRanges(hours.data.periods.map((p) => [toDayjs(p.from), toDayjs(p.to)]));
  }, [hours.data]);

  if (hours.error) return <LoadError error={hours.error} onRetry={() => void hours.refetch()} />;
  const current = hours.data;
  const minutes = ranges.reduce((s, r) => (r ? s + r[1].diff(r[0], 'minute') : s), 0);

  const save = () => {
    if (!current) return;
    const periods = ranges.filter((r): r is Range => r !== null).map((r) => ({ from: r[0].format('HH:mm'), to: r[1].format('HH:mm') }));
    update.mutate(
      { version: current.version, periods },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => handleError(err, { onConflict: () => void hours.refetch() }),
      },
    );
  };

  return (
    <Card title={<h2 className="bf-card-title">{t('calendar.workingHours')}</h2>} className="bf-gap-bottom" loading={!current}>
      <Typography.Paragraph type="secondary">{t('calendar.workingHoursHelp')}</Typography.Paragraph>
      {ranges.map((r, i) => (
        <div key={i} className="bf-cal-hours-row">
          <TimePicker.RangePicker
            value={r}
            format="HH:mm"
            minuteStep={5}
            order
            allowClear={false}
            aria-label={t('calendar.period', { n: i + 1 })}
            onChange={(v) => setRanges((prev) => prev.map((x, j) => (j === i ? (v && v[0] && v[1] ? [v[0], v[1]] : null) : x)))}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('calendar.removePeriod', { n: i + 1 })}
            disabled={ranges.length <= 1}
            onClick={() => setRanges((prev) => prev.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Space wrap>
        <Button
          icon={<PlusOutlined />}
          disabled={ranges.length >= 6}
          onClick={() => setRanges((prev) => [...prev, [toDayjs('13:00'), toDayjs('18:00')]])}
        >
          {t('calendar.addPeriod')}
        </Button>
        <Button type="primary" onClick={save} loading={update.isPending} disabled={ranges.some((r) => r === null)}>
          {t('common.save')}
        </Button>
        <Typography.Text type="secondary">{t('calendar.dayLength', { hours: Math.round((minutes / 60) * 100) / 100 })}</Typography.Text>
      </Space>
    </Card>
  );
}
