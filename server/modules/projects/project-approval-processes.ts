import type { ChainDefinition } from '../../../core/approvals/chain.ts';
import { defineApprovalProcess, type ProcessCodeOf } from '../../approvals/processes.ts';
import { POLICIES } from './project-deadlines.ts';

/**
 * The approval subject "project" and its four processes (PRODUCT.md §3.3): go/no-go,
 * registration 立项, revenue-split exception and special commercial handling, with their
 * default chains. What each decision does to the project is in project-approval-subject.ts.
 */

export const PROJECT_SUBJECT = 'project';
export const PROCESSES = {
  goNoGo: 'project.go_no_go',
  registration: 'project.registration',
  shareException: 'project.share_exception',
  specialHandling: 'project.special_handling',
} as const;

const step = (name: string, roleCode: string, deadlinePolicy: string | null = null) => ({
  name,
  approver: { type: 'role' as const, roleCode },
  mode: 'all' as const,
  condition: null,
  deadlinePolicy,
});

/**
 * Seed 000 step 2: the preliminary analysis goes to the GM and the advisor. Both must approve
 * (会签): the advisor first, then the GM, who decides last (PRODUCT.md §1).
 */
const GO_NO_GO_CHAIN: ChainDefinition = {
  resubmitFrom: 'first',
  steps: [step('顾问评审', 'advisor'), step('总经理审批', 'general_manager')],
};
/** Seed 002: the marketing manager approves the registration, then the presales manager; 1 working day each. */
const REGISTRATION_CHAIN: ChainDefinition = {
  resubmitFrom: 'returning_step',
  steps: [
    { ...step('市场部经理审批', 'marketing_manager', POLICIES.registrationApprove), mode: 'any' },
    { ...step('售前经理审批', 'presales_manager', POLICIES.registrationApprove), mode: 'any' },
  ],
};
const GM_CHAIN: ChainDefinition = { resubmitFrom: 'first', steps: [{ ...step('总经理审批', 'general_manager'), mode: 'any' }] };

export const goNoGoProcess = defineApprovalProcess({
  code: PROCESSES.goNoGo,
  labelZh: '跟进决策',
  labelEn: 'Go/no-go decision',
  subjectType: PROJECT_SUBJECT,
  defaultChain: GO_NO_GO_CHAIN,
});
export const registrationProcess = defineApprovalProcess({
  code: PROCESSES.registration,
  labelZh: '项目登记（立项）审批',
  labelEn: 'Project registration (立项)',
  subjectType: PROJECT_SUBJECT,
  defaultChain: REGISTRATION_CHAIN,
});
export const shareExceptionProcess = defineApprovalProcess({
  code: PROCESSES.shareException,
  labelZh: '合作分成例外审批',
  labelEn: 'Revenue-split exception',
  subjectType: PROJECT_SUBJECT,
  defaultChain: GM_CHAIN,
});
export const specialHandlingProcess = defineApprovalProcess({
  code: PROCESSES.specialHandling,
  labelZh: '特殊项目处理',
  labelEn: 'Special commercial handling',
  subjectType: PROJECT_SUBJECT,
  defaultChain: GM_CHAIN,
});

/** The module's approval processes (its definition lists them); their codes form `ProjectProcessCode`. */
export const PROJECT_APPROVAL_PROCESSES = [goNoGoProcess, registrationProcess, shareExceptionProcess, specialHandlingProcess] as const;
export type ProjectProcessCode = ProcessCodeOf<typeof PROJECT_APPROVAL_PROCESSES>;
