import type { ChainDefinition, StepMode } from './chain.ts';
import { evaluateCondition } from './conditions.ts';

/**
 * The rules of the approval engine, free of storage: request state transitions, when a step is
 * complete (或签 / 会签), which steps a round runs (conditions, restart after a return), who may
 * act on a task. The server applies them inside one transaction per action.
 */

export type RequestState = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';
export const REQUEST_STATES: readonly RequestState[] = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'];

/** What happens to a request as a whole. */
export type RequestEvent = 'approve_final' | 'reject' | 'return' | 'resubmit' | 'withdraw';
export const REQUEST_EVENTS: readonly RequestEvent[] = ['approve_final', 'reject', 'return', 'resubmit', 'withdraw'];

const TRANSITIONS: Record<RequestState, Partial<Record<RequestEvent, RequestState>>> = {
  pending: { approve_final: 'approved', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' },
  returned: { resubmit: 'pending', withdraw: 'withdrawn' },
  approved: {},
  rejected: {},
  withdrawn: {},
};

/** The state after an event, or null when the event is not allowed in that state. */
export function nextRequestState(state: RequestState, event: RequestEvent): RequestState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** Approved, rejected and withdrawn requests never change again. */
export function isTerminalState(state: RequestState): boolean {
  return Object.keys(TRANSITIONS[state]).length === 0;
}

/** Actions a user can take on a request, and the states each is allowed in. */
export type ApprovalAction = 'approve' | 'reject' | 'return' | 'add_approver' | 'withdraw' | 'resubmit';
export const APPROVAL_ACTIONS: readonly ApprovalAction[] = ['approve', 'reject', 'return', 'add_approver', 'withdraw', 'resubmit'];

const ACTION_STATES: Record<ApprovalAction, readonly RequestState[]> = {
  approve: ['pending'],
  reject: ['pending'],
  return: ['pending'],
  add_approver: ['pending'],
  withdraw: ['pending', 'returned'],
  resubmit: ['returned'],
};

export function actionAllowedIn(action: ApprovalAction, state: RequestState): boolean {
  return ACTION_STATES[action].includes(state);
}

/** Reject and return need a reason the requester can act on. */
export function commentRequired(action: ApprovalAction): boolean {
  return action === 'reject' || action === 'return';
}

export type TaskStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'cancelled';
export type StepStatus = 'waiting' | 'active' | 'approved' | 'rejected' | 'returned' | 'skipped' | 'cancelled';
export type StepOutcome = 'pending' | 'approved' | 'rejected' | 'returned';

/**
 * Whether a step is decided by its tasks' statuses. Any rejection rejects and any return returns
 * the step, in both modes; 或签 (`any`) is approved by the first approval, 会签 (`all`) when every
 * task that was not cancelled is approved.
 */
export function stepOutcome(mode: StepMode, statuses: readonly TaskStatus[]): StepOutcome {
  const live = statuses.filter((s) => s !== 'cancelled');
  if (live.includes('rejected')) return 'rejected';
  if (live.includes('returned')) return 'returned';
  if (live.length === 0) return 'pending';
  if (mode === 'any') return live.includes('approved') ? 'approved' : 'pending';
  return live.every((s) => s === 'approved') ? 'approved' : 'pending';
}

/** A task the user may act on: pending, and theirs or delegated from them. */
export function canActOnTask(task: { status: TaskStatus; assigneeId: string; onBehalfOfId: string | null }, userId: string): boolean {
  return task.status === 'pending' && (task.assigneeId === userId || task.onBehalfOfId === userId);
}

export type SkipReason = 'condition' | 'approved_earlier' | 'requester_only';

export interface StepPlan {
  chainIndex: number;
  status: 'waiting' | 'skipped';
  skipReason: SkipReason | null;
}

export type RoundStart =
  | { from: 'first' }
  /** resubmission after a return at `returningIndex`; `approvedEarlier` = chain steps already passed */
  | { from: 'returning_step'; returningIndex: number; approvedEarlier: ReadonlySet<number> };

/**
 * The steps of one round (a submission or resubmission). Steps whose condition does not hold for
 * the snapshot are skipped. When restarting from the returning step, earlier steps that were
 * already passed are skipped as `approved_earlier` — but an earlier step that now applies and
 * was never passed (its condition became true with the edit) runs again first.
 */
export function planRound(chain: ChainDefinition, snapshot: unknown, start: RoundStart): StepPlan[] {
  return chain.steps.map((step, chainIndex): StepPlan => {
    if (!evaluateCondition(step.condition, snapshot)) return { chainIndex, status: 'skipped', skipReason: 'condition' };
    if (start.from === 'returning_step' && chainIndex < start.returningIndex && start.approvedEarlier.has(chainIndex)) {
      return { chainIndex, status: 'skipped', skipReason: 'approved_earlier' };
    }
    return { chainIndex, status: 'waiting', skipReason: null };
  });
}

/** A step of a stored round, as far as restarting cares. */
export interface RoundStep {
  chainIndex: number | null;
  /** for an added step (加签 after): the chain step it was added to */
  anchorIndex: number | null;
  status: StepStatus;
  skipReason: SkipReason | null;
}

/**
 * Where a resubmission restarts under the chain's setting, given the round that was returned.
 * A return from an added step restarts at the chain step it was added to, so nothing is passed
 * without a review.
 */
export function restartPoint(chain: ChainDefinition, previous: readonly RoundStep[]): RoundStart {
  if (chain.resubmitFrom === 'first') return { from: 'first' };
  const returned = previous.find((s) => s.status === 'returned');
  if (!returned) return { from: 'first' };
  const returningIndex = returned.chainIndex ?? returned.anchorIndex ?? 0;
  const approvedEarlier = new Set<number>();
  for (const s of previous) {
    if (s.chainIndex === null) continue;
    if (s.status === 'approved' || (s.status === 'skipped' && s.skipReason === 'approved_earlier')) approvedEarlier.add(s.chainIndex);
  }
  return { from: 'returning_step', returningIndex, approvedEarlier };
}

/** The next step to run: the first waiting step in order, or null when the round is complete. */
export function nextWaitingStep<T extends { seq: number; status: StepStatus }>(steps: readonly T[]): T | null {
  let best: T | null = null;
  for (const s of steps) if (s.status === 'waiting' && (!best || s.seq < best.seq)) best = s;
  return best;
}
