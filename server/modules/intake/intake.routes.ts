import { intakeContract } from '../../../core/intake/intake.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import { importHandlers } from '../../imports/import-handlers.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { intakeMessages } from './intake.messages.ts';
import { leadsExport } from './commands/export-leads.ts';
import { commitLeadImport, leadImportTemplate, previewLeadImport } from './commands/import-leads.ts';
import { decideLead, escalateLead, evaluateLead } from './commands/lead-evaluation.ts';
import { registerLead } from './commands/register-lead.ts';
import { registerPartnerLead, resolveLeadConflict } from './commands/register-partner-lead.ts';
import { screenLead } from './commands/screen-lead.ts';
import { updateIntakeSettings } from './commands/update-intake-settings.ts';
import { updateLead } from './commands/update-lead.ts';
import { uploadLeadAttachment } from './commands/upload-lead-attachment.ts';
import { loadIntakeSettings } from './queries/intake-settings.ts';
import { assigneeOptions, getLeadAttachment, getLeadDetail, listLeads } from './queries/leads.ts';

/**
 * 信息登记与筛选: /api/leads — register (also for channel partners), list and detail, original
 * material, screening (reject with reply / forward via approval / keep and assign), evaluation,
 * escalation and the sales director's decision, partner-registration conflicts, Excel.
 */
export function intakeRoutes(api: Api, services: AppServices): void {
  const detail = async (ctx: Ctx, id: string) => {
    const view = await getLeadDetail(ctx.db, ctx.actor, id, ctx.now);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, intakeContract, {
    list: async ({ ctx, query }) => listLeads(ctx.db, ctx.actor, query, ctx.now),
    register: async ({ ctx, body }) => detail(ctx, await registerLead(ctx, body)),
    exportXlsx: async ({ ctx, query, reply }) => leadsExport.send(reply, ctx, query),
    ...importHandlers({
      template: leadImportTemplate,
      templateFileName: intakeMessages.l10n('import.leads.template_file'),
      preview: previewLeadImport,
      commit: commitLeadImport,
    }),
    assignees: async ({ ctx, query }) => assigneeOptions(ctx.db, query.q),
    settings: async ({ ctx }) => loadIntakeSettings(ctx.db),
    updateSettings: async ({ ctx, body }) => {
      await updateIntakeSettings(ctx, body);
      return loadIntakeSettings(ctx.db);
    },
    partnerRegistration: async ({ ctx, body }) => detail(ctx, await registerPartnerLead(ctx, body)),
    get: async ({ ctx, params }) => detail(ctx, params.id),
    update: async ({ ctx, params, body }) => {
      await updateLead(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    uploadAttachment: async ({ ctx, params, body }) => {
      const attId = await uploadLeadAttachment(ctx, params.id, body);
      const view = await detail(ctx, params.id);
      const att = view.attachments.find((a) => a.id === attId);
      if (!att) throw new AppError('not_found');
      return att;
    },
    downloadAttachment: async ({ ctx, params, reply }) => {
      const file = await getLeadAttachment(ctx.db, ctx.actor, params.id, params.attId);
      if (!file) throw new AppError('not_found');
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(file.content);
    },
    screen: async ({ ctx, params, body }) => {
      await screenLead(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    evaluate: async ({ ctx, params, body }) => {
      await evaluateLead(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    escalate: async ({ ctx, params, body }) => {
      await escalateLead(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    decide: async ({ ctx, params, body }) => {
      await decideLead(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    resolveConflict: async ({ ctx, params, body }) => {
      await resolveLeadConflict(ctx, params.id, body);
      return detail(ctx, params.id);
    },
  });
}
