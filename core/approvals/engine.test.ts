import { describe, expect, it } from 'vitest';
import type { ChainDefinition, StepDefinition } from './chain.ts';
import {
  actionAllowedIn,
  APPROVAL_ACTIONS,
  canActOnTask,
  commentRequired,
  isTerminalState,
  nextRequestState,
  nextWaitingStep,
  planRound,
  REQUEST_EVENTS,
  REQUEST_STATES,
  restartPoint,
  stepOutcome,
  type RequestState,
  type RoundStep,
} from './engine.ts';

const step = (name: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({
  name,
  approver: { type: 'manager' },
  mode: 'any',
  condition: null,
  deadlinePolicy: null,
  ...extra,
});

const chain = (resubmitFrom: ChainDefinition['resubmitFrom']): ChainDefinition => ({
  resubmitFrom,
  steps: [
    step('售前经理审核'),
    step('低毛利例外审批', { condition: { field: 'marginPercent', op: 'lt', value: 5 } }),
    step('市场部经理定价'),
    step('市场总监审批', { mode: 'all' }),
  ],
});

describe('request state transitions', () => {
  const expected: Record<RequestState, Partial<Record<(typeof REQUEST_EVENTS)[number], RequestState>>> = {
    pending: { approve_final: 'approved', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' },
    returned: { resubmit: 'pending', withdraw: 'withdrawn' },
    approved: {},
    rejected: {},
    withdrawn: {},
  };
  it('every (state, event) pair: allowed ones lead to the expected state, all others are refused', () => {
    for (const s of REQUEST_STATES) {
      for (const e of REQUEST_EVENTS) {
        expect(nextRequestState(s, e), `${s} + ${e}`).toBe(expected[s][e] ?? null);
      }
    }
  });
  it('approved, rejected and withdrawn are terminal', () => {
    expect(REQUEST_STATES.filter(isTerminalState)).toEqual(['approved', 'rejected', 'withdrawn']);
  });
  it('actions per state', () => {
    const table = Object.fromEntries(REQUEST_STATES.map((s) => [s, APPROVAL_ACTIONS.filter((a) => actionAllowedIn(a, s))]));
    expect(table).toEqual({
      pending: ['approve', 'reject', 'return', 'add_approver', 'withdraw'],
      returned: ['withdraw', 'resubmit'],
      approved: [],
      rejected: [],
      withdrawn: [],
    });
    expect(APPROVAL_ACTIONS.filter(commentRequired)).toEqual(['reject', 'return']);
  });
});

describe('step completion', () => {
  it('或签: the first approval completes the step', () => {
    expect(stepOutcome('any', ['pending', 'pending'])).toBe('pending');
    expect(stepOutcome('any', ['approved', 'pending'])).toBe('approved');
  });
  it('会签: every approver must approve', () => {
    expect(stepOutcome('all', ['approved', 'pending'])).toBe('pending');
    expect(stepOutcome('all', ['approved', 'approved'])).toBe('approved');
    expect(stepOutcome('all', ['approved', 'cancelled'])).toBe('approved');
  });
  it('a rejection or return decides the step in both modes', () => {
    for (const mode of ['any', 'all'] as const) {
      expect(stepOutcome(mode, ['approved', 'rejected'])).toBe('rejected');
      expect(stepOutcome(mode, ['pending', 'returned'])).toBe('returned');
    }
    expect(stepOutcome('all', ['cancelled'])).toBe('pending');
  });
  it('an approver or their delegator may act on a pending task, nobody else', () => {
    const task = { status: 'pending' as const, assigneeId: 'delegate', onBehalfOfId: 'boss' };
    expect(canActOnTask(task, 'delegate')).toBe(true);
    expect(canActOnTask(task, 'boss')).toBe(true);
    expect(canActOnTask(task, 'other')).toBe(false);
    expect(canActOnTask({ ...task, status: 'cancelled' }, 'delegate')).toBe(false);
  });
});

describe('rounds and next step', () => {
  it('skips a conditional step when the condition is false and runs it when true', () => {
    const low = planRound(chain('first'), { marginPercent: 3 }, { from: 'first' });
    expect(low.map((s) => s.status)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
    const fine = planRound(chain('first'), { marginPercent: 12 }, { from: 'first' });
    expect(fine.map((s) => [s.status, s.skipReason])).toEqual([
      ['waiting', null],
      ['skipped', 'condition'],
      ['waiting', null],
      ['waiting', null],
    ]);
  });

  it('next step = first waiting step in sequence', () => {
    expect(
      nextWaitingStep([
        { seq: 3, status: 'waiting' },
        { seq: 1, status: 'approved' },
        { seq: 2, status: 'skipped' },
      ])?.seq,
    ).toBe(3);
    expect(nextWaitingStep([{ seq: 1, status: 'approved' }])).toBeNull();
  });

  const returnedAtPricing: RoundStep[] = [
    { chainIndex: 0, anchorIndex: null, status: 'approved', skipReason: null },
    { chainIndex: 1, anchorIndex: null, status: 'skipped', skipReason: 'condition' },
    { chainIndex: 2, anchorIndex: null, status: 'returned', skipReason: null },
    { chainIndex: 3, anchorIndex: null, status: 'waiting', skipReason: null },
  ];

  it('restart from the first step runs every applicable step again', () => {
    const start = restartPoint(chain('first'), returnedAtPricing);
    expect(start).toEqual({ from: 'first' });
    expect(planRound(chain('first'), { marginPercent: 12 }, start).map((s) => s.status)).toEqual([
      'waiting',
      'skipped',
      'waiting',
      'waiting',
    ]);
  });

  it('restart from the returning step skips steps already passed', () => {
    const start = restartPoint(chain('returning_step'), returnedAtPricing);
    expect(start).toEqual({ from: 'returning_step', returningIndex: 2, approvedEarlier: new Set([0]) });
    expect(planRound(chain('returning_step'), { marginPercent: 12 }, start).map((s) => [s.status, s.skipReason])).toEqual([
      ['skipped', 'approved_earlier'],
      ['skipped', 'condition'],
      ['waiting', null],
      ['waiting', null],
    ]);
  });

  it('…but an earlier step that now applies (condition became true) runs first', () => {
    const start = restartPoint(chain('returning_step'), returnedAtPricing);
    expect(planRound(chain('returning_step'), { marginPercent: 2 }, start).map((s) => [s.status, s.skipReason])).toEqual([
      ['skipped', 'approved_earlier'],
      ['waiting', null],
      ['waiting', null],
      ['waiting', null],
    ]);
  });

  it('passed steps carry over across several returns; a return from an added step restarts at its anchor', () => {
    const round2: RoundStep[] = [
      { chainIndex: 0, anchorIndex: null, status: 'skipped', skipReason: 'approved_earlier' },
      { chainIndex: 1, anchorIndex: null, status: 'skipped', skipReason: 'condition' },
      { chainIndex: 2, anchorIndex: null, status: 'approved', skipReason: null },
      { chainIndex: null, anchorIndex: 2, status: 'returned', skipReason: null },
      { chainIndex: 3, anchorIndex: null, status: 'waiting', skipReason: null },
    ];
    const start = restartPoint(chain('returning_step'), round2);
    expect(start).toEqual({ from: 'returning_step', returningIndex: 2, approvedEarlier: new Set([0, 2]) });
    expect(planRound(chain('returning_step'), { marginPercent: 12 }, start).map((s) => s.status)).toEqual([
      'skipped',
      'skipped',
      'waiting',
      'waiting',
    ]);
  });
});
