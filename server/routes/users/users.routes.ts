import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import {
  CreateUserBody, ResetPasswordBody, SetActiveBody, UpdateUserBody, UserListQuery, UserPage, UserView,
} from '../../../core/schemas/org.schema.ts';
import { VersionBody } from '../../../core/schemas/common.schema.ts';
import { createUser } from '../../commands/create-user.ts';
import { updateUser } from '../../commands/update-user.ts';
import { resetUserPassword, setUserActive, unlockUser } from '../../commands/manage-user-account.ts';
import { getUserInScope, listUsers } from '../../queries/users.ts';
import { requirePermission } from '../../policies/policy.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['users'];
const IdParams = z.object({ id: z.string().uuid() });

export async function usersRoutes(api: Api, services: AppServices) {
  /** Re-reads a user through the reader's scope; 404 when outside it. */
  const readBack = async (actor: Parameters<typeof getUserInScope>[1], id: string) => {
    const scope = actor.grants.get('user.read') ?? actor.grants.get('user.manage') ?? 'own';
    const view = await getUserInScope(services.db, actor, scope, id);
    if (!view) throw new AppError('not_found');
    return view;
  };

  api.get('/users', {
    config: { access: { permission: 'user.read' } },
    schema: { tags, summary: '用户列表 List users', querystring: UserListQuery, response: { 200: UserPage, ...errorResponses } },
  }, async (req) => {
    const scope = requirePermission(req.actor, 'user.read');
    return listUsers(services.db, req.actor, scope, req.query);
  });

  api.get('/users/:id', {
    config: { access: { permission: 'user.read' } },
    schema: { tags, summary: '用户详情 Get a user', params: IdParams, response: { 200: UserView, ...errorResponses } },
  }, async (req) => {
    const scope = requirePermission(req.actor, 'user.read');
    const view = await getUserInScope(services.db, req.actor, scope, req.params.id);
    if (!view) throw new AppError('not_found');
    return view;
  });

  api.post('/users', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: '新建用户 Create a user', body: CreateUserBody, response: { 200: UserView, ...errorResponses } },
  }, async (req) => {
    const id = await createUser(ctxOf(req, services), req.body);
    return readBack(req.actor, id);
  });

  api.patch('/users/:id', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: '修改用户 Update a user', params: IdParams, body: UpdateUserBody, response: { 200: UserView, ...errorResponses } },
  }, async (req) => {
    await updateUser(ctxOf(req, services), req.params.id, req.body);
    return readBack(req.actor, req.params.id);
  });

  api.post('/users/:id/reset-password', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: '重置密码 Reset a password', params: IdParams, body: ResetPasswordBody, response: { 200: UserView, ...errorResponses } },
  }, async (req) => {
    await resetUserPassword(ctxOf(req, services), req.params.id, req.body.version, req.body.newPassword);
    return readBack(req.actor, req.params.id);
  });

  api.post('/users/:id/active', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: '启用/停用 Activate or deactivate', params: IdParams, body: SetActiveBody, response: { 200: UserView, ...errorResponses } },
  }, async (req) => {
    await setUserActive(ctxOf(req, services), req.params.id, req.body.version, req.body.active);
    return readBack(req.actor, req.params.id);
  });

  api.post('/users/:id/unlock', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: '解锁 Unlock', params: IdParams, body: VersionBody, response: { 200: UserView, ...errorResponses } },
  }, async (req) => {
    await unlockUser(ctxOf(req, services), req.params.id, req.body.version);
    return readBack(req.actor, req.params.id);
  });
}
