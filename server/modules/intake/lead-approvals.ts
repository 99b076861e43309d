import { eq } from 'drizzle-orm';
import { LEAD_CHANNEL_LABELS, LEAD_CHANNELS } from '../../../core/intake/labels.ts';
import { defineApprovalSubject } from '../../approvals/subjects.ts';
import type { Db } from '../../db/client.ts';
import { leads } from '../../db/schema.ts';
import { applyForwardDecision } from './commands/apply-forward-decision.ts';
import { LEAD_SUBJECT } from './lead-events.ts';
import type { LeadProcessCode } from './lead-processes.ts';

/**
 * The approval subject `lead`: what the approver sees of a piece of information, and what a
 * decision on its process (lead-processes.ts) does to it.
 */

async function loadLeadSubject(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const l = (await db.select().from(leads).where(eq(leads.id, id)).limit(1))[0];
  if (!l) return null;
  return {
    version: l.version,
    title: `${l.code} ${l.title}`,
    ownerUserId: l.ownerUserId,
    departmentId: l.departmentId,
    data: {
      code: l.code,
      title: l.title,
      channel: l.channel,
      customerName: l.customerName,
      contactName: l.contactName,
      estimatedAmountFen: l.estimatedAmountFen,
      description: l.description,
      registeredAt: l.registeredAt.toISOString(),
      forwardUnit: l.forwardUnit,
      forwardPerson: l.forwardPerson,
      screeningNote: l.screeningNote,
    },
  };
}

export const leadApprovalSubject = defineApprovalSubject<typeof LEAD_SUBJECT, LeadProcessCode>({
  type: LEAD_SUBJECT,
  labelZh: '信息 / 线索',
  labelEn: 'Information / lead',
  load: loadLeadSubject,
  onDecision: applyForwardDecision,
  fields: [
    { key: 'code', labelZh: '编号', labelEn: 'Code', type: 'text' },
    { key: 'title', labelZh: '信息名称', labelEn: 'Title', type: 'text' },
    {
      key: 'channel',
      labelZh: '来源渠道',
      labelEn: 'Channel',
      type: 'enum',
      options: LEAD_CHANNELS.map((c) => ({ value: c, labelZh: LEAD_CHANNEL_LABELS[c].zh, labelEn: LEAD_CHANNEL_LABELS[c].en })),
    },
    { key: 'customerName', labelZh: '客户', labelEn: 'Customer', type: 'text' },
    { key: 'contactName', labelZh: '联系人', labelEn: 'Contact', type: 'text' },
    { key: 'estimatedAmountFen', labelZh: '预计金额', labelEn: 'Estimated amount', type: 'money' },
    { key: 'description', labelZh: '需求描述', labelEn: 'Description', type: 'text' },
    { key: 'registeredAt', labelZh: '登记时间', labelEn: 'Registered at', type: 'datetime' },
    { key: 'forwardUnit', labelZh: '接收事业部', labelEn: 'Receiving business unit', type: 'text' },
    { key: 'forwardPerson', labelZh: '接收负责人', labelEn: 'Receiving person', type: 'text' },
    { key: 'screeningNote', labelZh: '筛选意见', labelEn: 'Screening note', type: 'text' },
  ],
  link: (id) => `/leads/${id}`,
});
