import type { Access } from '../../core/contract.ts';
import type { Actor } from '../policies/actor.ts';

/**
 * Every /api route declares who may call it in `config.access` (see `Access` in
 * core/contract.ts; contracts set it for every endpoint). A route without a declaration is
 * refused for everyone (fail closed); the access test enumerates all routes to prove it.
 * `allowPendingPasswordChange` lets a user who must change their password call the route.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}
