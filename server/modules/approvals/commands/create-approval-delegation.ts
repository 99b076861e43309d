import { and, eq, gte, isNull } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { rangesOverlap } from '../../../../core/approvals/approvers.ts';
import { shanghaiDate } from '../../../../core/calendar/working-calendar.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { approvalDelegations, users } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { fieldErrors, stateConflict } from '../../../kernel/guards.ts';

export interface CreateDelegationInput {
  delegateId: string;
  startsOn: string;
  endsOn: string;
  note?: string | null | undefined;
}

/**
 * 代理设置: while away (an inclusive range of dates), the user's new approval tasks go to the
 * delegate. Ranges of one user may not overlap; a range entirely in the past is refused.
 */
export async function createApprovalDelegation(ctx: Ctx, input: CreateDelegationInput): Promise<string> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  const field = (name: 'delegateId' | 'endsOn', zh: string, en: string) => fieldErrors(ctx.actor.locale, { [name]: { zh, en } });
  if (input.delegateId === userId) throw field('delegateId', '不能委托给自己', 'choose someone other than yourself');
  if (input.endsOn < input.startsOn) throw field('endsOn', '结束日期早于开始日期', 'the end date is before the start date');
  const today = shanghaiDate(ctx.now);
  if (input.endsOn < today) throw field('endsOn', '结束日期已过', 'the range is already over');
  return ctx.db.transaction(async (tx) => {
    // One delegation change per user at a time, so two overlapping ranges cannot both pass the check.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1).for('update');
    const delegate = (
      await tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, input.delegateId)).limit(1)
    )[0];
    if (!delegate?.active) throw field('delegateId', '用户不存在或已停用', 'unknown or inactive user');
    const mine = await tx
      .select()
      .from(approvalDelegations)
      .where(and(eq(approvalDelegations.userId, userId), isNull(approvalDelegations.cancelledAt), gte(approvalDelegations.endsOn, today)));
    const clash = mine.find((d) => rangesOverlap(d, input));
    if (clash) {
      throw stateConflict(ctx.actor.locale, {
        zh: `与已有的代理设置（${clash.startsOn} 至 ${clash.endsOn}）时间重叠`,
        en: `overlaps your delegation ${clash.startsOn} – ${clash.endsOn}`,
      });
    }
    const [row] = await tx
      .insert(approvalDelegations)
      .values({
        userId,
        delegateId: input.delegateId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note?.trim() || null,
        createdAt: ctx.now,
      })
      .returning({ id: approvalDelegations.id });
    if (!row) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'approval_delegation.create',
      entityType: 'approval_delegation',
      entityId: row.id,
      changes: {
        delegateId: { before: null, after: input.delegateId },
        startsOn: { before: null, after: input.startsOn },
        endsOn: { before: null, after: input.endsOn },
      },
    });
    return row.id;
  });
}
