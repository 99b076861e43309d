import { defineEventType } from '../../notifications/notify.ts';

/** Notification event types of customers and channel partners (raised by transfer and sharing). */
export const EVENT_CUSTOMER_TRANSFERRED = 'customer.transferred' as const;
export const EVENT_PARTNER_TRANSFERRED = 'partner.transferred' as const;
export const EVENT_RECORD_SHARED = 'crm.shared' as const;

/** The parameters of a transfer: name (the record), from (previous owner), by (who transferred), note. */
const TRANSFER_PARAMS = ['name', 'from', 'by', 'note'] as const;

export const customerTransferredEvent = defineEventType({
  type: EVENT_CUSTOMER_TRANSFERRED,
  params: TRANSFER_PARAMS,
  labelZh: '客户转交给我',
  labelEn: 'A customer was transferred to me',
  templates: {
    'zh-CN': { title: '客户转交：{name}', body: '{by} 将客户「{name}」（原负责人：{from}）转交给您负责。{note}' },
    en: { title: 'Customer transferred: {name}', body: '{by} transferred the customer "{name}" (previous owner: {from}) to you. {note}' },
  },
  defaultChannels: ['inapp', 'email'],
});

export const partnerTransferredEvent = defineEventType({
  type: EVENT_PARTNER_TRANSFERRED,
  params: TRANSFER_PARAMS,
  labelZh: '渠道商转交给我',
  labelEn: 'A channel partner was transferred to me',
  templates: {
    'zh-CN': { title: '渠道商转交：{name}', body: '{by} 将渠道商 / 经销商「{name}」（原负责人：{from}）转交给您负责。{note}' },
    en: { title: 'Partner transferred: {name}', body: '{by} transferred the partner "{name}" (previous owner: {from}) to you. {note}' },
  },
  defaultChannels: ['inapp', 'email'],
});

// kind / kindEn: 客户 / customer or 渠道商 / partner.
export const recordSharedEvent = defineEventType({
  type: EVENT_RECORD_SHARED,
  params: ['name', 'kind', 'kindEn', 'by'],
  labelZh: '客户或渠道商共享给我',
  labelEn: 'A customer or partner was shared with me',
  templates: {
    'zh-CN': { title: '{kind}共享：{name}', body: '{by} 将{kind}「{name}」共享给您查看。' },
    en: { title: 'Shared {kindEn}: {name}', body: '{by} shared the {kindEn} "{name}" with you.' },
  },
  defaultChannels: ['inapp'],
});
