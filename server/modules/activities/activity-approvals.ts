import { eq } from 'drizzle-orm';
import { defineApprovalSubject } from '../../approvals/subjects.ts';
import type { Db } from '../../db/client.ts';
import { activities, customers } from '../../db/schema.ts';
import { applyReceptionDecision, type PlanDetails } from './commands/apply-reception-decision.ts';
import { ACTIVITY_SUBJECT } from './activity-events.ts';
import type { ActivityProcessCode } from './activity-processes.ts';

/**
 * The approval subject `activity`: a customer reception plan as the approver sees it, and what
 * a decision on its process (activity-processes.ts) does to the plan.
 */

async function loadActivitySubject(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = (
    await db
      .select({ a: activities, customerName: customers.name })
      .from(activities)
      .leftJoin(customers, eq(customers.id, activities.customerId))
      .where(eq(activities.id, id))
      .limit(1)
  )[0];
  if (!row || row.a.type !== 'reception_plan') return null;
  const a = row.a;
  const d = (a.details ?? {}) as PlanDetails;
  return {
    version: a.version,
    title: `客户接待：${row.customerName ?? ''} ${a.subject}`,
    ownerUserId: a.ownerUserId,
    departmentId: a.departmentId,
    data: {
      customerName: row.customerName,
      subject: a.subject,
      visitors: d.visitors ?? null,
      startDate: d.startDate ?? null,
      endDate: d.endDate ?? null,
      budgetFen: a.budgetFen,
      budgetItems: (d.budgetItems ?? []).map((b) => `${b.item}：¥${(b.amountFen / 100).toFixed(2)}`).join('；') || null,
      schedule: (d.schedule ?? [])
        .map(
          (s) => `${s.date}${s.time ? ` ${s.time}` : ''} ${s.item}${s.place ? `（${s.place}）` : ''}${s.hosts ? ` 陪同：${s.hosts}` : ''}`,
        )
        .join('\n'),
      hosts: a.participants,
      notes: a.content,
    },
  };
}

export const activityApprovalSubject = defineApprovalSubject<typeof ACTIVITY_SUBJECT, ActivityProcessCode>({
  type: ACTIVITY_SUBJECT,
  labelZh: '客户接待日程',
  labelEn: 'Customer reception plan',
  load: loadActivitySubject,
  onDecision: applyReceptionDecision,
  fields: [
    { key: 'customerName', labelZh: '客户', labelEn: 'Customer', type: 'text' },
    { key: 'subject', labelZh: '考察目的', labelEn: 'Purpose', type: 'text' },
    { key: 'visitors', labelZh: '来访人员', labelEn: 'Visitors', type: 'text' },
    { key: 'startDate', labelZh: '接待开始', labelEn: 'From', type: 'date' },
    { key: 'endDate', labelZh: '接待结束', labelEn: 'To', type: 'date' },
    { key: 'budgetFen', labelZh: '费用预算', labelEn: 'Cost budget', type: 'money' },
    { key: 'budgetItems', labelZh: '预算明细', labelEn: 'Budget items', type: 'text' },
    { key: 'schedule', labelZh: '日程安排', labelEn: 'Schedule', type: 'text' },
    { key: 'hosts', labelZh: '我方接待人员', labelEn: 'Our hosts', type: 'text' },
    { key: 'notes', labelZh: '备注', labelEn: 'Notes', type: 'text' },
  ],
  link: (id) => `/activities/${id}`,
});
