import type { Db } from './db/client.ts';

/**
 * Business modules register their approval subjects and processes, notification event types,
 * jobs and schedules at import time (see docs/APPROVALS.md), and seed what lives in the database
 * (deadline policies, default settings) through a setup function run at every start-up, after
 * the migrations and the default roles. Setups must be idempotent.
 *
 * Each module's `module.ts` is imported from `server/module-list.ts`, so registration never
 * depends on which route file happened to be loaded first.
 */
export type ModuleSetup = (db: Db, now: Date) => Promise<void>;

const SETUPS = new Map<string, ModuleSetup>();

/** A module's start-up seeding (e.g. `ensureDeadlinePolicy`), keyed by module name. */
export function registerModuleSetup(name: string, setup: ModuleSetup): void {
  const existing = SETUPS.get(name);
  if (existing && existing !== setup) throw new Error(`module setup "${name}" is already registered`);
  SETUPS.set(name, setup);
}

/** Runs every module's setup in registration order. */
export async function runModuleSetups(db: Db, now: Date): Promise<void> {
  for (const setup of SETUPS.values()) await setup(db, now);
}
