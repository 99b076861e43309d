import { endpointKey } from '../../core/contract.ts';
import { registerApprovalProcess } from '../approvals/processes.ts';
import { registerApprovalSubject } from '../approvals/subjects.ts';
import type { Db } from '../db/client.ts';
import { ensureDeadlinePolicy } from '../deadlines/deadlines.ts';
import type { Api } from '../http/api.ts';
import { defineJob, defineSchedule } from '../jobs/runner.ts';
import type { AppServices } from '../kernel/context.ts';
import { registerMessages } from '../kernel/messages.ts';
import { MODULES } from '../module-list.ts';
import { registerEventType } from '../notifications/notify.ts';
import type { ModuleDefinition } from './define-module.ts';

let installed = false;

/**
 * Hands every module's registrations (message catalogue, event types, approval subjects and
 * processes, jobs, schedules) to the engines, once per process. Called by whatever starts the application
 * (buildApp, bootstrap, the job runner), so no registration depends on import order.
 */
export function installModules(modules: readonly ModuleDefinition[] = MODULES): void {
  if (installed) return;
  installed = true;
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module "${m.name}" is listed twice`);
    names.add(m.name);
    if (m.messages) registerMessages(m.name, m.messages);
    for (const e of m.eventTypes ?? []) registerEventType(e);
    for (const s of m.approvalSubjects ?? []) registerApprovalSubject(s);
    for (const p of m.approvalProcesses ?? []) registerApprovalProcess(p);
    for (const j of m.jobs ?? [])
      defineJob(j.name, j.handler as (payload: unknown, ctx: Parameters<typeof j.handler>[1]) => Promise<void>, j);
    for (const s of m.schedules ?? []) defineSchedule(s.name, s.everyMs, s.handler, { grants: s.grants });
  }
}

/**
 * Mounts every module's routes under /api (a handler missing from a `mountContract` call fails the
 * start; a contract listed in `contracts` but never mounted fails the access-matrix test).
 */
export function mountModules(api: Api, services: AppServices, modules: readonly ModuleDefinition[] = MODULES): void {
  installModules(modules);
  for (const m of modules) m.routes?.(api, services);
}

/** Every endpoint of every module's contracts, as `'METHOD /api/path'` (for the access matrix and the docs). */
export function contractEndpoints(modules: readonly ModuleDefinition[] = MODULES): string[] {
  return modules.flatMap((m) =>
    (m.contracts ?? []).flatMap((c) => Object.values(c.endpoints).map((e) => endpointKey({ ...e, path: `/api${e.path}` }))),
  );
}

/** Runs every module's start-up seeding in list order (deadline policies, then its own setup); idempotent. */
export async function runModuleSetups(db: Db, now: Date, modules: readonly ModuleDefinition[] = MODULES): Promise<void> {
  installModules(modules);
  for (const m of modules) {
    for (const p of m.deadlinePolicies ?? []) await ensureDeadlinePolicy(db, p);
    await m.setup?.(db, now);
  }
}
