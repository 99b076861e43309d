import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { CreateRoleBody, PermissionCatalogItem, RoleView, UpdateRoleBody } from '../../../core/schemas/org.schema.ts';
import { createRole, updateRole } from '../../commands/save-role.ts';
import { listRoles, permissionCatalog } from '../../queries/roles.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['roles'];

export async function rolesRoutes(api: Api, services: AppServices) {
  const readBack = async (locale: 'zh-CN' | 'en', id: string) => {
    const role = (await listRoles(services.db, locale)).find((r) => r.id === id);
    if (!role) throw new AppError('not_found');
    return role;
  };

  api.get('/roles', {
    config: { access: { permission: 'role.read' } },
    schema: { tags, summary: '角色列表 List roles', response: { 200: z.array(RoleView), ...errorResponses } },
  }, async (req) => listRoles(services.db, req.actor.locale));

  api.get('/permissions', {
    config: { access: { permission: 'role.read' } },
    schema: { tags, summary: '权限目录 Permission catalog', response: { 200: z.array(PermissionCatalogItem), ...errorResponses } },
  }, async (req) => permissionCatalog(req.actor.locale));

  api.post('/roles', {
    config: { access: { permission: 'role.manage' } },
    schema: { tags, summary: '新建角色 Create a role', body: CreateRoleBody, response: { 200: RoleView, ...errorResponses } },
  }, async (req) => readBack(req.actor.locale, await createRole(ctxOf(req, services), req.body)));

  api.patch('/roles/:id', {
    config: { access: { permission: 'role.manage' } },
    schema: { tags, summary: '修改角色与权限 Update a role', params: z.object({ id: z.string().uuid() }), body: UpdateRoleBody, response: { 200: RoleView, ...errorResponses } },
  }, async (req) => {
    await updateRole(ctxOf(req, services), req.params.id, req.body);
    return readBack(req.actor.locale, req.params.id);
  });
}
