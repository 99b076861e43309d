import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { CreateDepartmentBody, DepartmentView, UpdateDepartmentBody } from '../../../core/schemas/org.schema.ts';
import { createDepartment, updateDepartment } from '../../commands/save-department.ts';
import { getDepartmentInScope, listDepartments } from '../../queries/departments.ts';
import { requirePermission } from '../../policies/policy.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['departments'];

export async function departmentsRoutes(api: Api, services: AppServices) {
  const readBack = async (actor: Actor, id: string) => {
    const view = await getDepartmentInScope(services.db, actor, actor.grants.get('department.read') ?? actor.grants.get('department.manage') ?? 'own', id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/departments', {
    config: { access: { permission: 'department.read' } },
    schema: { tags, summary: '部门列表 List departments (flat)', response: { 200: z.array(DepartmentView), ...errorResponses } },
  }, async (req) => listDepartments(services.db, req.actor, requirePermission(req.actor, 'department.read')));

  api.post('/departments', {
    config: { access: { permission: 'department.manage' } },
    schema: { tags, summary: '新建部门 Create a department', body: CreateDepartmentBody, response: { 200: DepartmentView, ...errorResponses } },
  }, async (req) => readBack(req.actor, await createDepartment(ctxOf(req, services), req.body)));

  api.patch('/departments/:id', {
    config: { access: { permission: 'department.manage' } },
    schema: { tags, summary: '修改部门 Update a department', params: z.object({ id: z.string().uuid() }), body: UpdateDepartmentBody, response: { 200: DepartmentView, ...errorResponses } },
  }, async (req) => {
    await updateDepartment(ctxOf(req, services), req.params.id, req.body);
    return readBack(req.actor, req.params.id);
  });
}
