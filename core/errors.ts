/**
 * One error type for every rule the system enforces. Domain code throws it with a stable
 * `code`; the server maps the code to an HTTP status and a localized message in one place
 * (server/http/error-handler.ts), the web client shows the same localized message.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'account_locked'
  | 'account_inactive'
  | 'password_change_required'
  | 'password_expired'
  | 'password_policy'
  | 'password_wrong'
  | 'password_reused'
  | 'forbidden'
  | 'csrf_rejected'
  | 'not_found'
  | 'conflict_stale'
  | 'conflict_duplicate'
  | 'conflict_state'
  | 'approval_subject_changed'
  | 'approval_already_handled'
  | 'approval_no_approver'
  | 'payload_too_large'
  | 'json_too_deep'
  | 'rate_limited'
  | 'calendar_year_missing'
  | 'project_not_registered'
  | 'project_gate'
  | 'lead_duplicate'
  | 'internal';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, details?: Record<string, unknown>) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/** HTTP status for each error code; the only place this mapping lives. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 401,
  account_inactive: 401,
  password_change_required: 403,
  password_expired: 403,
  password_policy: 400,
  password_wrong: 400,
  password_reused: 400,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict_stale: 409,
  conflict_duplicate: 409,
  conflict_state: 409,
  approval_subject_changed: 409,
  approval_already_handled: 409,
  approval_no_approver: 409,
  payload_too_large: 413,
  json_too_deep: 400,
  rate_limited: 429,
  calendar_year_missing: 422,
  project_not_registered: 409,
  project_gate: 409,
  lead_duplicate: 409,
  internal: 500,
};
