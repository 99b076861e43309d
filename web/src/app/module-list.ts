/**
 * The web side of the module list (the server's is server/module-list.ts). A new module adds its
 * contract here; the API client's types (web/src/shared/api/routes.ts) are inferred from these
 * contracts, so the browser can only call endpoints the server mounts, with the bodies it accepts.
 * Only types are imported: zod never reaches the bundle.
 */
import type { casesContract } from '../../../core/cases/cases.contract.ts';

export type ModuleContracts = typeof casesContract;
