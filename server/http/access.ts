import type { Permission } from '../../core/permissions.ts';
import type { Actor } from '../policies/actor.ts';

/**
 * Every /api route declares who may call it in `config.access`. A route without a declaration
 * is refused for everyone (fail closed); the access test enumerates all routes to prove it.
 *  - 'public': anyone (login, health, calendar look-ups…)
 *  - 'authenticated': any signed-in user, acting on their own data only
 *  - { permission }: signed in and granted that capability (scope is checked by the use case)
 * `allowPendingPasswordChange` lets a user who must change their password call the route.
 */
export type Access =
  | 'public'
  | 'authenticated'
  | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}
