import { ImportCommitBody, ImportCommitResult, ImportFileBody, ImportPreview } from '../../../core/schemas/imports.schema.ts';
import { commitCrmImport, crmImportTemplate, previewCrmImport, type CrmImportKind } from '../../commands/import-crm.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { IMPORT_BODY_LIMIT, l10n } from '../../imports/xlsx-import.ts';
import { errorResponses, type Api } from '../types.ts';

const NAMES: Record<CrmImportKind, { zh: string; en: string }> = {
  customer: { zh: '客户', en: 'customers' },
  partner: { zh: '渠道商', en: 'partners' },
  contact: { zh: '联系人', en: 'contacts' },
};

/**
 * The three import endpoints of a list (template, preview, commit) under `/api/<base>/import/…`.
 * The file travels as base64 JSON: `{ fileName, contentBase64 }` (+ `mode` on commit).
 */
export function registerCrmImportRoutes(api: Api, services: AppServices, base: string, kind: CrmImportKind, tags: string[]): void {
  const n = NAMES[kind];
  api.get(`/${base}/import/template.xlsx`, {
    config: { access: { permission: 'customer.import' } },
    schema: { tags, summary: `${n.zh}导入模板 Import template for ${n.en} (.xlsx)` },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    const buffer = await crmImportTemplate(kind, req.actor.locale);
    return sendXlsx(reply, buffer, xlsxFileName(l10n(`${n.zh}导入模板`, `${n.en}-import-template`), ctx));
  });

  api.post(`/${base}/import/preview`, {
    config: { access: { permission: 'customer.import' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags, summary: `${n.zh}导入预览 Check an import file of ${n.en} (nothing is written)`, body: ImportFileBody,
      response: { 200: ImportPreview, ...errorResponses },
    },
  }, async (req) => previewCrmImport(ctxOf(req, services), kind, req.body));

  api.post(`/${base}/import/commit`, {
    config: { access: { permission: 'customer.import' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: `${n.zh}导入 Import ${n.en}: all_or_nothing (400 with details.rows when any row is wrong) or valid_only`,
      body: ImportCommitBody,
      response: { 200: ImportCommitResult, ...errorResponses },
    },
  }, async (req) => commitCrmImport(ctxOf(req, services), kind, req.body));
}
