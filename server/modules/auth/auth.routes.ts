import { authContract } from '../../../core/auth/auth.contract.ts';
import type { Api } from '../../http/api.ts';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../../http/authenticate.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { loadPasswordPolicy } from '../../auth/security-settings.ts';
import { createApiToken, revokeApiToken } from './commands/api-tokens.ts';
import { changeOwnPassword } from './commands/change-own-password.ts';
import { login } from './commands/login.ts';
import { logout } from './commands/logout.ts';
import { updateOwnProfile } from './commands/update-own-profile.ts';
import { listOwnTokens } from './queries/api-tokens.ts';
import { getMe } from './queries/me.ts';

/** Sign in and out, the own account and personal API tokens; the session cookie is set and cleared here. */
export function authRoutes(api: Api, services: AppServices): void {
  const cookieName = sessionCookieName(services.config.https);

  mountContract(api, services, authContract, {
    login: async ({ ctx, body, req, reply }) => {
      const { userId, sessionId } = await login(ctx, {
        username: body.username,
        password: body.password,
        userAgent: req.headers['user-agent'] ?? null,
        previousSessionId: req.cookies[cookieName],
      });
      setSessionCookie(reply, services, sessionId);
      return getMe(ctx.db, { ...ctx.actor, kind: 'user', userId }, userId);
    },
    logout: async ({ ctx, req, reply }) => {
      await logout(ctx, req.cookies[cookieName]);
      clearSessionCookie(reply, services);
      return { ok: true as const };
    },
    me: async ({ ctx }) => getMe(ctx.db, ctx.actor),
    changePassword: async ({ ctx, body }) => {
      await changeOwnPassword(ctx, body.currentPassword, body.newPassword);
      return { ok: true as const };
    },
    updateProfile: async ({ ctx, body }) => {
      await updateOwnProfile(ctx, body);
      return getMe(ctx.db, ctx.actor);
    },
    passwordPolicy: async ({ ctx }) => {
      const p = await loadPasswordPolicy(ctx.db);
      return { minLength: p.minLength, complianceMode: p.complianceMode, maxAgeDays: p.maxAgeDays };
    },
    listTokens: async ({ ctx }) => listOwnTokens(ctx.db, ctx.actor.userId ?? ''),
    createToken: async ({ ctx, body }) => createApiToken(ctx, body),
    revokeToken: async ({ ctx, params }) => {
      await revokeApiToken(ctx, params.id);
      return { ok: true as const };
    },
  });
}
