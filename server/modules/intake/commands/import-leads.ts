import { gte } from 'drizzle-orm';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { phoneDigits } from '../../../../core/crm/phone.ts';
import { LEAD_CHANNEL_LABELS, LEAD_CHANNELS, type LeadChannel } from '../../../../core/intake/labels.ts';
import { findDuplicates } from '../../../../core/intake/similarity.ts';
import type { ImportCommitBody, ImportCommitResult, ImportFileBody, ImportPreview } from '../../../../core/imports/imports.schema.ts';
import { leads } from '../../../db/schema.ts';
import { startDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { userBrief } from '../../../kernel/people.ts';
import { addRowError, buildImportTemplate, commitImport, l10n, previewImport, type ImportSpec } from '../../../imports/xlsx-import.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { intakeMessages } from '../intake.messages.ts';
import { LEAD_SUBJECT, POLICY_LEAD_SCREEN, STEP_SCREEN } from '../lead-events.ts';
import { loadIntakeSettings } from '../queries/intake-settings.ts';
import { insertLead, screeningOwner } from './register-lead.ts';

/** Leads from Excel: the import of an old information register (信息登记表) with its template. */

interface LeadImportRow {
  title: string;
  channel: LeadChannel;
  customerName: string;
  contactName: string | null;
  contactPhone: string | null;
  estimatedAmountFen: number | null;
  description: string | null;
  receivedAt: Date | null;
}

/** The lead sheet: every registered piece of information of an old spreadsheet (信息登记表). */
export const LEAD_IMPORT_SPEC: ImportSpec<LeadImportRow> = {
  entity: 'lead',
  permission: 'customer.import',
  sheetName: intakeMessages.l10n('import.leads.sheet'),
  columns: [
    {
      key: 'title',
      header: l10n('信息名称', 'Title'),
      type: 'text',
      required: true,
      maxLength: 200,
      example: '滨海新区智慧园区安防项目',
      width: 30,
    },
    {
      key: 'channel',
      header: l10n('来源渠道', 'Channel'),
      type: 'enum',
      required: true,
      example: '电话',
      options: LEAD_CHANNELS.map((c) => ({ value: c, label: l10n(LEAD_CHANNEL_LABELS[c].zh, LEAD_CHANNEL_LABELS[c].en) })),
    },
    {
      key: 'customerName',
      header: l10n('客户名称', 'Customer'),
      type: 'text',
      required: true,
      maxLength: 200,
      example: '天津滨海新区管委会',
      width: 30,
    },
    { key: 'contactName', header: l10n('联系人', 'Contact'), type: 'text', maxLength: 64, example: '王主任' },
    {
      key: 'contactPhone',
      header: l10n('联系电话', 'Phone'),
      type: 'text',
      maxLength: 40,
      example: '13800138000',
      validate: (v) =>
        typeof v === 'string' && phoneDigits(v).length < 5 ? l10n('「联系电话」格式不正确', '"Phone" is not a phone number') : null,
    },
    { key: 'estimatedAmountFen', header: l10n('预计金额（元）', 'Estimated amount (CNY)'), type: 'money', example: 1200000 },
    {
      key: 'description',
      header: l10n('需求描述', 'Description'),
      type: 'text',
      maxLength: 5000,
      example: '园区周界与出入口监控改造，预计下月招标',
      width: 40,
    },
    { key: 'receivedAt', header: l10n('收到时间', 'Received at'), type: 'datetime', example: '2026-03-02 10:30' },
  ],
  uniqueInFile: [{ column: 'title', key: (r) => `${companyNameKey(r.customerName)}|${r.title}` }],
  notes: [
    l10n(
      '每行一条信息；导入后状态为“待筛选”，由业务主管筛选。',
      'One piece of information per row; imported rows await screening by the sales supervisor.',
    ),
    l10n(
      '同一客户 90 天内已登记相似信息的行视为疑似重复，不导入。',
      'Rows that look like a duplicate (same customer, similar title within the duplicate window) are refused.',
    ),
  ],
  check: async (db, rows, ctx) => {
    const settings = await loadIntakeSettings(db);
    const since = new Date(ctx.now.getTime() - settings.duplicateWindowDays * 86_400_000);
    const recent = await db
      .select({
        id: leads.id,
        code: leads.code,
        title: leads.title,
        customerId: leads.customerId,
        customerName: leads.customerName,
        registeredAt: leads.registeredAt,
      })
      .from(leads)
      .where(gte(leads.registeredAt, since))
      .limit(100_000);
    const byKey = new Map<string, typeof recent>();
    for (const r of recent) {
      const k = r.customerName ? companyNameKey(r.customerName) : '';
      if (!k) continue;
      byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
    for (const row of rows) {
      const candidates = byKey.get(companyNameKey(row.value.customerName)) ?? [];
      const hits = findDuplicates(
        { title: row.value.title, customerId: null, customerName: row.value.customerName },
        candidates,
        ctx.now,
        settings.duplicateWindowDays,
      );
      const first = hits[0];
      if (first) {
        addRowError(
          row,
          'title',
          l10n(
            `疑似重复：${settings.duplicateWindowDays} 天内已登记同一客户的相似信息 ${first.code}`,
            `possible duplicate of ${first.code} (same customer, similar title)`,
          ),
        );
      }
    }
  },
  insert: async (tx, rows, ctx) => {
    const registrar = await userBrief(tx, ctx.actor.userId);
    if (!registrar) throw new Error('import needs a user');
    // imported information awaits screening like any other: its screening deadline starts now
    const screener = await screeningOwner(tx, registrar);
    for (const row of rows) {
      const v = row.value;
      const lead = await insertLead(tx, ctx, registrar, {
        title: v.title,
        channel: v.channel,
        customerId: null,
        customerName: v.customerName,
        contactName: v.contactName,
        contactPhone: v.contactPhone,
        description: v.description,
        estimatedAmountFen: v.estimatedAmountFen,
        registeredAt: v.receivedAt ?? ctx.now,
      });
      await appendTimeline(tx, {
        at: ctx.now,
        kind: 'lead.registered',
        entityType: 'lead',
        entityId: lead.id,
        actorId: ctx.actor.userId,
        title: intakeMessages.message('timeline.imported', { title: v.title }),
        summary: `来源：${LEAD_CHANNEL_LABELS[v.channel].zh}；客户：${v.customerName}`,
        data: { link: `/leads/${lead.id}`, code: lead.code, imported: true },
        leadId: lead.id,
      });
      await startDeadline(tx, ctx.now, {
        subjectType: LEAD_SUBJECT,
        subjectId: lead.id,
        step: STEP_SCREEN,
        policyCode: POLICY_LEAD_SCREEN,
        ownerUserId: screener.id,
        title: `${lead.code} ${v.title}`,
        link: `/leads/${lead.id}`,
      });
    }
  },
};

export function leadImportTemplate(ctx: Ctx): Promise<Buffer> {
  requirePermission(ctx.actor, 'customer.import');
  return buildImportTemplate(LEAD_IMPORT_SPEC, ctx.actor.locale);
}

export function previewLeadImport(ctx: Ctx, body: ImportFileBody): Promise<ImportPreview> {
  requirePermission(ctx.actor, 'lead.register');
  return previewImport(ctx, LEAD_IMPORT_SPEC, body);
}

export function commitLeadImport(ctx: Ctx, body: ImportCommitBody): Promise<ImportCommitResult> {
  requirePermission(ctx.actor, 'lead.register');
  return commitImport(ctx, LEAD_IMPORT_SPEC, body);
}
