/**
 * The working-day calendar endpoints, added to the typed API contract by interface merging
 * (see shared/api/routes.ts), with their types from the core schemas.
 */
import type { z } from 'zod';
import type * as C from '../../../../core/schemas/calendar.schema.ts';

export type CalendarYear = z.infer<typeof C.CalendarYearView>;
export type SaveCalendarYearBody = z.input<typeof C.SaveCalendarYearBody>;
export type WorkingHoursView = z.infer<typeof C.WorkingHoursView>;
export type UpdateWorkingHoursBody = z.input<typeof C.UpdateWorkingHoursBody>;
export type ParseNoticeBody = z.input<typeof C.ParseNoticeBody>;
export type NoticePreview = z.infer<typeof C.NoticePreview>;
export type NoticeWarning = NoticePreview['warnings'][number];
export type HolidayPeriod = CalendarYear['periods'][number];

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /calendar/years': { res: CalendarYear[] };
    'GET /calendar/years/:year': { res: CalendarYear };
    'PUT /calendar/years/:year': { body: SaveCalendarYearBody; res: CalendarYear };
    'GET /calendar/working-hours': { res: WorkingHoursView };
    'PUT /calendar/working-hours': { body: UpdateWorkingHoursBody; res: WorkingHoursView };
    'POST /calendar/parse-notice': { body: ParseNoticeBody; res: NoticePreview };
  }
}
