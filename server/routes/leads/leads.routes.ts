import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { MAX_ATTACHMENT_MB } from '../../../core/approvals/attachments.ts';
import { ImportCommitBody, ImportCommitResult, ImportFileBody, ImportPreview } from '../../../core/schemas/imports.schema.ts';
import {
  AssigneeOption, AssigneeQuery, DecideLeadBody, EscalateLeadBody, EvaluateLeadBody, IntakeSettingsView, LeadAttachmentView, LeadDetail,
  LeadExportQuery, LeadListQuery, LeadPage, PartnerRegistrationBody, RegisterLeadBody, ResolveConflictBody, ScreenLeadBody,
  UpdateIntakeSettingsBody, UpdateLeadBody, UploadLeadAttachmentBody,
} from '../../../core/schemas/leads.schema.ts';
import { registerLead } from '../../commands/register-lead.ts';
import { registerPartnerLead, resolveLeadConflict } from '../../commands/register-partner-lead.ts';
import { updateLead } from '../../commands/update-lead.ts';
import { uploadLeadAttachment } from '../../commands/upload-lead-attachment.ts';
import { screenLead } from '../../commands/screen-lead.ts';
import { decideLead, escalateLead, evaluateLead } from '../../commands/lead-evaluation.ts';
import { updateIntakeSettings } from '../../commands/update-intake-settings.ts';
import { commitLeadImport, exportLeads, leadImportTemplate, previewLeadImport } from '../../commands/leads-xlsx.ts';
import { assigneeOptions, getLeadAttachment, getLeadDetail, listLeads } from '../../queries/leads.ts';
import { loadIntakeSettings } from '../../intake/settings.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { IMPORT_BODY_LIMIT, l10n } from '../../imports/xlsx-import.ts';
import { sendXlsx, xlsxFileName } from '../../imports/xlsx-export.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['leads'];
const IdParams = z.object({ id: z.string().uuid() });
const AttachmentParams = z.object({ id: z.string().uuid(), attId: z.string().uuid() });
const UpdateBody = UpdateLeadBody.extend({ confirmDuplicate: z.boolean().optional() });

/**
 * 信息登记与筛选: /api/leads — register (also for channel partners), list and detail, original
 * material, screening (reject with reply / forward via approval / keep and assign), evaluation,
 * escalation and the sales director's decision, partner-registration conflicts, Excel.
 */
