import { z } from 'zod';
import {
  ApiTokenView, ChangePasswordBody, CreateApiTokenBody, CreatedApiToken, LoginBody, MeResponse,
  PasswordPolicyResponse, UpdateProfileBody,
} from '../../../core/schemas/auth.schema.ts';
import { OkBody } from '../../../core/schemas/common.schema.ts';
import { login } from '../../commands/login.ts';
import { changeOwnPassword } from '../../commands/change-own-password.ts';
import { updateOwnProfile } from '../../commands/update-own-profile.ts';
import { createApiToken, listOwnTokens, revokeApiToken } from '../../commands/api-tokens.ts';
import { getMe } from '../../queries/me.ts';
import { loadPasswordPolicy } from '../../auth/security-settings.ts';
import { deleteSession } from '../../auth/sessions.ts';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../../http/authenticate.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['auth'];

export async function authRoutes(api: Api, services: AppServices) {
  api.post('/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: '登录 Sign in', body: LoginBody, response: { 200: MeResponse, ...errorResponses } },
  }, async (req, reply) => {
    const now = services.clock();
    const cookieName = sessionCookieName(services.config.https);
    const { userId, sessionId } = await login(services.db, req.actor, now, services.config, {
      username: req.body.username,
      password: req.body.password,
      userAgent: req.headers['user-agent'] ?? null,
      previousSessionId: req.cookies[cookieName],
    });
    setSessionCookie(reply, services, sessionId);
    const me = await getMe(services.db, { ...req.actor, kind: 'user', userId }, userId);
    return me;
  });

  api.post('/auth/logout', {
    config: { access: 'authenticated', allowPendingPasswordChange: true },
    schema: { tags, summary: '退出登录 Sign out', response: { 200: OkBody, ...errorResponses } },
  }, async (req, reply) => {
    const sid = req.cookies[sessionCookieName(services.config.https)];
    const now = services.clock();
    if (sid && req.actor.kind === 'user') {
      await services.db.transaction(async (tx) => {
        await deleteSession(tx, sid);
        await appendAudit(tx, req.actor, now, { action: 'auth.logout', entityType: 'user', entityId: req.actor.userId });
      });
    }
    clearSessionCookie(reply, services);
    return { ok: true as const };
  });

  api.get('/auth/me', {
    config: { access: 'authenticated', allowPendingPasswordChange: true },
    schema: { tags, summary: '当前用户 Current user', response: { 200: MeResponse, ...errorResponses } },
  }, async (req) => getMe(services.db, req.actor));

  api.post('/auth/change-password', {
    config: { access: 'authenticated', allowPendingPasswordChange: true },
    schema: { tags, summary: '修改密码 Change own password', body: ChangePasswordBody, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await changeOwnPassword(ctxOf(req, services), req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });

  api.patch('/auth/profile', {
    config: { access: 'authenticated', allowPendingPasswordChange: true },
    schema: { tags, summary: '修改个人资料 Update own profile', body: UpdateProfileBody, response: { 200: MeResponse, ...errorResponses } },
  }, async (req) => {
    await updateOwnProfile(ctxOf(req, services), req.body);
    return getMe(services.db, req.actor);
  });

  api.get('/auth/password-policy', {
    config: { access: 'public' },
    schema: { tags, summary: '密码策略 Password policy', response: { 200: PasswordPolicyResponse } },
  }, async () => {
    const p = await loadPasswordPolicy(services.db);
    return { minLength: p.minLength, complianceMode: p.complianceMode, maxAgeDays: p.maxAgeDays };
  });

  api.get('/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的 API 令牌 My API tokens', response: { 200: z.array(ApiTokenView), ...errorResponses } },
  }, async (req) => listOwnTokens(services.db, req.actor.userId ?? ''));

  api.post('/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '新建 API 令牌 Create an API token', body: CreateApiTokenBody, response: { 200: CreatedApiToken, ...errorResponses } },
  }, async (req) => createApiToken(ctxOf(req, services), req.body));

  api.delete('/auth/tokens/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '吊销 API 令牌 Revoke an API token', params: z.object({ id: z.string().uuid() }), response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await revokeApiToken(ctxOf(req, services), req.params.id);
    return { ok: true as const };
  });
}
