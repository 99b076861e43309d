import { defineSchedule } from '../jobs/runner.ts';
import { sweepDeadlines } from './sweep.ts';

/** Name and interval of the deadline sweep schedule. */
export const DEADLINE_SWEEP_SCHEDULE = 'deadlines.sweep';
export const DEADLINE_SWEEP_EVERY_MS = 60_000;

// Registered at import time (as every schedule is); imported by the deadline routes, so an
// app that serves the API also sweeps once its job runner runs.
defineSchedule(DEADLINE_SWEEP_SCHEDULE, DEADLINE_SWEEP_EVERY_MS, async (ctx) => {
  await sweepDeadlines(ctx.db, ctx.now);
});
