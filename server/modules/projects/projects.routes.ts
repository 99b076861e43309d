import { projectsContract } from '../../../core/projects/projects.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { createProject } from './commands/create-project.ts';
import { saveStageConfig } from './commands/save-project-stage-config.ts';
import { updateProject } from './commands/update-project.ts';
import { getProjectDetail } from './queries/project-detail.ts';
import { projectDeadlinesView, projectStageHistoryView, projectTimelineView } from './queries/project-history.ts';
import { listProjects, projectKanban, projectKanbanStage } from './queries/project-list.ts';
import { loadStageConfig } from './project-stage-config.ts';

/** The project page as every project endpoint answers it (404 outside the reader's visibility). */
export const projectPage = (ctx: Ctx, id: string) => getProjectDetail(ctx.db, ctx.actor, id);

/** Presales projects (商机 / 项目, PRODUCT.md §2, §3.3): stage configuration, table, kanban, create, page, edit, history. */
export function projectsRoutes(api: Api, services: AppServices): void {
  const stageConfig = async (ctx: Ctx) => {
    const { config, version, isDefault } = await loadStageConfig(ctx.db);
    return { ...config, version, isDefault };
  };

  mountContract(api, services, projectsContract, {
    stageConfig: async ({ ctx }) => stageConfig(ctx),
    saveStageConfig: async ({ ctx, body }) => {
      await saveStageConfig(ctx, body);
      return stageConfig(ctx);
    },
    list: async ({ ctx, query }) => listProjects(ctx.db, ctx.actor, query),
    kanban: async ({ ctx, query }) => projectKanban(ctx.db, ctx.actor, query),
    kanbanStage: async ({ ctx, params, query }) => projectKanbanStage(ctx.db, ctx.actor, params.stage, query),
    create: async ({ ctx, body }) => createProject(ctx, body),
    get: async ({ ctx, params }) => projectPage(ctx, params.id),
    update: async ({ ctx, params, body }) => {
      await updateProject(ctx, params.id, body);
      return projectPage(ctx, params.id);
    },
    timeline: async ({ ctx, params, query }) => projectTimelineView(ctx.db, ctx.actor, params.id, query),
    stageHistory: async ({ ctx, params }) => projectStageHistoryView(ctx.db, ctx.actor, params.id),
    deadlines: async ({ ctx, params }) => projectDeadlinesView(ctx.db, ctx.actor, params.id, ctx.now),
  });
}
