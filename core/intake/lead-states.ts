/**
 * The life of a piece of information (信息) and, once kept, of the lead (线索) — seed 003:
 *
 * ```
 * registered ──reject (reply)──▶ closed
 *     │ └──forward──▶ forwarding ──approved──▶ forwarded
 *     │                   └──rejected / returned / withdrawn──▶ registered
 *     └──keep + assign──▶ assigned ──▶ evaluating ⇄ escalated
 *                             └──────────┴──complete──▶ evaluated ──▶ converted
 * ```
 *
 * Which action an actor may take depends on the state, on the conflict check of a partner
 * registration, and on the actor's capabilities (lead.screen, lead.evaluate, lead.decide…) and
 * relation to the record (registrar, assignee). Pure rules: the server enforces them and the
 * browser shows only the buttons they allow.
 */
import type { Label } from './labels.ts';
import type { ConflictState } from './labels.ts';

export const LEAD_STATES = [
  'registered',
  'closed',
  'forwarding',
  'forwarded',
  'assigned',
  'evaluating',
  'escalated',
  'evaluated',
  'converted',
] as const;
export type LeadState = (typeof LEAD_STATES)[number];

export const LEAD_STATE_LABELS: Record<LeadState, Label> = {
  registered: { zh: '待筛选', en: 'Awaiting screening' },
  closed: { zh: '已答复关闭', en: 'Replied and closed' },
  forwarding: { zh: '转交审批中', en: 'Forwarding (approval)' },
  forwarded: { zh: '已转其他事业部', en: 'Forwarded' },
  assigned: { zh: '已分派待评估', en: 'Assigned' },
  evaluating: { zh: '评估中', en: 'Evaluating' },
  escalated: { zh: '已上报市场总监', en: 'Escalated' },
  evaluated: { zh: '已评估', en: 'Evaluated' },
  converted: { zh: '已转商机', en: 'Converted' },
};

/** States in which nothing more happens to the record. */
export const TERMINAL_LEAD_STATES: readonly LeadState[] = ['closed', 'forwarded', 'converted'];
/** States counted as "open" information (duplicate and partner-conflict checks look at these). */
export const OPEN_LEAD_STATES: readonly LeadState[] = ['registered', 'forwarding', 'assigned', 'evaluating', 'escalated', 'evaluated'];

export function isLeadState(v: string): v is LeadState {
  return (LEAD_STATES as readonly string[]).includes(v);
}

/** What moves a lead from one state to the next. */
export type LeadEvent =
  | 'screen_reject'
  | 'screen_forward'
  | 'forward_approved'
  | 'forward_undone'
  | 'screen_keep'
  | 'evaluate_progress'
  | 'evaluate_complete'
  | 'escalate'
  | 'decide'
  | 'convert'
  | 'conflict_rejected';

/** The next state for an event, or null when the event does not apply in this state. */
export function nextLeadState(state: LeadState, event: LeadEvent): LeadState | null {
  switch (event) {
    case 'screen_reject':
    case 'conflict_rejected':
      return state === 'registered' ? 'closed' : null;
    case 'screen_forward':
      return state === 'registered' ? 'forwarding' : null;
    case 'forward_approved':
      // a request returned earlier may be resubmitted from the approval page while the lead waits in registered
      return state === 'forwarding' || state === 'registered' ? 'forwarded' : null;
    case 'forward_undone':
      return state === 'forwarding' ? 'registered' : null;
    case 'screen_keep':
      return state === 'registered' ? 'assigned' : null;
    case 'evaluate_progress':
      return state === 'assigned' || state === 'evaluating' ? 'evaluating' : null;
    case 'evaluate_complete':
      return state === 'assigned' || state === 'evaluating' ? 'evaluated' : null;
    case 'escalate':
      return state === 'assigned' || state === 'evaluating' ? 'escalated' : null;
    case 'decide':
      return state === 'escalated' ? 'evaluating' : null;
    case 'convert':
      return state === 'evaluated' ? 'converted' : null;
  }
}

export const LEAD_ACTIONS = ['edit', 'attach', 'screen', 'evaluate', 'escalate', 'decide', 'resolve_conflict', 'convert'] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

/** The parts of a lead the rules look at. */
export interface LeadFacts {
  state: LeadState;
  conflictState: ConflictState | null;
  registeredBy: string | null;
  assigneeId: string | null;
}

/** The parts of the actor the rules look at: user id and capability names. */
export interface LeadActorFacts {
  userId: string | null;
  permissions: ReadonlySet<string>;
}

const EDITABLE: readonly LeadState[] = ['registered', 'assigned', 'evaluating', 'escalated', 'evaluated'];

/**
 * The actions an actor may take on a lead now (the record is already known to be visible to
 * the actor). Registrar and assignee act on their own records; the supervisor screens; the
 * sales director decides escalations and partner-registration conflicts.
 */
export function allowedLeadActions(lead: LeadFacts, actor: LeadActorFacts): LeadAction[] {
  const can = (p: string) => actor.permissions.has(p);
  const me = actor.userId;
  const isRegistrar = me !== null && lead.registeredBy === me;
  const isAssignee = me !== null && lead.assigneeId === me;
  const conflictOpen = lead.conflictState === 'pending';
  const out: LeadAction[] = [];
  const mayEdit =
    EDITABLE.includes(lead.state) && (can('lead.screen') || (isRegistrar && can('lead.register')) || (isAssignee && can('lead.evaluate')));
  if (mayEdit) out.push('edit', 'attach');
  if (lead.state === 'registered' && !conflictOpen && can('lead.screen')) out.push('screen');
  const evaluating = lead.state === 'assigned' || lead.state === 'evaluating';
  if (evaluating && can('lead.evaluate') && (isAssignee || can('lead.decide'))) out.push('evaluate');
  if (evaluating && ((isAssignee && can('lead.evaluate')) || can('lead.screen'))) out.push('escalate');
  if (lead.state === 'escalated' && can('lead.decide')) out.push('decide');
  if (conflictOpen && lead.state === 'registered' && can('lead.decide')) out.push('resolve_conflict');
  if (lead.state === 'evaluated' && (isAssignee || can('lead.decide'))) out.push('convert');
  return out;
}

/** Whether one action is allowed (see `allowedLeadActions`). */
export function mayActOnLead(action: LeadAction, lead: LeadFacts, actor: LeadActorFacts): boolean {
  return allowedLeadActions(lead, actor).includes(action);
}
