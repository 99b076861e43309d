import { z } from 'zod';

/**
 * Wire shapes of the Excel import/export framework (server/imports/xlsx-import.ts), shared by
 * every module that imports from .xlsx (customers, contacts, partners, leads…) and by the web
 * import wizard. The file travels as base64 inside JSON, like approval attachments.
 */

/** Largest .xlsx accepted by an import (bytes of the file, before base64). */
export const MAX_IMPORT_FILE_MB = 10;

/** Route body limit for imports: the largest file, base64-encoded, plus the JSON envelope. */
export const IMPORT_BODY_LIMIT = Math.ceil((MAX_IMPORT_FILE_MB * 1024 * 1024 * 4) / 3) + 64 * 1024;

export const ImportFileBody = z.object({
  // control characters dropped: the name is written to the audit log
  fileName: z
    .string()
    // eslint-disable-next-line no-control-regex
    .overwrite((s) => s.replace(/[\u0000-\u001F\u007F]/g, ''))
    .trim()
    .min(1)
    .max(255),
  contentBase64: z.string().min(1),
});
export type ImportFileBody = z.infer<typeof ImportFileBody>;

export const ImportMode = z.enum(['all_or_nothing', 'valid_only']);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportCommitBody = ImportFileBody.extend({
  mode: ImportMode.default('all_or_nothing'),
});
export type ImportCommitBody = z.infer<typeof ImportCommitBody>;

/** One problem of one row (`row` is the Excel row number, 1 = header), in the user's language. */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportPreviewRow = z.object({
  row: z.number().int(),
  /** cell text as found in the file, by column key */
  values: z.record(z.string(), z.string()),
  errors: z.array(ImportRowError),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

export const ImportPreview = z.object({
  fileName: z.string(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), required: z.boolean() })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** rows identical to the template's example row, ignored */
  ignoredExampleRows: z.number().int(),
  /** the first rows of the file (up to 100) with their errors */
  rows: z.array(ImportPreviewRow),
  /** every error (up to 2,000) in row order */
  errors: z.array(ImportRowError),
  errorsTruncated: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitResult = z.object({
  mode: ImportMode,
  totalRows: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(ImportRowError),
  errorsTruncated: z.boolean(),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResult>;
