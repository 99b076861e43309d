import { AppError } from '../../core/errors.ts';
import { labelOf, type Label } from '../../core/kernel/label.ts';
import type { Locale } from '../../core/i18n/locale.ts';

/**
 * The one version check of every command (optimistic concurrency): 404 when the record is
 * missing (or outside the actor's reach), 409 `conflict_stale` with `details.currentVersion`
 * when the caller edited an older version.
 */
export function checkVersion<T extends { version: number }>(row: T | undefined | null, version: number): asserts row is T {
  if (!row) throw new AppError('not_found');
  if (row.version !== version) throw new AppError('conflict_stale', { currentVersion: row.version }, { currentVersion: row.version });
}

/** 409 `conflict_state`: the record's state does not allow the action; the reason in the actor's language. */
export function stateConflict(locale: Locale, reason: Label, details?: Record<string, unknown>): AppError {
  return new AppError('conflict_state', { reason: labelOf(reason, locale) }, details);
}

/**
 * 400 `validation_failed` with `details.fields` (the browser marks those fields). Keys are body
 * fields (`name` → `body.name`) unless already qualified (`querystring.q`, `params.id`).
 */
export function fieldErrors(locale: Locale, fields: Record<string, Label>): AppError {
  return new AppError(
    'validation_failed',
    {},
    {
      fields: Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [/^(body|querystring|params)\./.test(k) ? k : `body.${k}`, labelOf(v, locale)]),
      ),
    },
  );
}
