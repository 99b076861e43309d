import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { DeadlineListQuery, DeadlinePage, DeadlinePolicyView, SlaQuery, SlaReport, UpdateDeadlinePolicyBody } from './deadlines.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });
const read = { permission: 'deadline.read' } as const;

/** 时限: the deadline policies (时限规则), the open deadlines and the SLA statistics. */
export const deadlinesContract = defineContract('deadlines', {
  policies: {
    method: 'GET',
    path: '/deadlines/policies',
    summary: '时限规则 Deadline policies',
    access: read,
    response: DeadlinePolicyView.array(),
  },
  updatePolicy: {
    method: 'PATCH',
    path: '/deadlines/policies/:id',
    summary: '修改时限规则 Update a deadline policy',
    description: 'Applies to deadlines started afterwards; running ones keep their terms.',
    access: { permission: 'deadline.manage' },
    params: IdParams,
    body: UpdateDeadlinePolicyBody,
    response: DeadlinePolicyView,
  },
  open: {
    method: 'GET',
    path: '/deadlines',
    summary: '进行中的时限 Open deadlines',
    access: read,
    query: DeadlineListQuery,
    response: DeadlinePage,
  },
  sla: {
    method: 'GET',
    path: '/deadlines/sla',
    summary: '时限达成统计 SLA statistics',
    access: read,
    query: SlaQuery,
    response: SlaReport,
  },
});
