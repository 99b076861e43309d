import { defineEventType } from '../../notifications/notify.ts';
import { intakeMessages } from './intake.messages.ts';

/** Names the intake module shares between its commands, queries and module definition. */
export const LEAD_SUBJECT = 'lead';
export const LEAD_FORWARD_PROCESS = 'lead.forward';
export const POLICY_LEAD_SCREEN = 'lead.screen';
export const POLICY_LEAD_EVALUATE = 'lead.evaluate';
/** deadline steps of a lead (subject type `lead`) */
export const STEP_SCREEN = 'screen';
export const STEP_EVALUATE = 'evaluate';

export const EVENT_LEAD_TO_SCREEN = 'lead.to_screen';
export const EVENT_LEAD_ASSIGNED = 'lead.assigned';
export const EVENT_LEAD_ESCALATED = 'lead.escalated';
export const EVENT_LEAD_DECIDED = 'lead.decided';
export const EVENT_LEAD_CONFLICT = 'lead.partner_conflict';

export const leadToScreenEvent = defineEventType({
  type: EVENT_LEAD_TO_SCREEN,
  params: ['code', 'title', 'customer', 'by', 'due'],
  ...intakeMessages.eventLabels('event.lead_to_screen'),
  templates: intakeMessages.templates('event.lead_to_screen'),
  defaultChannels: ['inapp'],
});

export const leadAssignedEvent = defineEventType({
  type: EVENT_LEAD_ASSIGNED,
  params: ['code', 'title', 'customer', 'by', 'due'],
  ...intakeMessages.eventLabels('event.lead_assigned'),
  templates: intakeMessages.templates('event.lead_assigned'),
  defaultChannels: ['inapp', 'email'],
});

export const leadEscalatedEvent = defineEventType({
  type: EVENT_LEAD_ESCALATED,
  params: ['code', 'title', 'customer', 'by', 'reason'],
  ...intakeMessages.eventLabels('event.lead_escalated'),
  templates: intakeMessages.templates('event.lead_escalated'),
  defaultChannels: ['inapp', 'email'],
});

export const leadDecidedEvent = defineEventType({
  type: EVENT_LEAD_DECIDED,
  params: ['code', 'title', 'by', 'level', 'importance', 'note'],
  ...intakeMessages.eventLabels('event.lead_decided'),
  templates: intakeMessages.templates('event.lead_decided'),
  defaultChannels: ['inapp', 'email'],
});

export const leadConflictEvent = defineEventType({
  type: EVENT_LEAD_CONFLICT,
  params: ['code', 'title', 'customer', 'partner', 'conflicts'],
  ...intakeMessages.eventLabels('event.lead_conflict'),
  templates: intakeMessages.templates('event.lead_conflict'),
  defaultChannels: ['inapp', 'email'],
});

export const leadEventTypes = [leadToScreenEvent, leadAssignedEvent, leadEscalatedEvent, leadDecidedEvent, leadConflictEvent] as const;
