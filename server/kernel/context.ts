import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import type { Config } from '../config.ts';

/** What a use case receives from whoever calls it (HTTP, a job, the demo seed): never the request object. */
export interface Ctx {
  db: Db;
  actor: Actor;
  now: Date;
  config: Config;
}

/** What the application is built from: one database, the configuration and a clock (tests move it). */
export interface AppServices {
  db: Db;
  config: Config;
  engine: 'pglite' | 'postgres';
  clock: () => Date;
  version: string;
}
