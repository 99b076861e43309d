import { rolesContract } from '../../../core/org/org.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { createRole, updateRole } from './commands/save-role.ts';
import { listRoles, permissionCatalog } from './queries/roles.ts';

/** Roles and their permissions; the capability catalog. */
export function rolesRoutes(api: Api, services: AppServices): void {
  const readBack = async (ctx: Ctx, id: string) => {
    const role = (await listRoles(ctx.db, ctx.actor.locale)).find((r) => r.id === id);
    if (!role) throw new AppError('not_found');
    return role;
  };

  mountContract(api, services, rolesContract, {
    list: async ({ ctx }) => listRoles(ctx.db, ctx.actor.locale),
    permissions: async ({ ctx }) => permissionCatalog(ctx.actor.locale),
    create: async ({ ctx, body }) => readBack(ctx, await createRole(ctx, body)),
    update: async ({ ctx, params, body }) => {
      await updateRole(ctx, params.id, body);
      return readBack(ctx, params.id);
    },
  });
}
