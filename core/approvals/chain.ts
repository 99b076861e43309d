import type { Condition } from './conditions.ts';

/**
 * An approval chain (审批流程): ordered steps an administrator defines per process. Stored
 * versioned; a request keeps the version it was submitted under.
 */

/** Who approves a step. */
export type ApproverSpec =
  | { type: 'role'; roleCode: string }
  | { type: 'user'; userId: string }
  /** the requester's direct manager (users.manager_id) */
  | { type: 'manager' }
  /** the head of the requester's department (departments.head_user_id) */
  | { type: 'department_head' }
  /** the managers 1…levels up the requester's manager chain */
  | { type: 'manager_levels'; levels: number };

export type ApproverType = ApproverSpec['type'];
export const APPROVER_TYPES: readonly ApproverType[] = ['role', 'user', 'manager', 'department_head', 'manager_levels'];

/** 或签 (`any`: one approval completes the step) or 会签 (`all`: every approver must approve). */
export type StepMode = 'any' | 'all';
export const STEP_MODES: readonly StepMode[] = ['any', 'all'];

/** After a return for revision, resubmission restarts from the first step or from the returning step. */
export type ResubmitFrom = 'first' | 'returning_step';
export const RESUBMIT_FROM: readonly ResubmitFrom[] = ['first', 'returning_step'];

export interface StepDefinition {
  name: string;
  approver: ApproverSpec;
  mode: StepMode;
  /** the step applies only when this holds for the subject snapshot */
  condition: Condition | null;
  /** deadline policy code of the deadline engine; null = no deadline */
  deadlinePolicy: string | null;
}

export interface ChainDefinition {
  resubmitFrom: ResubmitFrom;
  steps: StepDefinition[];
}

export const MAX_CHAIN_STEPS = 20;
export const MAX_MANAGER_LEVELS = 10;
