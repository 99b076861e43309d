import { deadlinesContract } from '../../../core/deadlines/deadlines.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { requirePermission } from '../../policies/policy.ts';
import { updateDeadlinePolicy } from './commands/update-deadline-policy.ts';
import { listDeadlinePolicies, listOpenDeadlines, slaStatistics } from './queries/deadlines.ts';

/** 时限: policies for administrators, open deadlines and SLA statistics within the reader's data scope. */
export function deadlinesRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, deadlinesContract, {
    policies: async ({ ctx }) => {
      requirePermission(ctx.actor, 'deadline.read');
      return listDeadlinePolicies(ctx.db, ctx.actor);
    },
    updatePolicy: async ({ ctx, params, body }) => {
      await updateDeadlinePolicy(ctx, params.id, body);
      const view = (await listDeadlinePolicies(ctx.db, ctx.actor)).find((p) => p.id === params.id);
      if (!view) throw new AppError('not_found');
      return view;
    },
    open: async ({ ctx, query }) => listOpenDeadlines(ctx.db, ctx.actor, requirePermission(ctx.actor, 'deadline.read'), ctx.now, query),
    sla: async ({ ctx, query }) => slaStatistics(ctx.db, ctx.actor, requirePermission(ctx.actor, 'deadline.read'), ctx.now, query),
  });
}
