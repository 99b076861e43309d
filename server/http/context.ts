import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import type { Config } from '../config.ts';

/** What a use case receives from the HTTP layer: never the request object itself. */
export interface Ctx {
  db: Db;
  actor: Actor;
  now: Date;
  config: Config;
}

export interface AppServices {
  db: Db;
  config: Config;
  engine: 'pglite' | 'postgres';
  clock: () => Date;
  version: string;
}

export function ctxOf(req: FastifyRequest, services: AppServices): Ctx {
  return { db: services.db, actor: req.actor, now: services.clock(), config: services.config };
}
