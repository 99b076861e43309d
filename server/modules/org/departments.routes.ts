import { departmentsContract } from '../../../core/org/org.contract.ts';
import { AppError } from '../../../core/errors.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices, Ctx } from '../../kernel/context.ts';
import { requirePermission } from '../../policies/policy.ts';
import { createDepartment, updateDepartment } from './commands/save-department.ts';
import { getDepartmentInScope, listDepartments } from './queries/departments.ts';

/** The department tree, inside the reader's data scope. */
export function departmentsRoutes(api: Api, services: AppServices): void {
  const readBack = async (ctx: Ctx, id: string) => {
    const scope = ctx.actor.grants.get('department.read') ?? ctx.actor.grants.get('department.manage') ?? 'own';
    const view = await getDepartmentInScope(ctx.db, ctx.actor, scope, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  mountContract(api, services, departmentsContract, {
    list: async ({ ctx }) => listDepartments(ctx.db, ctx.actor, requirePermission(ctx.actor, 'department.read')),
    create: async ({ ctx, body }) => readBack(ctx, await createDepartment(ctx, body)),
    update: async ({ ctx, params, body }) => {
      await updateDepartment(ctx, params.id, body);
      return readBack(ctx, params.id);
    },
  });
}
