import type { ChainDefinition } from '../../../core/approvals/chain.ts';
import { defineApprovalProcess, type ProcessCodeOf } from '../../approvals/processes.ts';
import { LEAD_FORWARD_PROCESS, LEAD_SUBJECT } from './lead-events.ts';

/**
 * The approval process `lead.forward` (subject `lead`, lead-approvals.ts): forwarding
 * information to another business unit needs the sales director.
 */

const FORWARD_CHAIN: ChainDefinition = {
  resubmitFrom: 'first',
  steps: [
    { name: '市场总监审核', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'any', condition: null, deadlinePolicy: null },
  ],
};

export const leadForwardProcess = defineApprovalProcess({
  code: LEAD_FORWARD_PROCESS,
  labelZh: '信息转其他事业部审批',
  labelEn: 'Forward information to another business unit',
  subjectType: LEAD_SUBJECT,
  defaultChain: FORWARD_CHAIN,
});

/** The module's approval processes (its definition lists them); their codes form `LeadProcessCode`. */
export const LEAD_APPROVAL_PROCESSES = [leadForwardProcess] as const;
export type LeadProcessCode = ProcessCodeOf<typeof LEAD_APPROVAL_PROCESSES>;
