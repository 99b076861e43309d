import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  ContactExportQuery, ContactListQuery, ContactPage, ContactView, CreateContactBody, UpdateContactBody, VersionQuery,
} from '../../../core/schemas/customers.schema.ts';
import { OkBody } from '../../../core/schemas/common.schema.ts';
import { archiveContact } from '../../commands/archive-contact.ts';
import { createContact } from '../../commands/create-contact.ts';
import { exportContacts } from '../../commands/export-crm.ts';
import { updateContact } from '../../commands/update-contact.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { l10n } from '../../imports/xlsx-import.ts';
import type { Actor } from '../../policies/actor.ts';
import { getContact, listContacts } from '../../queries/contacts.ts';
import { registerCrmImportRoutes } from '../customers/import-routes.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['contacts'];
const IdParams = z.object({ id: z.string().uuid() });

/**
 * Contacts (联系人) of customers and partners: visible with their customer / partner; phones
 * masked without `contact.phone`; DELETE archives.
 */
export async function contactsRoutes(api: Api, services: AppServices) {
  const readBack = async (actor: Actor, id: string) => {
    const view = await getContact(services.db, actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/contacts', {
    config: { access: { permission: 'customer.read' } },
    schema: { tags, summary: '联系人列表 List contacts (of a customer or partner)', querystring: ContactListQuery, response: { 200: ContactPage, ...errorResponses } },
  }, async (req) => listContacts(services.db, req.actor, req.query));

  api.get('/contacts/export.xlsx', {
    config: { access: { permission: 'customer.export' } },
    schema: { tags, summary: '导出联系人 Export the filtered contact list (.xlsx)', querystring: ContactExportQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    const { buffer } = await exportContacts(ctx, req.query);
    return sendXlsx(reply, buffer, xlsxFileName(l10n('联系人', 'contacts'), ctx));
  });

  registerCrmImportRoutes(api, services, 'contacts', 'contact', tags);

  api.post('/contacts', {
    config: { access: { permission: 'customer.manage' } },
    schema: { tags, summary: '新建联系人 Add a contact to a customer or partner', body: CreateContactBody, response: { 200: ContactView, ...errorResponses } },
  }, async (req) => readBack(req.actor, await createContact(ctxOf(req, services), req.body)));

  api.get('/contacts/:id', {
    config: { access: { permission: 'customer.read' } },
    schema: { tags, summary: '联系人详情 Get a contact', params: IdParams, response: { 200: ContactView, ...errorResponses } },
  }, async (req) => readBack(req.actor, req.params.id));

  api.patch('/contacts/:id', {
    config: { access: { permission: 'customer.manage' } },
    schema: { tags, summary: '修改联系人 Update a contact', params: IdParams, body: UpdateContactBody, response: { 200: ContactView, ...errorResponses } },
  }, async (req) => {
    await updateContact(ctxOf(req, services), req.params.id, req.body);
    return readBack(req.actor, req.params.id);
  });

  api.delete('/contacts/:id', {
    config: { access: { permission: 'customer.manage' } },
    schema: { tags, summary: '删除（归档）联系人 Archive a contact', params: IdParams, querystring: VersionQuery, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await archiveContact(ctxOf(req, services), req.params.id, req.query.version);
    return { ok: true as const };
  });
}
