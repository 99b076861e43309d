import { departmentsContract, rolesContract, usersContract } from '../../../core/org/org.contract.ts';
import { ORG_DEFAULT_GRANTS, ORG_PERMISSIONS } from '../../../core/org/org.permissions.ts';
import { defineModule } from '../define-module.ts';
import { departmentsRoutes } from './departments.routes.ts';
import { rolesRoutes } from './roles.routes.ts';
import { usersRoutes } from './users.routes.ts';

/**
 * The organisation: users, the department tree and roles (data scope and permission matrix).
 * The integrity rules shared by its commands are in org-guards.ts.
 */
export const orgModule = defineModule({
  name: 'org',
  permissions: ORG_PERMISSIONS,
  defaultGrants: ORG_DEFAULT_GRANTS,
  contracts: [usersContract, departmentsContract, rolesContract],
  routes: (api, services) => {
    usersRoutes(api, services);
    departmentsRoutes(api, services);
    rolesRoutes(api, services);
  },
});
