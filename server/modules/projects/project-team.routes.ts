import { projectTeamContract } from '../../../core/projects/project-team.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { addProjectMember, assignPresalesLead, removeProjectMember, setProjectPerson } from './commands/manage-project-team.ts';
import { getProjectTeam } from './queries/project-detail.ts';
import { projectPage } from './projects.routes.ts';

/** The project team: presales lead, members, monitor, project manager. */
export function projectTeamRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, projectTeamContract, {
    assignPresalesLead: async ({ ctx, params, body }) => {
      await assignPresalesLead(ctx, params.id, body.version, body.userId);
      return projectPage(ctx, params.id);
    },
    team: async ({ ctx, params }) => getProjectTeam(ctx.db, ctx.actor, params.id),
    addMember: async ({ ctx, params, body }) => {
      await addProjectMember(ctx, params.id, body.userId, body.projectRole);
      return getProjectTeam(ctx.db, ctx.actor, params.id);
    },
    removeMember: async ({ ctx, params, query }) => {
      await removeProjectMember(ctx, params.id, query.userId, query.projectRole);
      return getProjectTeam(ctx.db, ctx.actor, params.id);
    },
    setMonitor: async ({ ctx, params, body }) => {
      await setProjectPerson(ctx, params.id, 'monitorUserId', body.version, body.userId);
      return projectPage(ctx, params.id);
    },
    setManager: async ({ ctx, params, body }) => {
      await setProjectPerson(ctx, params.id, 'managerUserId', body.version, body.userId);
      return projectPage(ctx, params.id);
    },
  });
}