export async function leadsRoutes(api: Api, services: AppServices) {
  const detail = async (actor: Actor, id: string) => {
    const view = await getLeadDetail(services.db, actor, id, services.clock());
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/leads', {
    config: { access: { permission: 'lead.read' } },
    schema: { tags, summary: '信息 / 线索列表 List leads', querystring: LeadListQuery, response: { 200: LeadPage, ...errorResponses } },
  }, async (req) => listLeads(services.db, req.actor, req.query, services.clock()));

  api.post('/leads', {
    config: { access: { permission: 'lead.register' } },
    schema: { tags, summary: '登记信息 Register information', body: RegisterLeadBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, await registerLead(ctxOf(req, services), req.body)));

  api.get('/leads/export.xlsx', {
    config: { access: { permission: 'customer.export' } },
    schema: { tags, summary: '导出信息 Export leads (.xlsx)', querystring: LeadExportQuery },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    const buffer = await exportLeads(ctx, req.query);
    return sendXlsx(reply, buffer, xlsxFileName(l10n('信息与线索', 'leads'), ctx));
  });

  api.get('/leads/import/template.xlsx', {
    config: { access: { permission: 'customer.import' } },
    schema: { tags, summary: '信息导入模板 Lead import template' },
  }, async (req, reply) => {
    const ctx = ctxOf(req, services);
    return sendXlsx(reply, await leadImportTemplate(ctx), xlsxFileName(l10n('信息导入模板', 'lead-import-template'), ctx));
  });

  api.post('/leads/import/preview', {
    config: { access: { permission: 'customer.import' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: '导入预览 Preview a lead import', body: ImportFileBody, response: { 200: ImportPreview, ...errorResponses } },
  }, async (req) => previewLeadImport(ctxOf(req, services), req.body));

  api.post('/leads/import/commit', {
    config: { access: { permission: 'customer.import' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: '导入信息 Import leads', body: ImportCommitBody, response: { 200: ImportCommitResult, ...errorResponses } },
  }, async (req) => commitLeadImport(ctxOf(req, services), req.body));

  api.get('/leads/assignees', {
    config: { access: { permission: 'lead.screen' } },
    schema: { tags, summary: '可分派的客户经理 Assignable account managers', querystring: AssigneeQuery, response: { 200: z.array(AssigneeOption), ...errorResponses } },
  }, async (req) => assigneeOptions(services.db, req.query.q));

  api.get('/leads/settings', {
    config: { access: { permission: 'lead.read' } },
    schema: { tags, summary: '信息登记设置 Intake settings', response: { 200: IntakeSettingsView, ...errorResponses } },
  }, async () => loadIntakeSettings(services.db));

  api.put('/leads/settings', {
    config: { access: { permission: 'system.settings' } },
    schema: { tags, summary: '修改信息登记设置 Update intake settings', body: UpdateIntakeSettingsBody, response: { 200: IntakeSettingsView, ...errorResponses } },
  }, async (req) => {
    await updateIntakeSettings(ctxOf(req, services), req.body);
    return loadIntakeSettings(services.db);
  });

  api.post('/leads/partner-registration', {
    config: { access: { permission: 'lead.register' } },
    schema: { tags, summary: '代理商报备 Partner deal registration', body: PartnerRegistrationBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, await registerPartnerLead(ctxOf(req, services), req.body)));

  api.get('/leads/:id', {
    config: { access: { permission: 'lead.read' } },
    schema: { tags, summary: '信息详情 Get a lead', params: IdParams, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => detail(req.actor, req.params.id));

  api.patch('/leads/:id', {
    config: { access: { permission: 'lead.read' } },
    schema: { tags, summary: '修改信息 Update a lead', params: IdParams, body: UpdateBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => {
    await updateLead(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/leads/:id/attachments', {
    config: { access: { permission: 'lead.read' } },
    bodyLimit: Math.ceil((MAX_ATTACHMENT_MB * 1024 * 1024 * 4) / 3) + 64 * 1024,
    schema: { tags, summary: '上传原始资料 Attach original material', params: IdParams, body: UploadLeadAttachmentBody, response: { 200: LeadAttachmentView, ...errorResponses } },
  }, async (req) => {
    const attId = await uploadLeadAttachment(ctxOf(req, services), req.params.id, req.body);
    const view = await detail(req.actor, req.params.id);
    const att = view.attachments.find((a) => a.id === attId);
    if (!att) throw new AppError('not_found');
    return att;
  });

  api.get('/leads/:id/attachments/:attId', {
    config: { access: { permission: 'lead.read' } },
    schema: { tags, summary: '下载原始资料 Download an attachment', params: AttachmentParams },
  }, async (req, reply) => {
    const file = await getLeadAttachment(services.db, req.actor, req.params.id, req.params.attId);
    if (!file) throw new AppError('not_found');
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(file.content);
  });

  api.post('/leads/:id/screen', {
    config: { access: { permission: 'lead.screen' } },
    schema: { tags, summary: '筛选信息 Screen information', params: IdParams, body: ScreenLeadBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => {
    await screenLead(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/leads/:id/evaluate', {
    config: { access: { permission: 'lead.evaluate' } },
    schema: { tags, summary: '初步评估 Evaluate a lead', params: IdParams, body: EvaluateLeadBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => {
    await evaluateLead(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/leads/:id/escalate', {
    config: { access: { permission: 'lead.read' } },
    schema: { tags, summary: '上报市场总监 Escalate a lead', params: IdParams, body: EscalateLeadBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => {
    await escalateLead(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/leads/:id/decide', {
    config: { access: { permission: 'lead.decide' } },
    schema: { tags, summary: '裁定参与程度与重要程度 Decide an escalated lead', params: IdParams, body: DecideLeadBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => {
    await decideLead(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  api.post('/leads/:id/resolve-conflict', {
    config: { access: { permission: 'lead.decide' } },
    schema: { tags, summary: '裁定报备冲突 Resolve a registration conflict', params: IdParams, body: ResolveConflictBody, response: { 200: LeadDetail, ...errorResponses } },
  }, async (req) => {
    await resolveLeadConflict(ctxOf(req, services), req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });
}
