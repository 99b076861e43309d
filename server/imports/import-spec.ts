import type { z } from 'zod';
import type { ImportColumn, RowProblem } from '../../core/imports/cell-parser.ts';
import type { L10n } from '../../core/imports/l10n.ts';
import type { Permission } from '../../core/permissions.ts';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../kernel/context.ts';

/** What a module declares to import a sheet (see xlsx-import.ts for the whole recipe). */

/** One data row of the file while it is being checked. */
export interface ImportRow<R> {
  /** the Excel row number (the header is row 1) */
  rowNumber: number;
  /** parsed values; complete and typed only when `problems` is empty */
  value: R;
  /** the cells as text, by column key */
  cells: Record<string, string>;
  problems: RowProblem[];
}

export interface ImportSpec<R> {
  /** audit entity type and action prefix (`<entity>.import`) */
  entity: string;
  /** required for preview and commit (the route should require it too) */
  permission: Permission;
  sheetName: L10n;
  columns: readonly ImportColumn<keyof R & string>[];
  /** optional whole-row schema run after the cell checks; its issues are localized by Zod's tables */
  schema?: z.ZodType<R>;
  /** pure per-row rules after the cell checks */
  validateRow?: (row: R) => RowProblem[];
  /** values that must not repeat inside the file */
  uniqueInFile?: readonly { column: keyof R & string; key: (row: R) => string | null; message?: L10n }[];
  /** batch checks against the database for the rows without problems; report with `addRowError` */
  check?: (db: Db, rows: ImportRow<R>[], ctx: Ctx) => Promise<void>;
  /** inserts one batch of valid rows inside the commit's transaction */
  insert: (tx: Db, rows: ImportRow<R>[], ctx: Ctx) => Promise<void>;
  maxRows?: number;
  batchSize?: number;
  /** extra lines for the template's notes sheet */
  notes?: readonly L10n[];
}

export const DEFAULT_MAX_IMPORT_ROWS = 20_000;

/** Records a problem on a row (used by `check`). */
export function addRowError<R>(row: ImportRow<R>, column: (keyof R & string) | null, message: L10n): void {
  row.problems.push({ column, message });
}
