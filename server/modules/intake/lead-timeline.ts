import type { Message } from '../../../core/kernel/messages.ts';
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../kernel/context.ts';
import { appendTimeline } from '../../timeline/timeline.ts';

/**
 * One entry on the lead's timeline, which is also on the customer's timeline when the lead has
 * a customer (the same row carries both links).
 */
export async function appendLeadTimeline(
  tx: Db,
  ctx: Ctx,
  lead: { id: string; customerId: string | null; projectId?: string | null },
  entry: { kind: string; title: Message; summary?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await appendTimeline(tx, {
    at: ctx.now,
    kind: entry.kind,
    entityType: 'lead',
    entityId: lead.id,
    actorId: ctx.actor.userId,
    title: entry.title,
    summary: entry.summary ?? null,
    data: { link: `/leads/${lead.id}`, ...(entry.data ?? {}) },
    customerId: lead.customerId,
    leadId: lead.id,
  });
}
