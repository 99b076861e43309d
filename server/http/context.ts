import type { FastifyRequest } from 'fastify';
import type { AppServices, Ctx } from '../kernel/context.ts';

/** The use-case context of one request. */
export function ctxOf(req: FastifyRequest, services: AppServices): Ctx {
  return { db: services.db, actor: req.actor, now: services.clock(), config: services.config };
}
