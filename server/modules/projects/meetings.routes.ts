import { AppError } from '../../../core/errors.ts';
import { meetingsContract } from '../../../core/projects/meetings.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { completeTask, createMeeting, createMeetingTask, updateMeeting } from './commands/manage-project-meetings.ts';
import { getTask, myTasks, projectMeetingsView } from './queries/project-meetings.ts';

/** Analysis meetings with their action items; my tasks. */
export function meetingsRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, meetingsContract, {
    meetings: async ({ ctx, params }) => projectMeetingsView(ctx.db, ctx.actor, params.id, ctx.now),
    createMeeting: async ({ ctx, params, body }) => {
      const id = await createMeeting(ctx, params.id, body);
      const list = await projectMeetingsView(ctx.db, ctx.actor, params.id, ctx.now);
      const m = list.find((x) => x.id === id);
      if (!m) throw new AppError('internal');
      return m;
    },
    updateMeeting: async ({ ctx, params, body }) => {
      await updateMeeting(ctx, params.id, body);
      return { ok: true as const };
    },
    createTask: async ({ ctx, params, body }) => {
      const id = await createMeetingTask(ctx, params.id, body);
      const task = await getTask(ctx.db, id, ctx.now);
      if (!task) throw new AppError('internal');
      return task;
    },
    myTasks: async ({ ctx, query }) => myTasks(ctx.db, ctx.actor, ctx.now, query),
    completeTask: async ({ ctx, params, body }) => {
      await completeTask(ctx, params.id, body.version);
      return { ok: true as const };
    },
  });
}
