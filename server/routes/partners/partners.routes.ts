import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  CreatePartnerBody, DuplicateCheckBody, DuplicateResult, PartnerExportQuery, PartnerListQuery, PartnerPage, PartnerTransferResult, PartnerView,
  PutSharesBody, ShareList, TransferBody, UpdatePartnerBody,
} from '../../../core/schemas/customers.schema.ts';
import { createPartner } from '../../commands/create-partner.ts';
import { exportPartners } from '../../commands/export-crm.ts';
import { saveRecordShares } from '../../commands/save-record-shares.ts';
import { transferRecord } from '../../commands/transfer-record.ts';
import { updatePartner } from '../../commands/update-partner.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { l10n } from '../../imports/xlsx-import.ts';
import type { Actor } from '../../policies/actor.ts';
import { checkDuplicates, listShares } from '../../queries/customers.ts';
import { getPartner, listPartners, partnerVisible } from '../../queries/partners.ts';
import { registerCrmImportRoutes } from '../customers/import-routes.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['partners'];
const IdParams = z.object({ id: z.string().uuid() });

/** Channel partners and dealers (渠道商 / 经销商): the same set of endpoints as customers. */
export async function partnersRoutes(api: Api, services: AppServices) {
  const readBack = async (actor: Actor, id: string) => {
    const view = await getPartner(services.db, actor, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/partners', {
    config: { access: { permission: 'partner.read' } },
    schema: { tags, summary: '渠道商列表 List channel partners and dealers', querystring: PartnerListQuery, response: { 200: PartnerPage, ...errorResponses } },
  }, async (req) => listPartners(services.db, req.actor, req.query));

  api.get('/partners/export.xlsx', {
    config: { access: { permission: 'customer.export' } },
    schema: { tags, summary: '导出渠道商 Export the filtered partner list (.xlsx)', querystring: PartnerExportQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    const { buffer } = await exportPartners(ctx, req.query);
    return sendXlsx(reply, buffer, xlsxFileName(l10n('渠道商', 'partners'), ctx));
  });

  registerCrmImportRoutes(api, services, 'partners', 'partner', tags);

  api.post('/partners', {
    config: { access: { permission: 'partner.manage' } },
    schema: { tags, summary: '新建渠道商 Create a partner (duplicate rules as for customers)', body: CreatePartnerBody, response: { 200: PartnerView, ...errorResponses } },
  }, async (req) => readBack(req.actor, await createPartner(ctxOf(req, services), req.body)));

  api.post('/partners/duplicates', {
    config: { access: { permission: 'partner.read' } },
    schema: { tags, summary: '查重 Partners matching a name or credit code', body: DuplicateCheckBody, response: { 200: DuplicateResult, ...errorResponses } },
  }, async (req) => checkDuplicates(services.db, req.actor, 'partner', req.body));

  api.get('/partners/:id', {
    config: { access: { permission: 'partner.read' } },
    schema: { tags, summary: '渠道商详情 Get a partner', params: IdParams, response: { 200: PartnerView, ...errorResponses } },
  }, async (req) => readBack(req.actor, req.params.id));

  api.patch('/partners/:id', {
    config: { access: { permission: 'partner.manage' } },
    schema: { tags, summary: '修改渠道商 Update a partner', params: IdParams, body: UpdatePartnerBody, response: { 200: PartnerView, ...errorResponses } },
  }, async (req) => {
    await updatePartner(ctxOf(req, services), req.params.id, req.body);
    return readBack(req.actor, req.params.id);
  });

  api.post('/partners/:id/transfer', {
    config: { access: { permission: 'partner.manage' } },
    schema: { tags, summary: '转移渠道商 Transfer to another owner', params: IdParams, body: TransferBody, response: { 200: PartnerTransferResult, ...errorResponses } },
  }, async (req) => {
    await transferRecord(ctxOf(req, services), 'partner', req.params.id, req.body);
    const partner = await getPartner(services.db, req.actor, req.params.id);
    return { ok: true as const, stillVisible: partner !== null, partner };
  });

  api.get('/partners/:id/shares', {
    config: { access: { permission: 'partner.read' } },
    schema: { tags, summary: '共享人员 Colleagues the partner is shared with', params: IdParams, response: { 200: ShareList, ...errorResponses } },
  }, async (req) => {
    if (!(await partnerVisible(services.db, req.actor, req.params.id))) throw new AppError('not_found');
    return listShares(services.db, 'partner', req.params.id);
  });

  api.put('/partners/:id/shares', {
    config: { access: { permission: 'partner.manage' } },
    schema: { tags, summary: '设置共享 Set the colleagues the partner is shared with', params: IdParams, body: PutSharesBody, response: { 200: ShareList, ...errorResponses } },
  }, async (req) => {
    await saveRecordShares(ctxOf(req, services), 'partner', req.params.id, req.body.userIds);
    return listShares(services.db, 'partner', req.params.id);
  });
}
