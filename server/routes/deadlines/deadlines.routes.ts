import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  DeadlineListQuery, DeadlinePage, DeadlinePolicyView, SlaQuery, SlaReport, UpdateDeadlinePolicyBody,
} from '../../../core/schemas/deadlines.schema.ts';
import { updateDeadlinePolicy } from '../../commands/update-deadline-policy.ts';
import { listDeadlinePolicies, listOpenDeadlines, slaStatistics } from '../../queries/deadlines.ts';
import { requirePermission } from '../../policies/policy.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';
// The sweep runs as a schedule of the job runner; registering it here ties it to the app.
import '../../deadlines/sweep-schedule.ts';

const tags = ['deadlines'];
const IdParams = z.object({ id: z.string().uuid() });

export async function deadlinesRoutes(api: Api, services: AppServices) {
  api.get('/deadlines/policies', {
    config: { access: { permission: 'deadline.read' } },
    schema: { tags, summary: '时限规则 Deadline policies', response: { 200: DeadlinePolicyView.array(), ...errorResponses } },
  }, async (req) => {
    requirePermission(req.actor, 'deadline.read');
    return listDeadlinePolicies(services.db, req.actor);
  });

  api.patch('/deadlines/policies/:id', {
    config: { access: { permission: 'deadline.manage' } },
    schema: {
      tags,
      summary: '修改时限规则 Update a deadline policy',
      description: 'Applies to deadlines started afterwards; running ones keep their terms.',
      params: IdParams,
      body: UpdateDeadlinePolicyBody,
      response: { 200: DeadlinePolicyView, ...errorResponses },
    },
  }, async (req) => {
    await updateDeadlinePolicy(ctxOf(req, services), req.params.id, req.body);
    const view = (await listDeadlinePolicies(services.db, req.actor)).find((p) => p.id === req.params.id);
    if (!view) throw new AppError('not_found');
    return view;
  });

  api.get('/deadlines', {
    config: { access: { permission: 'deadline.read' } },
    schema: { tags, summary: '进行中的时限 Open deadlines', querystring: DeadlineListQuery, response: { 200: DeadlinePage, ...errorResponses } },
  }, async (req) => {
    const scope = requirePermission(req.actor, 'deadline.read');
    return listOpenDeadlines(services.db, req.actor, scope, services.clock(), req.query);
  });

  api.get('/deadlines/sla', {
    config: { access: { permission: 'deadline.read' } },
    schema: { tags, summary: '时限达成统计 SLA statistics', querystring: SlaQuery, response: { 200: SlaReport, ...errorResponses } },
  }, async (req) => {
    const scope = requirePermission(req.actor, 'deadline.read');
    return slaStatistics(services.db, req.actor, scope, services.clock(), req.query);
  });
}
