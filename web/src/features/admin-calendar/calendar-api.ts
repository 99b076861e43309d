/** Types of the working-day calendar endpoints; the endpoints come from core/calendar/calendar.contract.ts. */
import type { z } from 'zod';
import type * as C from '../../../../core/calendar/calendar.schema.ts';

export type CalendarYear = z.infer<typeof C.CalendarYearView>;
export type SaveCalendarYearBody = z.input<typeof C.SaveCalendarYearBody>;
export type WorkingHoursView = z.infer<typeof C.WorkingHoursView>;
export type UpdateWorkingHoursBody = z.input<typeof C.UpdateWorkingHoursBody>;
export type ParseNoticeBody = z.input<typeof C.ParseNoticeBody>;
export type NoticePreview = z.infer<typeof C.NoticePreview>;
export type NoticeWarning = NoticePreview['warnings'][number];
export type HolidayPeriod = CalendarYear['periods'][number];
