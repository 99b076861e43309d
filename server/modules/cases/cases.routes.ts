import { casesContract } from '../../../core/cases/cases.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { answerCase, assignCase, closeCase, createCase, updateCase } from './commands/manage-case.ts';
import { casesExport } from './commands/export-cases.ts';
import { getCaseDetail, listCases } from './queries/cases.ts';

/** 咨询与投诉: receive, assign, answer within the deadline, close. */
export function casesRoutes(api: Api, services: AppServices): void {
  const detail = async (ctx: Ctx, id: string) => {
    const view = await getCaseDetail(ctx.db, ctx.actor, id, ctx.now);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, casesContract, {
    list: async ({ ctx, query }) => listCases(ctx.db, ctx.actor, query, ctx.now),
    create: async ({ ctx, body }) => detail(ctx, await createCase(ctx, body)),
    exportXlsx: async ({ ctx, query, reply }) => casesExport.send(reply, ctx, query),
    get: async ({ ctx, params }) => detail(ctx, params.id),
    update: async ({ ctx, params, body }) => {
      await updateCase(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    assign: async ({ ctx, params, body }) => {
      await assignCase(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    answer: async ({ ctx, params, body }) => {
      await answerCase(ctx, params.id, body);
      return detail(ctx, params.id);
    },
    close: async ({ ctx, params, body }) => {
      await closeCase(ctx, params.id, body);
      return detail(ctx, params.id);
    },
  });
}
