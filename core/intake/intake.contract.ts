import { z } from 'zod';
import { MAX_ATTACHMENT_MB } from '../approvals/attachments.ts';
import { defineContract } from '../contract.ts';
import { importEndpoints } from '../imports/import-endpoints.ts';
import {
  AssigneeOption,
  AssigneeQuery,
  DecideLeadBody,
  EscalateLeadBody,
  EvaluateLeadBody,
  IntakeSettingsView,
  LeadAttachmentView,
  LeadDetail,
  LeadExportQuery,
  LeadListQuery,
  LeadPage,
  PartnerRegistrationBody,
  RegisterLeadBody,
  ResolveConflictBody,
  ScreenLeadBody,
  UpdateIntakeSettingsBody,
  UpdateLeadBody,
  UploadLeadAttachmentBody,
} from './intake.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });
const AttachmentParams = z.object({ id: z.string().uuid(), attId: z.string().uuid() });
/** an edit may confirm a possible duplicate (after the 409 `lead_duplicate`) */
const UpdateBody = UpdateLeadBody.extend({ confirmDuplicate: z.boolean().optional() });
/** a base64 attachment of MAX_ATTACHMENT_MB, with room for the JSON around it */
const ATTACHMENT_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_MB * 1024 * 1024 * 4) / 3) + 64 * 1024;

/**
 * 信息登记与筛选 (seed 003): /api/leads — register (also for channel partners), list and detail,
 * original material, screening (reject with reply / forward via approval / keep and assign),
 * evaluation, escalation and the sales director's decision, partner-registration conflicts,
 * Excel export and import, the intake settings.
 */
export const intakeContract = defineContract('leads', {
  list: {
    method: 'GET',
    path: '/leads',
    summary: '信息 / 线索列表 List leads',
    access: { permission: 'lead.read' },
    query: LeadListQuery,
    response: LeadPage,
  },
  register: {
    method: 'POST',
    path: '/leads',
    summary: '登记信息 Register information',
    access: { permission: 'lead.register' },
    body: RegisterLeadBody,
    response: LeadDetail,
  },
  exportXlsx: {
    method: 'GET',
    path: '/leads/export.xlsx',
    summary: '导出信息 Export leads (.xlsx)',
    access: { permission: 'customer.export' },
    query: LeadExportQuery,
    response: 'file',
  },
  ...importEndpoints(
    'leads',
    { zh: '信息', en: 'leads' },
    {
      summaries: {
        template: '信息导入模板 Lead import template',
        preview: '导入预览 Preview a lead import',
        commit: '导入信息 Import leads',
      },
    },
  ),
  assignees: {
    method: 'GET',
    path: '/leads/assignees',
    summary: '可分派的客户经理 Assignable account managers',
    access: { permission: 'lead.screen' },
    query: AssigneeQuery,
    response: z.array(AssigneeOption),
  },
  settings: {
    method: 'GET',
    path: '/leads/settings',
    summary: '信息登记设置 Intake settings',
    access: { permission: 'lead.read' },
    response: IntakeSettingsView,
  },
  updateSettings: {
    method: 'PUT',
    path: '/leads/settings',
    summary: '修改信息登记设置 Update intake settings',
    access: { permission: 'system.settings' },
    body: UpdateIntakeSettingsBody,
    response: IntakeSettingsView,
  },
  partnerRegistration: {
    method: 'POST',
    path: '/leads/partner-registration',
    summary: '代理商报备 Partner deal registration',
    access: { permission: 'lead.register' },
    body: PartnerRegistrationBody,
    response: LeadDetail,
  },
  get: {
    method: 'GET',
    path: '/leads/:id',
    summary: '信息详情 Get a lead',
    access: { permission: 'lead.read' },
    params: IdParams,
    response: LeadDetail,
  },
  update: {
    method: 'PATCH',
    path: '/leads/:id',
    summary: '修改信息 Update a lead',
    access: { permission: 'lead.read' },
    params: IdParams,
    body: UpdateBody,
    response: LeadDetail,
  },
  uploadAttachment: {
    method: 'POST',
    path: '/leads/:id/attachments',
    summary: '上传原始资料 Attach original material',
    access: { permission: 'lead.read' },
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    params: IdParams,
    body: UploadLeadAttachmentBody,
    response: LeadAttachmentView,
  },
  downloadAttachment: {
    method: 'GET',
    path: '/leads/:id/attachments/:attId',
    summary: '下载原始资料 Download an attachment',
    access: { permission: 'lead.read' },
    params: AttachmentParams,
    response: 'file',
  },
  screen: {
    method: 'POST',
    path: '/leads/:id/screen',
    summary: '筛选信息 Screen information',
    access: { permission: 'lead.screen' },
    params: IdParams,
    body: ScreenLeadBody,
    response: LeadDetail,
  },
  evaluate: {
    method: 'POST',
    path: '/leads/:id/evaluate',
    summary: '初步评估 Evaluate a lead',
    access: { permission: 'lead.evaluate' },
    params: IdParams,
    body: EvaluateLeadBody,
    response: LeadDetail,
  },
  escalate: {
    method: 'POST',
    path: '/leads/:id/escalate',
    summary: '上报市场总监 Escalate a lead',
    access: { permission: 'lead.read' },
    params: IdParams,
    body: EscalateLeadBody,
    response: LeadDetail,
  },
  decide: {
    method: 'POST',
    path: '/leads/:id/decide',
    summary: '裁定参与程度与重要程度 Decide an escalated lead',
    access: { permission: 'lead.decide' },
    params: IdParams,
    body: DecideLeadBody,
    response: LeadDetail,
  },
  resolveConflict: {
    method: 'POST',
    path: '/leads/:id/resolve-conflict',
    summary: '裁定报备冲突 Resolve a registration conflict',
    access: { permission: 'lead.decide' },
    params: IdParams,
    body: ResolveConflictBody,
    response: LeadDetail,
  },
});
