import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Empty, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { workingDaysInYear } from '../../../../../core/calendar/year-schedule.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts';
import type { CalendarYear } from '../calendar-api.ts';
import { dayState, nextDayState } from '../calendar-days.ts';
import { useCalendarYears, useSaveCalendarYear } from '../hooks/use-calendar.ts';
import { YearGrid } from '../components/year-grid.tsx';
import { NoticeDialog } from '../components/notice-dialog.tsx';
import { WorkingHoursCard } from '../components/working-hours-card.tsx';
import '../calendar.css';

interface Draft {
  year: number;
  version: number;
  holidays: Set<string>;
  workdays: Set<string>;
}

const draftOf = (y: CalendarYear): Draft => ({
  year: y.year,
  version: y.version,
  holidays: new Set(y.holidays),
  workdays: new Set(y.workdays),
});

function differences(a: Draft, y: CalendarYear): Set<string> {
  const out = new Set<string>();
  const h = new Set(y.holidays);
  const w = new Set(y.workdays);
  for (const d of new Set([...a.holidays, ...h])) if (a.holidays.has(d) !== h.has(d)) out.add(d);
  for (const d of new Set([...a.workdays, ...w])) if (a.workdays.has(d) !== w.has(d)) out.add(d);
  return out;
}

/**
 * 工作日历: one year at a time as twelve month grids with 法定节假日 and 调休上班 marked; a
 * click cycles a day's state, "save" stores the year with its version. New years come from
 * the pasted State Council notice. The working hours for hour-based deadlines sit below.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const years = useCalendarYears();
  const save = useSaveCalendarYear();
  const handleError = useApiErrorHandler();
  const [params, setParams] = useUrlParams(['year'] as const);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<{ open: boolean; year: number }>({ open: false, year: 0 });
  const [modal, modalHolder] = Modal.useModal();

  const list = useMemo(() => years.data ?? [], [years.data]);
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const wanted = Number(params.year);
  const current = list.find((y) => y.year === wanted) ?? list.find((y) => y.year === thisYear) ?? list[list.length - 1];

  // a fresh draft whenever another year is shown or the stored one changed (after a save)
  useEffect(() => {
    setDraft(current ? draftOf(current) : null);
  }, [current]);

  const toggle = useCallback((date: string) => {
    setDraft((d) => {
      if (!d) return d;
      const next = nextDayState(date, dayState(date, d.holidays, d.workdays));
      const holidays = new Set(d.holidays);
      const workdays = new Set(d.workdays);
      holidays.delete(date);
      workdays.delete(date);
      if (next === 'holiday') holidays.add(date);
      if (next === 'workday') workdays.add(date);
      return { ...d, holidays, workdays };
    });
  }, []);

  if (years.error) return <LoadError error={years.error} onRetry={() => void years.refetch()} />;
  if (!years.data) return <SectionSpin />;

  const maxYear = list.length ? Math.max(...list.map((y) => y.year)) : thisYear - 1;
  const openNotice = (year: number) => setNotice({ open: true, year });
  const header = (
    <PageHeader
      title={t('calendar.title')}
      description={t('calendar.description')}
      extra={
        <Space wrap>
          <Button icon={<FileTextOutlined />} type="primary" onClick={() => openNotice(maxYear + 1)}>
            {t('calendar.pasteNotice')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => openNotice(maxYear + 1)}>
            {t('calendar.addYear')}
          </Button>
        </Space>
      }
    />
  );
  const dialog = (
    <NoticeDialog
      open={notice.open}
      defaultYear={notice.year}
      existingYears={list.map((y) => y.year)}
      onClose={() => setNotice((n) => ({ ...n, open: false }))}
      onSaved={(year) => {
        setNotice((n) => ({ ...n, open: false }));
        setParams({ year });
      }}
    />
  );

  if (!current || !draft) {
    return (
      <>
        {header}
        <Empty description={t('calendar.empty')}>
          <Button type="primary" onClick={() => openNotice(thisYear)}>
            {t('calendar.pasteNotice')}
          </Button>
        </Empty>
        <WorkingHoursCard />
        {dialog}
      </>
    );
  }

  const changed = differences(draft, current);
  const holidays = [...draft.holidays];
  const workdays = [...draft.workdays];
  const weekdayHolidays = holidays.filter((d) => {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }).length;
  const periods = current.periods.filter((p) => holidays.some((d) => p.from <= d && d <= p.to));

  const onSave = () =>
    save.mutate(
      {
        year: draft.year,
        body: { version: draft.version, holidays: holidays.sort(), workdays: workdays.sort(), periods, source: current.source },
      },
      {
        onSuccess: () => void message.success(t('calendar.savedYear', { year: draft.year })),
        onError: (err) => handleError(err, { onConflict: () => void years.refetch() }),
      },
    );

  return (
    <>
      {modalHolder}
      {header}
      <div className="bf-cal-toolbar">
        <Segmented
          aria-label={t('calendar.chooseYear')}
          value={current.year}
          options={list.map((y) => ({ value: y.year, label: t('calendar.yearLabel', { year: y.year }) }))}
          onChange={(v) => {
            if (!changed.size) return setParams({ year: Number(v) });
            modal.confirm({
              title: t('calendar.discardConfirm'),
              okText: t('calendar.discard'),
              cancelText: t('common.cancel'),
              onOk: () => setParams({ year: Number(v) }),
            });
          }}
        />
      </div>
      <Typography.Paragraph className="bf-cal-summary">
        {t('calendar.summary', {
          year: current.year,
          holidays: weekdayHolidays,
          workdays: workdays.length,
          working: workingDaysInYear(current.year, holidays, workdays),
        })}
        {current.source ? (
          <Typography.Text type="secondary">
            {' '}
            {t('calendar.source')}：{current.source}
          </Typography.Text>
        ) : null}
      </Typography.Paragraph>
      <Space size={[4, 4]} wrap className="bf-gap-bottom">
        {current.periods.length ? (
          current.periods.map((p) => (
            <Tag key={`${p.name}${p.from}`} color="red">
              {p.name} {p.from.slice(5)}~{p.to.slice(5)}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('calendar.noPeriodsYet')}</Typography.Text>
        )}
      </Space>
      <div className="bf-cal-legend" aria-label={t('calendar.legend')}>
        <span className="bf-cal-legend-item">
          <span className="bf-cal-swatch bf-cal-holiday">{t('calendar.badgeHoliday')}</span>
          {t('calendar.state.holiday')}
        </span>
        <span className="bf-cal-legend-item">
          <span className="bf-cal-swatch bf-cal-workday">{t('calendar.badgeWorkday')}</span>
          {t('calendar.state.workday')}
        </span>
        <span className="bf-cal-legend-item">
          <span className="bf-cal-swatch bf-cal-weekend" />
          {t('calendar.state.weekend')}
        </span>
        <span className="bf-cal-legend-item">
          <span className="bf-cal-swatch" />
          {t('calendar.state.normal')}
        </span>
        <Typography.Text type="secondary">{t('calendar.clickHint')}</Typography.Text>
      </div>
      <YearGrid
        year={current.year}
        holidays={draft.holidays}
        workdays={draft.workdays}
        periods={current.periods}
        changed={changed}
        onToggle={toggle}
      />
      {changed.size ? (
        <div className="bf-cal-savebar" role="region" aria-label={t('calendar.unsaved')}>
          <span className="bf-cal-savebar-text">{t('calendar.changedDays', { count: changed.size })}</span>
          <Button onClick={() => setDraft(draftOf(current))}>{t('calendar.discard')}</Button>
          <Button type="primary" loading={save.isPending} onClick={onSave}>
            {t('calendar.saveYear', { year: current.year })}
          </Button>
        </div>
      ) : null}
      <div className="bf-cal-hours">
        <WorkingHoursCard />
      </div>
      {dialog}
    </>
  );
}
