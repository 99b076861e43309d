import { defineEventType } from '../../notifications/notify.ts';
import { crmMessages } from './crm.messages.ts';

/** Notification event types of customers and channel partners (raised by transfer and sharing). */
export const EVENT_CUSTOMER_TRANSFERRED = 'customer.transferred' as const;
export const EVENT_PARTNER_TRANSFERRED = 'partner.transferred' as const;
export const EVENT_RECORD_SHARED = 'crm.shared' as const;

/** The parameters of a transfer: name (the record), from (previous owner), by (who transferred), note. */
const TRANSFER_PARAMS = ['name', 'from', 'by', 'note'] as const;

export const customerTransferredEvent = defineEventType({
  type: EVENT_CUSTOMER_TRANSFERRED,
  params: TRANSFER_PARAMS,
  ...crmMessages.eventLabels('event.customer_transferred'),
  templates: crmMessages.templates('event.customer_transferred'),
  defaultChannels: ['inapp', 'email'],
});

export const partnerTransferredEvent = defineEventType({
  type: EVENT_PARTNER_TRANSFERRED,
  params: TRANSFER_PARAMS,
  ...crmMessages.eventLabels('event.partner_transferred'),
  templates: crmMessages.templates('event.partner_transferred'),
  defaultChannels: ['inapp', 'email'],
});

// kind / kindEn: 客户 / customer or 渠道商 / partner.
export const recordSharedEvent = defineEventType({
  type: EVENT_RECORD_SHARED,
  params: ['name', 'kind', 'kindEn', 'by'],
  ...crmMessages.eventLabels('event.record_shared'),
  templates: crmMessages.templates('event.record_shared'),
  defaultChannels: ['inapp'],
});
