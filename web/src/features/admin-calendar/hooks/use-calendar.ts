import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { ParseNoticeBody, SaveCalendarYearBody, UpdateWorkingHoursBody } from '../calendar-api.ts';

const YEARS_KEY = ['calendar', 'years'] as const;
const HOURS_KEY = ['calendar', 'working-hours'] as const;

export function useCalendarYears() {
  return useQuery({ queryKey: YEARS_KEY, queryFn: () => api('GET /calendar/years') });
}

export function useSaveCalendarYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: SaveCalendarYearBody }) =>
      api('PUT /calendar/years/:year', { params: { year: String(year) }, body }),
    onSettled: () => qc.invalidateQueries({ queryKey: YEARS_KEY }),
  });
}

export function useWorkingHours() {
  return useQuery({ queryKey: HOURS_KEY, queryFn: () => api('GET /calendar/working-hours') });
}

export function useUpdateWorkingHours() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWorkingHoursBody) => api('PUT /calendar/working-hours', { body }),
    onSettled: () => qc.invalidateQueries({ queryKey: HOURS_KEY }),
  });
}

export function useParseNotice() {
  return useMutation({ mutationFn: (body: ParseNoticeBody) => api('POST /calendar/parse-notice', { body }) });
}
