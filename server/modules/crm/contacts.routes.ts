import { contactsContract } from '../../../core/crm/crm.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import { importHandlers } from '../../imports/import-handlers.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { archiveContact } from './commands/archive-contact.ts';
import { createContact } from './commands/create-contact.ts';
import { contactsExport } from './commands/export-contacts.ts';
import { crmImportUseCases } from './commands/import-crm.ts';
import { updateContact } from './commands/update-contact.ts';
import { getContact, listContacts } from './queries/contacts.ts';

/**
 * Contacts (联系人) of customers and partners: visible with their customer / partner; phones
 * masked without `contact.phone`; DELETE archives.
 */
export function contactsRoutes(api: Api, services: AppServices): void {
  const readBack = async (ctx: Ctx, id: string) => {
    const view = await getContact(ctx.db, ctx.actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, contactsContract, {
    list: async ({ ctx, query }) => listContacts(ctx.db, ctx.actor, query),
    exportXlsx: async ({ ctx, query, reply }) => contactsExport.send(reply, ctx, query),
    ...importHandlers(crmImportUseCases('contact')),
    create: async ({ ctx, body }) => readBack(ctx, await createContact(ctx, body)),
    get: async ({ ctx, params }) => readBack(ctx, params.id),
    update: async ({ ctx, params, body }) => {
      await updateContact(ctx, params.id, body);
      return readBack(ctx, params.id);
    },
    archive: async ({ ctx, params, query }) => {
      await archiveContact(ctx, params.id, query.version);
      return { ok: true as const };
    },
  });
}
