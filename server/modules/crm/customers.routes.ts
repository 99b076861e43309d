import { customersContract } from '../../../core/crm/crm.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import { importHandlers } from '../../imports/import-handlers.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { createCustomer } from './commands/create-customer.ts';
import { customersExport } from './commands/export-customers.ts';
import { crmImportUseCases } from './commands/import-crm.ts';
import { saveRecordShares } from './commands/save-record-shares.ts';
import { transferRecord } from './commands/transfer-record.ts';
import { updateCustomer } from './commands/update-customer.ts';
import { customerTimeline, customerVisible, getCustomer, listCustomers } from './queries/customers.ts';
import { checkDuplicates } from './queries/duplicates.ts';
import { listShares } from './queries/shares.ts';

/**
 * Customers (客户, PRODUCT.md §3.2): list with filters and export, create/edit with duplicate
 * checks, transfer, sharing, the timeline of every module, and Excel import.
 */
export function customersRoutes(api: Api, services: AppServices): void {
  const readBack = async (ctx: Ctx, id: string) => {
    const view = await getCustomer(ctx.db, ctx.actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, customersContract, {
    list: async ({ ctx, query }) => listCustomers(ctx.db, ctx.actor, query),
    exportXlsx: async ({ ctx, query, reply }) => customersExport.send(reply, ctx, query),
    ...importHandlers(crmImportUseCases('customer')),
    create: async ({ ctx, body }) => readBack(ctx, await createCustomer(ctx, body)),
    duplicates: async ({ ctx, body }) => checkDuplicates(ctx.db, ctx.actor, 'customer', body),
    get: async ({ ctx, params }) => readBack(ctx, params.id),
    update: async ({ ctx, params, body }) => {
      await updateCustomer(ctx, params.id, body);
      return readBack(ctx, params.id);
    },
    transfer: async ({ ctx, params, body }) => {
      await transferRecord(ctx, 'customer', params.id, body);
      // after handing it over, the former owner may no longer see it
      const customer = await getCustomer(ctx.db, ctx.actor, params.id);
      return { ok: true as const, stillVisible: customer !== null, customer };
    },
    shares: async ({ ctx, params }) => {
      if (!(await customerVisible(ctx.db, ctx.actor, params.id))) throw new AppError('not_found');
      return listShares(ctx.db, 'customer', params.id);
    },
    putShares: async ({ ctx, params, body }) => {
      await saveRecordShares(ctx, 'customer', params.id, body.userIds);
      return listShares(ctx.db, 'customer', params.id);
    },
    timeline: async ({ ctx, params, query }) => customerTimeline(ctx.db, ctx.actor, params.id, query),
  });
}
