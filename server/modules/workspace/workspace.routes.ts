import { workspaceContract } from '../../../core/workspace/workspace.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { workspaceView } from './queries/workspace.ts';

/** The workspace (工作台): what the signed-in user has to do now. */
export function workspaceRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, workspaceContract, {
    get: async ({ ctx }) => workspaceView(ctx.db, ctx.actor, ctx.now),
  });
}
