import type { EventTypeDef } from '../../notifications/notify.ts';

/** Notification event types of customers and channel partners (raised by transfer and sharing). */
export const EVENT_CUSTOMER_TRANSFERRED = 'customer.transferred';
export const EVENT_PARTNER_TRANSFERRED = 'partner.transferred';
export const EVENT_RECORD_SHARED = 'crm.shared';

// Parameters: name (the record), from (previous owner), by (who transferred), note.
export const customerTransferredEvent: EventTypeDef = {
  type: EVENT_CUSTOMER_TRANSFERRED,
  labelZh: '客户转交给我',
  labelEn: 'A customer was transferred to me',
  templates: {
    'zh-CN': { title: '客户转交：{name}', body: '{by} 将客户「{name}」（原负责人：{from}）转交给您负责。{note}' },
    en: { title: 'Customer transferred: {name}', body: '{by} transferred the customer "{name}" (previous owner: {from}) to you. {note}' },
  },
  defaultChannels: ['inapp', 'email'],
};

export const partnerTransferredEvent: EventTypeDef = {
  type: EVENT_PARTNER_TRANSFERRED,
  labelZh: '渠道商转交给我',
  labelEn: 'A channel partner was transferred to me',
  templates: {
    'zh-CN': { title: '渠道商转交：{name}', body: '{by} 将渠道商 / 经销商「{name}」（原负责人：{from}）转交给您负责。{note}' },
    en: { title: 'Partner transferred: {name}', body: '{by} transferred the partner "{name}" (previous owner: {from}) to you. {note}' },
  },
  defaultChannels: ['inapp', 'email'],
};

// Parameters: name, kind / kindEn (客户 / customer), by.
export const recordSharedEvent: EventTypeDef = {
  type: EVENT_RECORD_SHARED,
  labelZh: '客户或渠道商共享给我',
  labelEn: 'A customer or partner was shared with me',
  templates: {
    'zh-CN': { title: '{kind}共享：{name}', body: '{by} 将{kind}「{name}」共享给您查看。' },
    en: { title: 'Shared {kindEn}: {name}', body: '{by} shared the {kindEn} "{name}" with you.' },
  },
  defaultChannels: ['inapp'],
};
