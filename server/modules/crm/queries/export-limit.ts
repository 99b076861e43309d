import { AppError } from '../../../../core/errors.ts';
import type { Actor } from '../../../policies/actor.ts';

/** The most rows one CRM list export may hold. */
export const MAX_EXPORT_ROWS = 50_000;

/** Refuses (400 on the query) an export of more rows than `MAX_EXPORT_ROWS`: the filters must narrow it first. */
export function refuseOversizedExport(actor: Actor, rows: number): void {
  if (rows > MAX_EXPORT_ROWS) {
    throw new AppError(
      'validation_failed',
      {},
      {
        fields: {
          query:
            actor.locale === 'en'
              ? `more than ${MAX_EXPORT_ROWS} rows: narrow the filters`
              : `超过 ${MAX_EXPORT_ROWS} 行，请缩小筛选范围后导出`,
        },
      },
    );
  }
}
