import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  AnswerCaseBody, AssignCaseBody, CaseDetail, CaseExportQuery, CaseListQuery, CasePage, CloseCaseBody, CreateCaseBody, UpdateCaseBody,
} from '../../../core/schemas/cases.schema.ts';
import { answerCase, assignCase, closeCase, createCase, updateCase } from '../../commands/manage-case.ts';
import { getCaseDetail, listCases } from '../../queries/cases.ts';
import { exportCases } from '../../commands/export-cases.ts';
import { l10n } from '../../imports/xlsx-import.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { ctxOf, type AppServices } from '../../http/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['cases'];
const IdParams = z.object({ id: z.string().uuid() });

/** 咨询与投诉: receive, assign, answer within the deadline, close. */
export async function casesRoutes(api: Api, services: AppServices) {
  const detail = async (actor: Actor, id: string) => {
    const view = await getCaseDetail(services.db, actor, id, services.clock());
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/cases', {
    config: { access: { permission: 'case.read' } },
    schema: { tags, summary: '咨询与投诉列表 List inquiries and complaints', querystring: CaseListQuery, response: { 200: CasePage, ...errorResponses } },
  }, async (req) => listCases(services.db, req.actor, req.query, services.clock()));

  api.post('/cases', {
    config: { access: { permission: 'case.manage' } },
    schema: { tags, summary: '受理咨询 / 投诉 Receive an inquiry or complaint', body: CreateCaseBody, response: { 200: CaseDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, await createCase(ctxOf(req, services), req.body)));

  api.get('/cases/export.xlsx', {
    config: { access: { permission: 'customer.export' } },
    schema: { tags, summary: '导出咨询与投诉 Export cases (.xlsx)', querystring: CaseExportQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    return sendXlsx(reply, await exportCases(ctx, req.query), xlsxFileName(l10n('咨询与投诉', 'cases'), ctx));
  });

  api.get('/cases/:id', {
    config: { access: { permission: 'case.read' } },
    schema: { tags, summary: '咨询 / 投诉详情 Get a case', params: IdParams, response: { 200: CaseDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, req.params.id));

  api.patch('/cases/:id', {
    config: { access: { permission: 'case.manage' } },
    schema: { tags, summary: '修改咨询 / 投诉 Update a case', params: IdParams, body: UpdateCaseBody, response: { 200: CaseDetail, ...errorResponses } },
  }, async (req) => {
    await updateCase(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/cases/:id/assign', {
    config: { access: { permission: 'case.manage' } },
    schema: { tags, summary: '分派处理人 Assign a handler', params: IdParams, body: AssignCaseBody, response: { 200: CaseDetail, ...errorResponses } },
  }, async (req) => {
    await assignCase(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/cases/:id/answer', {
    config: { access: { permission: 'case.read' } },
    schema: { tags, summary: '答复客户 Answer the customer', params: IdParams, body: AnswerCaseBody, response: { 200: CaseDetail, ...errorResponses } },
  }, async (req) => {
    await answerCase(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/cases/:id/close', {
    config: { access: { permission: 'case.manage' } },
    schema: { tags, summary: '关闭 Close a case', params: IdParams, body: CloseCaseBody, response: { 200: CaseDetail, ...errorResponses } },
  }, async (req) => {
    await closeCase(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });
}
