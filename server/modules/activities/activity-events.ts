import { defineEventType } from '../../notifications/notify.ts';
import { activitiesMessages } from './activities.messages.ts';

/** Names shared by the activity module's definition, use cases, queries and jobs. */
export const ACTIVITY_SUBJECT = 'activity';
export const RECEPTION_PROCESS = 'activity.reception';
export const POLICY_VISIT_LOG = 'activity.visit_log';
export const POLICY_RECEPTION_SUMMARY = 'activity.reception_summary';
/** deadline subject of one person's visit log of one day */
export const VISIT_LOG_SUBJECT = 'visit_log_day';
export const STEP_SUBMIT = 'submit';
export const STEP_SUMMARY = 'summary';
/** `generated_reports.kind` of the weekly visit roll-up */
export const VISIT_ROLLUP_KIND = 'visit_weekly';

export const EVENT_NEGOTIATION = 'activity.negotiation';
export const EVENT_VISIT_ROLLUP = 'report.visit_rollup';

export const VISIT_LOG_SCHEDULE = 'activities.visit_log_days';
export const VISIT_ROLLUP_SCHEDULE = 'activities.visit_rollup';
export const SCHEDULE_EVERY_MS = 15 * 60_000;

export const negotiationEvent = defineEventType({
  type: EVENT_NEGOTIATION,
  params: ['author', 'customer', 'subject', 'at', 'nextSteps'],
  ...activitiesMessages.eventLabels('event.negotiation'),
  templates: activitiesMessages.templates('event.negotiation'),
  defaultChannels: ['inapp', 'email'],
});

export const visitRollupEvent = defineEventType({
  type: EVENT_VISIT_ROLLUP,
  params: ['weekStart', 'weekEnd', 'people', 'visits', 'missing'],
  ...activitiesMessages.eventLabels('event.visit_rollup'),
  templates: activitiesMessages.templates('event.visit_rollup'),
  defaultChannels: ['inapp', 'email'],
});

export const activityEventTypes = [negotiationEvent, visitRollupEvent] as const;
