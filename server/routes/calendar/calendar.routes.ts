import { AppError } from '../../../core/errors.ts';
import { ErrorBody } from '../../../core/schemas/common.schema.ts';
import {
  AddWorkingDaysQuery, AddWorkingDaysResult, AddWorkingHoursQuery, AddWorkingHoursResult, CalendarYearView, NoticePreview, ParseNoticeBody,
  SaveCalendarYearBody, UpdateWorkingHoursBody, WorkingDaysBetweenQuery, WorkingDaysBetweenResult, WorkingHoursView, YearParams,
} from '../../../core/schemas/calendar.schema.ts';
import { saveCalendarYear } from '../../commands/save-calendar-year.ts';
import { updateWorkingHours } from '../../commands/update-working-hours.ts';
import {
  calendarAddWorkingDays, calendarAddWorkingHours, calendarWorkingDaysBetween, getCalendarYear, getWorkingHours, listCalendarYears, previewNotice,
} from '../../queries/calendar.ts';
import { requirePermission } from '../../policies/policy.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['calendar'];
/** A year without a schedule answers 422 `calendar_year_missing`, naming the year. */
const responses = { ...errorResponses, 422: ErrorBody };

export async function calendarRoutes(api: Api, services: AppServices) {
  api.get('/calendar/add-working-days', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '加工作日 Add working days',
      description: 'The date N working days after `start` (start not counted; N = 0 returns start). Weekends, statutory holidays and make-up working days (调休) follow the entered calendar; a year without one answers 422 calendar_year_missing.',
      querystring: AddWorkingDaysQuery,
      response: { 200: AddWorkingDaysResult, ...responses },
    },
  }, async (req) => calendarAddWorkingDays(services.db, req.query.start, req.query.days));

  api.get('/calendar/working-days-between', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '工作日天数 Working days between',
      description: 'Working days after `from` up to and including `to` (negative when `to` is before `from`).',
      querystring: WorkingDaysBetweenQuery,
      response: { 200: WorkingDaysBetweenResult, ...responses },
    },
  }, async (req) => calendarWorkingDaysBetween(services.db, req.query.from, req.query.to));

  api.get('/calendar/add-working-hours', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '加工作小时 Add working hours',
      description: 'The instant N working hours after `start` (ISO 8601 with offset), counting only the working hours of working days; answered with the +08:00 offset.',
      querystring: AddWorkingHoursQuery,
      response: { 200: AddWorkingHoursResult, ...responses },
    },
  }, async (req) => calendarAddWorkingHours(services.db, req.query.start, req.query.hours));

  api.get('/calendar/years', {
    config: { access: 'public' },
    schema: { tags, summary: '工作日历年份 Calendar years', response: { 200: CalendarYearView.array(), ...responses } },
  }, async () => listCalendarYears(services.db));

  api.get('/calendar/years/:year', {
    config: { access: 'public' },
    schema: { tags, summary: '某年工作日历 One calendar year', params: YearParams, response: { 200: CalendarYearView, ...responses } },
  }, async (req) => {
    const view = await getCalendarYear(services.db, req.params.year);
    if (!view) throw new AppError('calendar_year_missing', { year: req.params.year }, { year: req.params.year });
    return view;
  });

  api.put('/calendar/years/:year', {
    config: { access: { permission: 'calendar.manage' } },
    schema: {
      tags,
      summary: '录入/修改某年工作日历 Enter or replace a calendar year',
      description: 'Without `version` creates the year (409 if it exists); with the current `version` replaces it (409 when stale).',
      params: YearParams,
      body: SaveCalendarYearBody,
      response: { 200: CalendarYearView, ...responses },
    },
  }, async (req) => {
    await saveCalendarYear(ctxOf(req, services), req.params.year, req.body);
    const view = await getCalendarYear(services.db, req.params.year);
    if (!view) throw new AppError('not_found');
    return view;
  });

  api.get('/calendar/working-hours', {
    config: { access: 'public' },
    schema: { tags, summary: '工作时间 Working hours', response: { 200: WorkingHoursView, ...responses } },
  }, async () => getWorkingHours(services.db));

  api.put('/calendar/working-hours', {
    config: { access: { permission: 'calendar.manage' } },
    schema: { tags, summary: '修改工作时间 Set working hours', body: UpdateWorkingHoursBody, response: { 200: WorkingHoursView, ...responses } },
  }, async (req) => {
    await updateWorkingHours(ctxOf(req, services), req.body);
    return getWorkingHours(services.db);
  });

  api.post('/calendar/parse-notice', {
    config: { access: { permission: 'calendar.manage' } },
    schema: {
      tags,
      summary: '解析国务院节假日通知 Read a State Council notice',
      description: 'Reads the pasted text of 国务院办公厅关于YYYY年部分节假日安排的通知 into holiday periods and make-up working days. Nothing is saved: confirm with PUT /calendar/years/{year}.',
      body: ParseNoticeBody,
      response: { 200: NoticePreview, ...responses },
    },
  }, async (req) => {
    requirePermission(req.actor, 'calendar.manage');
    return previewNotice(services.db, req.body.year, req.body.text);
  });
}
