/** Names shared by the activity module's registrations, use cases and jobs. */
export const ACTIVITY_SUBJECT = 'activity';
export const RECEPTION_PROCESS = 'activity.reception';
export const POLICY_VISIT_LOG = 'activity.visit_log';
export const POLICY_RECEPTION_SUMMARY = 'activity.reception_summary';
/** deadline subject of one person's visit log of one day */
export const VISIT_LOG_SUBJECT = 'visit_log_day';
export const STEP_SUBMIT = 'submit';
export const STEP_SUMMARY = 'summary';

export const EVENT_NEGOTIATION = 'activity.negotiation';
export const EVENT_VISIT_ROLLUP = 'report.visit_rollup';

export const VISIT_LOG_SCHEDULE = 'activities.visit_log_days';
export const VISIT_ROLLUP_SCHEDULE = 'activities.visit_rollup';
export const SCHEDULE_EVERY_MS = 15 * 60_000;

