import type { ScheduleDef } from '../modules/define-module.ts';
import { sweepDeadlines } from './sweep.ts';

/** Name and interval of the deadline sweep schedule. */
export const DEADLINE_SWEEP_SCHEDULE = 'deadlines.sweep';
export const DEADLINE_SWEEP_EVERY_MS = 60_000;

/** The deadline sweep, a schedule of the job runner (listed by the deadlines module). */
export const deadlineSweepSchedule: ScheduleDef = {
  name: DEADLINE_SWEEP_SCHEDULE,
  everyMs: DEADLINE_SWEEP_EVERY_MS,
  handler: async (ctx) => {
    await sweepDeadlines(ctx.db, ctx.now);
  },
};
