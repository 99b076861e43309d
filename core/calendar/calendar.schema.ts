import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD` (a real date). */
export const IsoDate = z.iso.date();

/**
 * An instant with its UTC offset, e.g. `2026-02-13T16:00:00+08:00` or `…Z`. A space where
 * the `+` was (an unencoded `+` in a query string) is accepted and read as `+`.
 */
export const IsoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+\- ]\d{2}:?\d{2})$/,
    'ISO 8601 with offset, e.g. 2026-02-13T16:00:00+08:00',
  );

// ---------- public look-ups (integrations) ----------
export const AddWorkingDaysQuery = z.object({
  start: IsoDate,
  days: z.coerce.number().int().min(0).max(3660),
});
export const AddWorkingDaysResult = z.object({ date: z.string() });

export const WorkingDaysBetweenQuery = z.object({ from: IsoDate, to: IsoDate });
export const WorkingDaysBetweenResult = z.object({ days: z.number().int() });

export const AddWorkingHoursQuery = z.object({
  start: IsoInstant,
  hours: z.coerce.number().min(0).max(30000),
});
export const AddWorkingHoursResult = z.object({ at: z.string() });

// ---------- calendar years ----------
export const HolidayPeriod = z.object({
  name: z.string().trim().min(1).max(40),
  from: IsoDate,
  to: IsoDate,
});
export type HolidayPeriod = z.infer<typeof HolidayPeriod>;

export const CalendarYearView = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  periods: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  source: z.string(),
  /** working days in the year under this schedule */
  workingDays: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Creates (no `version`) or replaces (current `version`) a year's schedule. */
export const SaveCalendarYearBody = z.object({
  version: z.number().int().min(1).optional(),
  holidays: z.array(IsoDate).max(366),
  workdays: z.array(IsoDate).max(366),
  periods: z.array(HolidayPeriod).max(40).optional(),
  source: z.string().trim().max(500).default(''),
});
export type SaveCalendarYearBody = z.infer<typeof SaveCalendarYearBody>;

// ---------- working hours ----------
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm');
export const WorkingPeriod = z.object({ from: Clock, to: Clock });

export const WorkingHoursView = z.object({
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  timeZone: z.string(),
  /** minutes of working time per working day */
  dayMinutes: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type WorkingHoursView = z.infer<typeof WorkingHoursView>;

export const UpdateWorkingHoursBody = z.object({
  version: z.number().int().min(1),
  periods: z.array(WorkingPeriod).min(1).max(6),
});
export type UpdateWorkingHoursBody = z.infer<typeof UpdateWorkingHoursBody>;

// ---------- State Council notice ----------
export const ParseNoticeBody = z.object({
  year: z.number().int().min(2000).max(2100),
  text: z.string().min(1).max(20000),
});

export const NoticeWarningView = z.object({
  code: z.enum(['no_items', 'year_mismatch', 'outside_year', 'days_mismatch', 'workday_not_weekend', 'workday_in_holiday', 'unrecognized']),
  item: z.string().optional(),
  date: z.string().optional(),
  text: z.string().optional(),
  stated: z.number().int().optional(),
  counted: z.number().int().optional(),
  noticeYear: z.number().int().optional(),
});

export const NoticePreview = z.object({
  year: z.number().int(),
  source: z.string().nullable(),
  periods: z.array(
    z.object({ name: z.string(), from: z.string(), to: z.string(), days: z.number().int(), statedDays: z.number().int().nullable() }),
  ),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  warnings: z.array(NoticeWarningView),
  workingDays: z.number().int(),
  /** version of the year already stored (replace with it), null when the year is new */
  currentVersion: z.number().int().nullable(),
});
export type NoticePreview = z.infer<typeof NoticePreview>;
