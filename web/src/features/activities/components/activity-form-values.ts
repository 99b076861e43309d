import type { Dayjs } from 'dayjs';

/** The activity form's field values, one shape for every activity type. */
export interface ScheduleLine {
  date?: Dayjs;
  time?: string;
  item?: string;
  place?: string;
  hosts?: string;
}
export interface BudgetLine {
  item?: string;
  amountYuan?: number | null;
}
export interface ActivityFormValues {
  customerId?: string | null;
  subject?: string;
  contactName?: string;
  content?: string;
  result?: string;
  nextSteps?: string;
  participants?: string;
  location?: string;
  channel?: string;
  logDate?: Dayjs;
  occurredAt?: Dayjs;
  visitors?: string;
  period?: [Dayjs, Dayjs];
  schedule?: ScheduleLine[];
  budgetYuan?: number | null;
  budgetItems?: BudgetLine[];
  actualCostYuan?: number | null;
}
