import { defineContract } from '../contract.ts';
import {
  AddWorkingDaysQuery,
  AddWorkingDaysResult,
  AddWorkingHoursQuery,
  AddWorkingHoursResult,
  CalendarYearView,
  NoticePreview,
  ParseNoticeBody,
  SaveCalendarYearBody,
  UpdateWorkingHoursBody,
  WorkingDaysBetweenQuery,
  WorkingDaysBetweenResult,
  WorkingHoursView,
  YearParams,
} from './calendar.schema.ts';

/** A year without a schedule answers 422 `calendar_year_missing`, naming the year. */
const errorStatuses = [422] as const;
const manage = { permission: 'calendar.manage' } as const;

/** 工作日历: working-day arithmetic for anyone, and the calendar's administration. */
export const calendarContract = defineContract('calendar', {
  addWorkingDays: {
    method: 'GET',
    path: '/calendar/add-working-days',
    summary: '加工作日 Add working days',
    description:
      'The date N working days after `start` (start not counted; N = 0 returns start). Weekends, statutory holidays and make-up working days (调休) follow the entered calendar; a year without one answers 422 calendar_year_missing.',
    access: 'public',
    query: AddWorkingDaysQuery,
    response: AddWorkingDaysResult,
    errorStatuses,
  },
  workingDaysBetween: {
    method: 'GET',
    path: '/calendar/working-days-between',
    summary: '工作日天数 Working days between',
    description: 'Working days after `from` up to and including `to` (negative when `to` is before `from`).',
    access: 'public',
    query: WorkingDaysBetweenQuery,
    response: WorkingDaysBetweenResult,
    errorStatuses,
  },
  addWorkingHours: {
    method: 'GET',
    path: '/calendar/add-working-hours',
    summary: '加工作小时 Add working hours',
    description:
      'The instant N working hours after `start` (ISO 8601 with offset), counting only the working hours of working days; answered with the +08:00 offset.',
    access: 'public',
    query: AddWorkingHoursQuery,
    response: AddWorkingHoursResult,
    errorStatuses,
  },
  years: {
    method: 'GET',
    path: '/calendar/years',
    summary: '工作日历年份 Calendar years',
    access: 'public',
    response: CalendarYearView.array(),
    errorStatuses,
  },
  year: {
    method: 'GET',
    path: '/calendar/years/:year',
    summary: '某年工作日历 One calendar year',
    access: 'public',
    params: YearParams,
    response: CalendarYearView,
    errorStatuses,
  },
  saveYear: {
    method: 'PUT',
    path: '/calendar/years/:year',
    summary: '录入/修改某年工作日历 Enter or replace a calendar year',
    description: 'Without `version` creates the year (409 if it exists); with the current `version` replaces it (409 when stale).',
    access: manage,
    params: YearParams,
    body: SaveCalendarYearBody,
    response: CalendarYearView,
    errorStatuses,
  },
  workingHours: {
    method: 'GET',
    path: '/calendar/working-hours',
    summary: '工作时间 Working hours',
    access: 'public',
    response: WorkingHoursView,
    errorStatuses,
  },
  updateWorkingHours: {
    method: 'PUT',
    path: '/calendar/working-hours',
    summary: '修改工作时间 Set working hours',
    access: manage,
    body: UpdateWorkingHoursBody,
    response: WorkingHoursView,
    errorStatuses,
  },
  parseNotice: {
    method: 'POST',
    path: '/calendar/parse-notice',
    summary: '解析国务院节假日通知 Read a State Council notice',
    description:
      'Reads the pasted text of 国务院办公厅关于YYYY年部分节假日安排的通知 into holiday periods and make-up working days. Nothing is saved: confirm with PUT /calendar/years/{year}.',
    access: manage,
    body: ParseNoticeBody,
    response: NoticePreview,
    errorStatuses,
  },
});
