import {
  ACTIVITY_TYPE_LABELS,
  COMMUNICATION_CHANNEL_LABELS,
  type ActivityType,
  type CommunicationChannel,
} from '../../../core/activities/activity-types.ts';
import { activitiesMessages } from './activities.messages.ts';

export const money = (fen: number | null | undefined) =>
  typeof fen === 'number' ? `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : '';

export function timelineText(
  type: ActivityType,
  a: {
    subject: string;
    result: string | null;
    nextSteps: string | null;
    content: string | null;
    channel: string | null;
    budgetFen: number | null;
  },
) {
  const label = ACTIVITY_TYPE_LABELS[type];
  const title = activitiesMessages.message('timeline.activity', { type: label, subject: a.subject });
  switch (type) {
    case 'visit':
      return {
        title,
        summary: [a.result ? `结果：${a.result}` : '', a.nextSteps ? `下一步：${a.nextSteps}` : ''].filter(Boolean).join('；'),
      };
    case 'negotiation':
      return { title, summary: a.nextSteps ? `下一步：${a.nextSteps}` : null };
    case 'communication': {
      const channel = a.channel ? (COMMUNICATION_CHANNEL_LABELS[a.channel as CommunicationChannel] ?? a.channel) : '';
      return {
        title: activitiesMessages.message('timeline.communication', { type: label, channel, subject: a.subject }),
        summary: a.result ? `结果：${a.result}` : null,
      };
    }
    case 'reception_plan':
      return { title, summary: `费用预算 ${money(a.budgetFen)}` };
    case 'reception_summary':
      return { title, summary: a.result ? `客户反馈：${a.result}` : null };
  }
}

export function firstChars(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}
