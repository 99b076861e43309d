import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { deadlines } from '../db/schema.ts';

/** The due time of a step's open (running, paused or breached) deadline, if any — for "please answer by …" notices. */
export async function openDeadlineDue(tx: Db, subjectType: string, subjectId: string, step: string): Promise<Date | null> {
  const row = (
    await tx
      .select({ dueAt: deadlines.dueAt })
      .from(deadlines)
      .where(
        and(
          eq(deadlines.subjectType, subjectType),
          eq(deadlines.subjectId, subjectId),
          eq(deadlines.step, step),
          inArray(deadlines.state, ['running', 'paused', 'breached']),
        ),
      )
      .limit(1)
  )[0];
  return row?.dueAt ?? null;
}
