import { AppError } from '../../../core/errors.ts';
import { projectWorkflowContract } from '../../../core/projects/project-workflow.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { closeProject, moveProjectStage, recordProjectOutcome } from './commands/move-project-stage.ts';
import {
  recordNoGoDecision,
  requestShareException,
  requestSpecialHandling,
  submitGoNoGo,
  submitRegistration,
} from './commands/project-approvals.ts';
import { saveProjectSummary } from './commands/save-project-summary.ts';
import { projectSummaryView } from './queries/project-history.ts';
import { projectPage } from './projects.routes.ts';

/** What moves a project along: go/no-go and 立项 approvals, exceptions, stages, outcome, summary, close. */
export function projectWorkflowRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, projectWorkflowContract, {
    submitGoNoGo: async ({ ctx, params, body }) => {
      await submitGoNoGo(ctx, params.id, body.version);
      return projectPage(ctx, params.id);
    },
    recordNoGo: async ({ ctx, params, body }) => {
      await recordNoGoDecision(ctx, params.id, body.version, body.reason);
      return projectPage(ctx, params.id);
    },
    submitRegistration: async ({ ctx, params, body }) => {
      await submitRegistration(ctx, params.id, body.version);
      return projectPage(ctx, params.id);
    },
    requestShareException: async ({ ctx, params, body }) => {
      await requestShareException(ctx, params.id, body.version, body.reason);
      return projectPage(ctx, params.id);
    },
    requestSpecialHandling: async ({ ctx, params, body }) => {
      await requestSpecialHandling(ctx, params.id, body.version, body.reason);
      return projectPage(ctx, params.id);
    },
    moveStage: async ({ ctx, params, body }) => {
      await moveProjectStage(ctx, params.id, body);
      return projectPage(ctx, params.id);
    },
    recordOutcome: async ({ ctx, params, body }) => {
      await recordProjectOutcome(ctx, params.id, body);
      return projectPage(ctx, params.id);
    },
    summary: async ({ ctx, params }) => projectSummaryView(ctx.db, ctx.actor, params.id),
    saveSummary: async ({ ctx, params, body }) => {
      await saveProjectSummary(ctx, params.id, body);
      const view = await projectSummaryView(ctx.db, ctx.actor, params.id);
      if (!view) throw new AppError('internal');
      return view;
    },
    close: async ({ ctx, params, body }) => {
      await closeProject(ctx, params.id, body.version, body.note);
      return projectPage(ctx, params.id);
    },
  });
}
