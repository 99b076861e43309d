import { AppError } from '../../../../core/errors.ts';
import type { ImportCommitBody, ImportCommitResult, ImportFileBody, ImportPreview } from '../../../../core/imports/imports.schema.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { L10n } from '../../../../core/imports/l10n.ts';
import type { ImportUseCases } from '../../../imports/import-handlers.ts';
import { buildImportTemplate } from '../../../imports/xlsx-template.ts';
import type { ImportSpec } from '../../../imports/import-spec.ts';
import { commitImport, previewImport } from '../../../imports/xlsx-import.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { contactImportSpec, type ContactImportRow } from '../imports/contact-import.ts';
import { customerImportSpec, type CustomerImportRow } from '../imports/customer-import.ts';
import { partnerImportSpec, type PartnerImportRow } from '../imports/partner-import.ts';
import { isUniqueViolation } from './refuse-duplicates.ts';
import { crmMessages } from '../crm.messages.ts';

/**
 * Excel imports of customers, contacts and channel partners: the template, the preview and the
 * commit (the framework is server/imports/xlsx-import.ts; the sheets are described in
 * ../imports/). Headers are the same as the exports', so an exported list can be edited and
 * imported again. Owners are named by user name or display name; blank means the importer.
 */

export type CrmImportKind = 'customer' | 'partner' | 'contact';

function specOf(kind: CrmImportKind): ImportSpec<CustomerImportRow> | ImportSpec<PartnerImportRow> | ImportSpec<ContactImportRow> {
  return kind === 'customer' ? customerImportSpec : kind === 'partner' ? partnerImportSpec : contactImportSpec;
}

function requireManage(ctx: Ctx, kind: CrmImportKind): void {
  requirePermission(ctx.actor, 'customer.import');
  requirePermission(ctx.actor, kind === 'partner' ? 'partner.manage' : 'customer.manage');
}

/** The downloadable .xlsx template of an import. */
export function crmImportTemplate(kind: CrmImportKind, locale: Locale): Promise<Buffer> {
  const spec = specOf(kind);
  return buildImportTemplate(spec as ImportSpec<unknown>, locale);
}

/** Checks an uploaded file and reports every row's problems; writes nothing. */
export function previewCrmImport(ctx: Ctx, kind: CrmImportKind, body: ImportFileBody): Promise<ImportPreview> {
  requireManage(ctx, kind);
  return previewImport(ctx, specOf(kind) as ImportSpec<unknown>, body);
}

/**
 * Imports the file: all rows or none (`all_or_nothing`), or only the valid rows (`valid_only`).
 * A credit code saved by someone else between the check and the insert (the unique index
 * refuses it) rolls the whole import back with 409, never a 500.
 */
export async function commitCrmImport(ctx: Ctx, kind: CrmImportKind, body: ImportCommitBody): Promise<ImportCommitResult> {
  requireManage(ctx, kind);
  try {
    return await commitImport(ctx, specOf(kind) as ImportSpec<unknown>, body);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const en = ctx.actor.locale === 'en';
    throw new AppError(
      'conflict_duplicate',
      { field: en ? 'A unified social credit code of the file' : '文件中的统一社会信用代码' },
      {
        fields: {
          'body.contentBase64': en
            ? 'saved by someone else meanwhile; nothing was imported: preview the file again'
            : '刚被他人保存，本次未导入任何数据，请重新预览',
        },
      },
    );
  }
}

const TEMPLATE_NAMES: Record<CrmImportKind, L10n> = {
  customer: crmMessages.l10n('import.customers.template_file'),
  partner: crmMessages.l10n('import.partners.template_file'),
  contact: crmMessages.l10n('import.contacts.template_file'),
};

/** The three import use cases of one list, as the import endpoints' handlers take them (server/imports/import-handlers.ts). */
export function crmImportUseCases(kind: CrmImportKind): ImportUseCases {
  return {
    template: (ctx) => crmImportTemplate(kind, ctx.actor.locale),
    templateFileName: TEMPLATE_NAMES[kind],
    preview: (ctx, body) => previewCrmImport(ctx, kind, body),
    commit: (ctx, body) => commitCrmImport(ctx, kind, body),
  };
}
