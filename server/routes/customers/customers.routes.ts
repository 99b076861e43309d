import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  CreateCustomerBody, CustomerExportQuery, CustomerTransferResult, CustomerListQuery, CustomerPage, CustomerView, DuplicateCheckBody, DuplicateResult, PutSharesBody,
  ShareList, TimelinePage, TimelineQuery, TransferBody, UpdateCustomerBody,
} from '../../../core/schemas/customers.schema.ts';
import { createCustomer } from '../../commands/create-customer.ts';
import { exportCustomers } from '../../commands/export-crm.ts';
import { saveRecordShares } from '../../commands/save-record-shares.ts';
import { transferRecord } from '../../commands/transfer-record.ts';
import { updateCustomer } from '../../commands/update-customer.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { l10n } from '../../imports/xlsx-import.ts';
import type { Actor } from '../../policies/actor.ts';
import { checkDuplicates, customerTimeline, customerVisible, getCustomer, listCustomers, listShares } from '../../queries/customers.ts';
import { errorResponses, type Api } from '../types.ts';
import { registerCrmImportRoutes } from './import-routes.ts';

const tags = ['customers'];
const IdParams = z.object({ id: z.string().uuid() });

/**
 * Customers (客户, PRODUCT.md §3.2): list with filters and export, create/edit with duplicate
 * checks, transfer, sharing, the timeline of every module, and Excel import.
 */
export async function customersRoutes(api: Api, services: AppServices) {
  const readBack = async (actor: Actor, id: string) => {
    const view = await getCustomer(services.db, actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/customers', {
    config: { access: { permission: 'customer.read' } },
    schema: { tags, summary: '客户列表 List customers', querystring: CustomerListQuery, response: { 200: CustomerPage, ...errorResponses } },
  }, async (req) => listCustomers(services.db, req.actor, req.query));

  api.get('/customers/export.xlsx', {
    config: { access: { permission: 'customer.export' } },
    schema: { tags, summary: '导出客户 Export the filtered customer list (.xlsx)', querystring: CustomerExportQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    const { buffer } = await exportCustomers(ctx, req.query);
    return sendXlsx(reply, buffer, xlsxFileName(l10n('客户', 'customers'), ctx));
  });

  registerCrmImportRoutes(api, services, 'customers', 'customer', tags);

  api.post('/customers', {
    config: { access: { permission: 'customer.manage' } },
    schema: {
      tags, summary: '新建客户 Create a customer (409 conflict_duplicate on the same credit code, or a similar name without confirmDuplicate)',
      body: CreateCustomerBody, response: { 200: CustomerView, ...errorResponses },
    },
  }, async (req) => readBack(req.actor, await createCustomer(ctxOf(req, services), req.body)));

  api.post('/customers/duplicates', {
    config: { access: { permission: 'customer.read' } },
    schema: {
      tags, summary: '查重 Customers matching a name or credit code (invisible ones: owner only)', body: DuplicateCheckBody,
      response: { 200: DuplicateResult, ...errorResponses },
    },
  }, async (req) => checkDuplicates(services.db, req.actor, 'customer', req.body));

  api.get('/customers/:id', {
    config: { access: { permission: 'customer.read' } },
    schema: { tags, summary: '客户详情 Get a customer', params: IdParams, response: { 200: CustomerView, ...errorResponses } },
  }, async (req) => readBack(req.actor, req.params.id));

  api.patch('/customers/:id', {
    config: { access: { permission: 'customer.manage' } },
    schema: { tags, summary: '修改客户 Update a customer', params: IdParams, body: UpdateCustomerBody, response: { 200: CustomerView, ...errorResponses } },
  }, async (req) => {
    await updateCustomer(ctxOf(req, services), req.params.id, req.body);
    return readBack(req.actor, req.params.id);
  });

  api.post('/customers/:id/transfer', {
    config: { access: { permission: 'customer.transfer' } },
    schema: {
      tags, summary: '转移客户 Transfer to another owner (audited, notifies the new owner)', params: IdParams, body: TransferBody,
      response: { 200: CustomerTransferResult, ...errorResponses },
    },
  }, async (req) => {
    await transferRecord(ctxOf(req, services), 'customer', req.params.id, req.body);
    // after handing it over, the former owner may no longer see it
    const customer = await getCustomer(services.db, req.actor, req.params.id);
    return { ok: true as const, stillVisible: customer !== null, customer };
  });

  api.get('/customers/:id/shares', {
    config: { access: { permission: 'customer.read' } },
    schema: { tags, summary: '共享人员 Colleagues the customer is shared with', params: IdParams, response: { 200: ShareList, ...errorResponses } },
  }, async (req) => {
    if (!(await customerVisible(services.db, req.actor, req.params.id))) throw new AppError('not_found');
    return listShares(services.db, 'customer', req.params.id);
  });

  api.put('/customers/:id/shares', {
    config: { access: { permission: 'customer.manage' } },
    schema: { tags, summary: '设置共享 Set the colleagues the customer is shared with', params: IdParams, body: PutSharesBody, response: { 200: ShareList, ...errorResponses } },
  }, async (req) => {
    await saveRecordShares(ctxOf(req, services), 'customer', req.params.id, req.body.userIds);
    return listShares(services.db, 'customer', req.params.id);
  });

  api.get('/customers/:id/timeline', {
    config: { access: { permission: 'customer.read' } },
    schema: {
      tags, summary: '客户时间线 Everything that happened with the customer, from every module (newest first)', params: IdParams,
      querystring: TimelineQuery, response: { 200: TimelinePage, ...errorResponses },
    },
  }, async (req) => customerTimeline(services.db, req.actor, req.params.id, req.query));
}
