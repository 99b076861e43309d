import { savedViewsContract } from '../../../core/projects/saved-views.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { deleteView, saveView } from './commands/manage-saved-views.ts';
import { listSavedViews } from './queries/saved-views.ts';

/** Saved views of the project lists (the actor's own). */
export function savedViewsRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, savedViewsContract, {
    list: async ({ ctx, query }) => listSavedViews(ctx.db, ctx.actor.userId, query.list),
    save: async ({ ctx, body }) => saveView(ctx, body),
    delete: async ({ ctx, params }) => {
      await deleteView(ctx, params.id);
      return { ok: true as const };
    },
  });
}
