import type { ImportEndpoints } from '../../core/imports/import-endpoints.ts';
import type { ImportCommitBody, ImportCommitResult, ImportFileBody, ImportPreview } from '../../core/imports/imports.schema.ts';
import type { L10n } from '../../core/imports/l10n.ts';
import type { Handler } from '../http/mount-contract.ts';
import type { Ctx } from '../kernel/context.ts';
import { sendXlsx, xlsxFileName } from './xlsx-export.ts';

/** The use cases behind a list's three import endpoints (in the module's commands/). */
export interface ImportUseCases {
  /** the .xlsx template in the actor's language */
  template: (ctx: Ctx) => Promise<Buffer>;
  /** the template download's base name; the Shanghai date is appended */
  templateFileName: L10n;
  /** checks the file, writes nothing */
  preview: (ctx: Ctx, body: ImportFileBody) => Promise<ImportPreview>;
  /** imports the file (one transaction, one audit row) */
  commit: (ctx: Ctx, body: ImportCommitBody) => Promise<ImportCommitResult>;
}

type Of<K extends keyof ImportEndpoints> = Handler<ImportEndpoints[K]>;

/**
 * The handlers of the endpoints made by `importEndpoints` (core/imports/import-endpoints.ts), to
 * spread into `mountContract(api, services, contract, { ...importHandlers(useCases), … })`.
 */
export function importHandlers(use: ImportUseCases): {
  importTemplate: Of<'importTemplate'>;
  importPreview: Of<'importPreview'>;
  importCommit: Of<'importCommit'>;
} {
  return {
    importTemplate: async ({ ctx, reply }) => sendXlsx(reply, await use.template(ctx), xlsxFileName(use.templateFileName, ctx)),
    importPreview: async ({ ctx, body }) => use.preview(ctx, body),
    importCommit: async ({ ctx, body }) => use.commit(ctx, body),
  };
}
