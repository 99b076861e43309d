/**
 * The HTTP contract of docs/API.md as a type: `'METHOD /path'` → query, body and answer.
 * Paths are relative to /api.
 */
import type { Contract, ContractRoutes } from '../../../../core/contract.ts';
import type { ModuleContracts } from '../../app/module-list.ts';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type RoutesOf<C> = C extends Contract ? ContractRoutes<C> : never;
/** Every endpoint of the modules' contracts (web/src/app/module-list.ts). */
type ContractApiRoutes = UnionToIntersection<RoutesOf<ModuleContracts>>;

/**
 * The client's route map. It stays an interface so that the feature files not yet served from a
 * contract can still add their endpoints to it (`declare module … { interface ApiRoutes … }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ApiRoutes extends ContractApiRoutes {}
