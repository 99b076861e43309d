import type { Contract } from '../../core/contract.ts';
import type { DefaultGrants } from '../../core/default-roles.ts';
import type { CatalogueTexts } from '../../core/kernel/messages.ts';
import type { PermissionDef } from '../../core/permissions.ts';

import type { ApprovalProcess } from '../approvals/processes.ts';
import type { ApprovalSubjectType } from '../approvals/subjects.ts';
import type { Db } from '../db/client.ts';
import type { DeadlinePolicyDef } from '../deadlines/deadlines.ts';
import type { Api } from '../http/api.ts';
import type { JobContext, JobGrants } from '../jobs/runner.ts';
import type { AppServices } from '../kernel/context.ts';
import type { EventTypeDef } from '../notifications/notify.ts';

export interface ScheduleDef {
  name: string;
  everyMs: number;
  handler: (ctx: JobContext) => Promise<void>;
  grants?: JobGrants;
}

export interface JobDef {
  name: string;
  handler: (payload: never, ctx: JobContext) => Promise<void>;
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
  grants?: JobGrants;
}

/**
 * Everything a module adds to the application, in one value. Nothing registers itself when a
 * file is imported: `server/module-list.ts` lists the modules, and `installModules` /
 * `mountModules` / `runModuleSetups` (server/modules/install.ts) read these fields.
 */
export interface ModuleDefinition {
  /** unique, kebab-case; the folder name under server/modules/ */
  name: string;
  /** the capabilities it introduces (`core/<module>/<module>.permissions.ts`) */
  permissions?: Readonly<Record<string, PermissionDef>>;
  /** which default roles get them in a new database */
  defaultGrants?: DefaultGrants;
  /** the module's HTTP contracts (core/<module>/*.contract.ts); every endpoint must be mounted by `routes` */
  contracts?: readonly Contract[];
  /** mounts the handlers of `contracts` (`mountContract(api, services, contract, handlers)`) */
  routes?: (api: Api, services: AppServices) => void;
  eventTypes?: readonly EventTypeDef[];
  approvalSubjects?: readonly ApprovalSubjectType[];
  approvalProcesses?: readonly ApprovalProcess[];
  jobs?: readonly JobDef[];
  schedules?: readonly ScheduleDef[];
  /** default deadline policies, seeded at every start (an administrator's edits win) */
  deadlinePolicies?: readonly DeadlinePolicyDef[];
  /**
   * its server-generated text in zh-CN and en (timeline titles, report titles…):
   * `defineMessages('<name>', {...})` in `<name>.messages.ts`; keys are stored as `<name>.<key>`
   */
  messages?: CatalogueTexts;
  /** other idempotent start-up seeding (default settings…), run after migrations and default roles */
  setup?: (db: Db, now: Date) => Promise<void>;
}

/** Declares a module (see docs/ARCHITECTURE.md, "Adding a module"). */
export function defineModule<const M extends ModuleDefinition>(def: M): M {
  return def;
}
