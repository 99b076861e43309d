import { partnersContract } from '../../../core/crm/crm.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import { importHandlers } from '../../imports/import-handlers.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { createPartner } from './commands/create-partner.ts';
import { partnersExport } from './commands/export-partners.ts';
import { crmImportUseCases } from './commands/import-crm.ts';
import { saveRecordShares } from './commands/save-record-shares.ts';
import { transferRecord } from './commands/transfer-record.ts';
import { updatePartner } from './commands/update-partner.ts';
import { checkDuplicates } from './queries/duplicates.ts';
import { getPartner, listPartners, partnerVisible } from './queries/partners.ts';
import { listShares } from './queries/shares.ts';

/** Channel partners and dealers (渠道商 / 经销商): the same set of endpoints as customers. */
export function partnersRoutes(api: Api, services: AppServices): void {
  const readBack = async (ctx: Ctx, id: string) => {
    const view = await getPartner(ctx.db, ctx.actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, partnersContract, {
    list: async ({ ctx, query }) => listPartners(ctx.db, ctx.actor, query),
    exportXlsx: async ({ ctx, query, reply }) => partnersExport.send(reply, ctx, query),
    ...importHandlers(crmImportUseCases('partner')),
    create: async ({ ctx, body }) => readBack(ctx, await createPartner(ctx, body)),
    duplicates: async ({ ctx, body }) => checkDuplicates(ctx.db, ctx.actor, 'partner', body),
    get: async ({ ctx, params }) => readBack(ctx, params.id),
    update: async ({ ctx, params, body }) => {
      await updatePartner(ctx, params.id, body);
      return readBack(ctx, params.id);
    },
    transfer: async ({ ctx, params, body }) => {
      await transferRecord(ctx, 'partner', params.id, body);
      const partner = await getPartner(ctx.db, ctx.actor, params.id);
      return { ok: true as const, stillVisible: partner !== null, partner };
    },
    shares: async ({ ctx, params }) => {
      if (!(await partnerVisible(ctx.db, ctx.actor, params.id))) throw new AppError('not_found');
      return listShares(ctx.db, 'partner', params.id);
    },
    putShares: async ({ ctx, params, body }) => {
      await saveRecordShares(ctx, 'partner', params.id, body.userIds);
      return listShares(ctx.db, 'partner', params.id);
    },
  });
}
