/**
 * The HTTP contract of docs/API.md as a type: `'METHOD /path'` → query, body and answer.
 * Paths are relative to /api.
 */
import type { Contract, ContractRoutes } from '../../../../core/contract.ts';
import type { ModuleContracts } from '../../app/module-list.ts';
import type * as T from './types.ts';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type RoutesOf<C> = C extends Contract ? ContractRoutes<C> : never;
/** Every endpoint of the modules' contracts (web/src/app/module-list.ts). */
type ContractApiRoutes = UnionToIntersection<RoutesOf<ModuleContracts>>;

export interface ApiRoutes extends ContractApiRoutes {
  'GET /health': { res: T.Health };
  'POST /auth/login': { body: T.LoginBody; res: T.Me };
  'POST /auth/logout': { res: T.Ok };
  'GET /auth/me': { res: T.Me };
  'POST /auth/change-password': { body: T.ChangePasswordBody; res: T.Ok };
  'PATCH /auth/profile': { body: T.UpdateProfileBody; res: T.Me };
  'GET /auth/password-policy': { res: T.PasswordPolicyResponse };
  'GET /auth/tokens': { res: T.ApiToken[] };
  'POST /auth/tokens': { body: T.CreateApiTokenBody; res: T.CreatedApiToken };
  'DELETE /auth/tokens/:id': { res: T.Ok };

  'GET /departments': { res: T.Department[] };
  'POST /departments': { body: T.CreateDepartmentBody; res: T.Department };
  'PATCH /departments/:id': { body: T.UpdateDepartmentBody; res: T.Department };

  'GET /users': { query: T.UserListQuery; res: T.UserPage };
  'GET /users/:id': { res: T.User };
  'POST /users': { body: T.CreateUserBody; res: T.User };
  'PATCH /users/:id': { body: T.UpdateUserBody; res: T.User };
  'POST /users/:id/reset-password': { body: T.ResetPasswordBody; res: T.User };
  'POST /users/:id/active': { body: T.SetActiveBody; res: T.User };
  'POST /users/:id/unlock': { body: T.VersionBody; res: T.User };

  'GET /roles': { res: T.Role[] };
  'GET /permissions': { res: T.PermissionCatalogItem[] };
  'POST /roles': { body: T.CreateRoleBody; res: T.Role };
  'PATCH /roles/:id': { body: T.UpdateRoleBody; res: T.Role };

  'GET /audit': { query: T.AuditQuery; res: T.AuditPage };
  'GET /audit/export.xlsx': { query: Omit<T.AuditQuery, 'page' | 'pageSize'>; res: Blob };
  'GET /audit/verify': { res: T.AuditVerifyResult };

  'GET /settings/security': { res: T.SecuritySettings };
  'PUT /settings/security': { body: T.UpdateSecuritySettingsBody; res: T.SecuritySettings };
}
