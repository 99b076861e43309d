import { usersContract } from '../../../core/org/org.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { requirePermission } from '../../policies/policy.ts';
import { createUser } from './commands/create-user.ts';
import { resetUserPassword, setUserActive, unlockUser } from './commands/manage-user-account.ts';
import { updateUser } from './commands/update-user.ts';
import { getUserInScope, listUsers } from './queries/users.ts';

/** User accounts, inside the reader's data scope. */
export function usersRoutes(api: Api, services: AppServices): void {
  /** Re-reads a user through the reader's scope; 404 when outside it. */
  const readBack = async (ctx: Ctx, id: string) => {
    const scope = ctx.actor.grants.get('user.read') ?? ctx.actor.grants.get('user.manage') ?? 'own';
    const view = await getUserInScope(ctx.db, ctx.actor, scope, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, usersContract, {
    list: async ({ ctx, query }) => listUsers(ctx.db, ctx.actor, requirePermission(ctx.actor, 'user.read'), query),
    get: async ({ ctx, params }) => {
      const scope = requirePermission(ctx.actor, 'user.read');
      const view = await getUserInScope(ctx.db, ctx.actor, scope, params.id);
      if (!view) throw new AppError('not_found');
      return view;
    },
    create: async ({ ctx, body }) => readBack(ctx, await createUser(ctx, body)),
    update: async ({ ctx, params, body }) => {
      await updateUser(ctx, params.id, body);
      return readBack(ctx, params.id);
    },
    resetPassword: async ({ ctx, params, body }) => {
      await resetUserPassword(ctx, params.id, body.version, body.newPassword);
      return readBack(ctx, params.id);
    },
    setActive: async ({ ctx, params, body }) => {
      await setUserActive(ctx, params.id, body.version, body.active);
      return readBack(ctx, params.id);
    },
    unlock: async ({ ctx, params, body }) => {
      await unlockUser(ctx, params.id, body.version);
      return readBack(ctx, params.id);
    },
  });
}
