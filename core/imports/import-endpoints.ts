import type { Access } from '../contract.ts';
import { IMPORT_BODY_LIMIT, ImportCommitBody, ImportCommitResult, ImportFileBody, ImportPreview } from './imports.schema.ts';

/** What a list's imports are called in the endpoint summaries, e.g. `{ zh: '客户', en: 'customers' }`. */
export interface ImportNames {
  zh: string;
  en: string;
}

export interface ImportEndpointOptions {
  /** who may call the three endpoints; `customer.import` by default */
  access?: Access;
  /** summaries to use instead of the ones made from the names (an existing module keeps its own) */
  summaries?: { template?: string; preview?: string; commit?: string };
}

/**
 * The three endpoints of a list's Excel import under `/<base>/import/…`, to spread into the
 * list's contract (`defineContract('customers', { ...importEndpoints('customers', names), … })`):
 *  - `importTemplate`: GET `template.xlsx`, the downloadable template;
 *  - `importPreview`: POST `preview`, checks a file and reports every row's problems (writes nothing);
 *  - `importCommit`: POST `commit`, imports `all_or_nothing` (400 with `details.rows`) or `valid_only`.
 * The file travels as base64 JSON (`{ fileName, contentBase64 }`, + `mode` on commit), so the
 * preview and commit take `IMPORT_BODY_LIMIT`. The server mounts them with `importHandlers`
 * (server/imports/import-handlers.ts).
 */
export function importEndpoints<const B extends string>(base: B, names: ImportNames, options: ImportEndpointOptions = {}) {
  const access = options.access ?? { permission: 'customer.import' };
  const s = options.summaries ?? {};
  return {
    importTemplate: {
      method: 'GET',
      path: `/${base}/import/template.xlsx`,
      summary: s.template ?? `${names.zh}导入模板 Import template for ${names.en} (.xlsx)`,
      access,
      response: 'file',
    },
    importPreview: {
      method: 'POST',
      path: `/${base}/import/preview`,
      summary: s.preview ?? `${names.zh}导入预览 Check an import file of ${names.en} (nothing is written)`,
      access,
      bodyLimit: IMPORT_BODY_LIMIT,
      body: ImportFileBody,
      response: ImportPreview,
    },
    importCommit: {
      method: 'POST',
      path: `/${base}/import/commit`,
      summary: s.commit ?? `${names.zh}导入 Import ${names.en}: all_or_nothing (400 with details.rows when any row is wrong) or valid_only`,
      access,
      bodyLimit: IMPORT_BODY_LIMIT,
      body: ImportCommitBody,
      response: ImportCommitResult,
    },
  } as const;
}

/** The three import endpoints of a contract (their names are the server's handler names). */
export type ImportEndpoints<B extends string = string> = ReturnType<typeof importEndpoints<B>>;
