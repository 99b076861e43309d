import { AppError } from '../../../core/errors.ts';
import { permissionKeys } from '../permission-catalogue.ts';
import type { ConflictState } from '../../../core/intake/labels.ts';
import {
  allowedLeadActions,
  LEAD_STATE_LABELS,
  type LeadAction,
  type LeadActorFacts,
  type LeadFacts,
  type LeadState,
} from '../../../core/intake/lead-states.ts';
import type { leads } from '../../db/schema.ts';
import { stateConflict } from '../../kernel/guards.ts';
import type { Actor } from '../../policies/actor.ts';

/**
 * What an actor may do to a lead: the facts the state machine of core/intake/lead-states.ts
 * reads (shared by the use cases, which refuse, and the detail page, which offers the actions).
 */

export type LeadRow = typeof leads.$inferSelect;

/** The actor as the lead rules see it. */
export function actorFacts(actor: Actor): LeadActorFacts {
  return { userId: actor.userId, permissions: new Set(actor.grants.keys()) };
}

export function leadFacts(l: LeadRow): LeadFacts {
  return {
    state: l.state as LeadState,
    conflictState: (l.conflictState as ConflictState | null) ?? null,
    registeredBy: l.registeredBy,
    assigneeId: l.assigneeId,
  };
}

/** Someone holding every capability: what the state alone would allow. */
const superActor = (): LeadActorFacts => ({ userId: '__any__', permissions: new Set(permissionKeys()) });

/**
 * Refuses an action the lead rules do not allow: 403 when the action is possible in this state
 * but not for this actor, 409 (with the state named) when the state does not allow it.
 */
export function requireLeadAction(actor: Actor, lead: LeadRow, action: LeadAction): void {
  const facts = leadFacts(lead);
  if (allowedLeadActions(facts, actorFacts(actor)).includes(action)) return;
  const su = superActor();
  const anyone = allowedLeadActions({ ...facts, registeredBy: su.userId, assigneeId: su.userId }, su);
  if (anyone.includes(action)) throw new AppError('forbidden', {}, { reason: 'not allowed for you on this record', action });
  const stateLabel = LEAD_STATE_LABELS[facts.state];
  if (facts.conflictState === 'pending') {
    throw stateConflict(actor.locale, {
      zh: '该报备存在冲突，需市场总监先行裁定',
      en: 'the registration has a conflict the sales director must resolve first',
    });
  }
  throw stateConflict(
    actor.locale,
    { zh: `信息当前状态为「${stateLabel.zh}」`, en: `the information is "${stateLabel.en}"` },
    { state: facts.state },
  );
}
