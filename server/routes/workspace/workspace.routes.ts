import { WorkspaceView } from '../../../core/schemas/projects.schema.ts';
import { workspaceView } from '../../queries/workspace.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

/** The workspace (工作台): what the signed-in user has to do now. */
export async function workspaceRoutes(api: Api, services: AppServices) {
  api.get('/workspace', {
    config: { access: 'authenticated' },
    schema: { tags: ['workspace'], summary: '工作台 Workspace', response: { 200: WorkspaceView, ...errorResponses } },
  }, async (req) => workspaceView(services.db, req.actor, services.clock()));
}
