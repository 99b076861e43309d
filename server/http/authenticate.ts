import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { pickLocale } from '../../core/i18n/locale.ts';
import { actorFromSession, actorFromToken } from '../auth/sessions.ts';
import { anonymousActor } from '../policies/actor.ts';
import type { AppServices } from '../kernel/context.ts';
import './access.ts';

export function sessionCookieName(https: boolean): string {
  return https ? '__Host-bf_sid' : 'bf_sid';
}

export function setSessionCookie(reply: FastifyReply, services: AppServices, id: string): void {
  reply.setCookie(sessionCookieName(services.config.https), id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.https,
    maxAge: Math.floor(services.config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, services: AppServices): void {
  reply.clearCookie(sessionCookieName(services.config.https), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.https,
  });
}

/**
 * Resolves the actor of each /api request (session cookie or bearer token) and enforces the
 * route's declared access before any handler runs. Undeclared routes are refused.
 */
export function installAuthentication(app: FastifyInstance, services: AppServices): void {
  app.decorateRequest('actor', null as never);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const ip = req.ip ?? null;
    req.actor = anonymousActor(ip, pickLocale(req.headers['accept-language']));
    if (!req.url.startsWith('/api/')) return;
    const now = services.clock();
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && auth.length > 0) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const actor = m?.[1] ? await actorFromToken(services.db, m[1], now, ip) : null;
      // A presented but invalid token is an error, never a silent fallback to anonymous.
      if (!actor) throw new AppError('unauthenticated');
      req.actor = actor;
    } else {
      const sid = req.cookies[sessionCookieName(services.config.https)];
      if (sid) {
        const actor = await actorFromSession(services.db, sid, now, services.config, ip);
        if (actor) req.actor = actor;
      }
    }
    // Access is decided before the body is parsed or validated.
    enforceAccess(req);
  });
}

function enforceAccess(req: FastifyRequest): void {
  const cfg = req.routeOptions.config;
  const access = cfg.access;
  if (!access) {
    // routes registered by plugins (docs UI, 404) are public by construction; ours declare access
    if (req.routeOptions.url === undefined || req.url.startsWith('/api/docs')) return;
    throw new AppError('forbidden');
  }
  if (access === 'public') return;
  if (req.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if ((req.actor.mustChangePassword || req.actor.passwordExpired) && !cfg.allowPendingPasswordChange) {
    throw new AppError(req.actor.mustChangePassword ? 'password_change_required' : 'password_expired');
  }
  if (access === 'authenticated') return;
  if (!req.actor.grants.has(access.permission)) throw new AppError('forbidden', {}, { permission: access.permission });
}
