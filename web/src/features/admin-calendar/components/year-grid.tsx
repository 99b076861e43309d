import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayPeriod } from '../calendar-api.ts';
import { dayState, monthCells, type DayState } from '../calendar-days.ts';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * The year view: twelve Monday-first month grids. 法定节假日 and 调休上班 are coloured and
 * marked 休 / 班 (not by colour alone); each day is a button that cycles its state.
 */
export const YearGrid = memo(function YearGrid({
  year,
  holidays,
  workdays,
  periods,
  changed,
  onToggle,
  readOnly,
}: {
  year: number;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  periods: readonly HolidayPeriod[];
  changed: ReadonlySet<string>;
  onToggle: (date: string) => void;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const monthFormat = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  const weekdays = t('calendar.weekdaysShort').split(',');
  const periodOf = (date: string) => periods.find((p) => p.from <= date && date <= p.to)?.name;
  const label = (date: string, state: DayState) => {
    const dow = weekdays[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] ?? '';
    const name = periodOf(date);
    const what = t(`calendar.state.${state}`);
    return `${date} ${dow} ${what}${state === 'holiday' && name ? `（${name}）` : ''}`;
  };
  return (
    <div className="bf-cal-year">
      {MONTHS.map((m) => (
        <section key={m} className="bf-cal-month" aria-label={t('calendar.monthTitle', { year, month: m })}>
          <h3 className="bf-cal-month-title">{monthFormat.format(Date.UTC(year, m - 1, 1))}</h3>
          <div className="bf-cal-grid">
            {weekdays.map((w) => (
              <div key={w} className="bf-cal-weekday" aria-hidden>
                {w}
              </div>
            ))}
            {monthCells(year, m).map((date, i) => {
              if (!date) return <div key={`b${i}`} aria-hidden />;
              const state = dayState(date, holidays, workdays);
              const text = label(date, state);
              return (
                <button
                  key={date}
                  type="button"
                  className={`bf-cal-day bf-cal-${state}${changed.has(date) ? ' bf-cal-changed' : ''}`}
                  title={text}
                  disabled={readOnly}
                  onClick={() => onToggle(date)}
                >
                  {Number(date.slice(8))}
                  <span className="bf-visually-hidden"> {text}</span>
                  {state === 'holiday' ? (
                    <span className="bf-cal-badge" aria-hidden>
                      {t('calendar.badgeHoliday')}
                    </span>
                  ) : null}
                  {state === 'workday' ? (
                    <span className="bf-cal-badge" aria-hidden>
                      {t('calendar.badgeWorkday')}
                    </span>
                  ) : null}
                </button>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
});
