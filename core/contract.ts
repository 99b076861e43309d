/**
 * The HTTP contract of a module: one table of endpoints (method, path, params, query, body,
 * response, access). The same table feeds three things, so none of them is written twice:
 *  - the server mounts its routes from it (`server/http/mount-contract.ts`), with the Zod
 *    schemas validating input and serialising the answer, and `access` enforced before the body
 *    is read;
 *  - the web client's types are inferred from it (`ContractRoutes`, used by
 *    `web/src/shared/api/routes.ts`), so a page cannot call an endpoint that does not exist or
 *    send a body the server would refuse;
 *  - the access-matrix test enumerates every endpoint from the contracts of the module list.
 *
 * Paths are relative to `/api`. A contract holds only data (schemas and literals): no handler,
 * no Node, no database.
 */
import type { z } from 'zod';
import type { Permission } from './permissions.ts';

/**
 * Who may call an endpoint:
 *  - 'public': anyone (login, health, calendar look-ups…)
 *  - 'authenticated': any signed-in user, acting on their own data only
 *  - { permission }: signed in and granted that capability (the data scope is checked by the use case)
 */
export type Access = 'public' | 'authenticated' | { readonly permission: Permission };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  readonly method: HttpMethod;
  /** relative to /api, with `:name` placeholders */
  readonly path: `/${string}`;
  /** one line, Chinese then English, shown in the OpenAPI document */
  readonly summary: string;
  /** a longer explanation for the OpenAPI document */
  readonly description?: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** the 200 answer; 'file' for a download (.xlsx, an attachment) sent as bytes */
  readonly response: z.ZodType | 'file';
  /** error statuses documented besides the usual ones (400, 401, 403, 404, 409, 413, 429), e.g. 422 */
  readonly errorStatuses?: readonly number[];
  /** a user who must change their password may still call it (sign-out, me, change password…) */
  readonly allowPendingPasswordChange?: boolean;
  /** bytes; for endpoints that take a file as base64 JSON */
  readonly bodyLimit?: number;
}

export interface Contract<E extends Record<string, Endpoint> = Record<string, Endpoint>> {
  /** the OpenAPI tag of every endpoint */
  readonly tag: string;
  readonly endpoints: E;
}

/** Declares a module's endpoints; the names (keys) are the handlers' names on the server. */
export function defineContract<const E extends Record<string, Endpoint>>(tag: string, endpoints: E): Contract<E> {
  return { tag, endpoints };
}

/** `'GET /cases/:id'`: how the web client and the access matrix name an endpoint. */
export type EndpointKey<E extends Endpoint> = `${E['method']} ${E['path']}`;

export function endpointKey(e: Endpoint): string {
  return `${e.method} ${e.path}`;
}

type Schema<E, F extends 'params' | 'query' | 'body'> = E extends { readonly [K in F]: infer S extends z.ZodType } ? S : never;

/** What a caller sends and receives: query values are all optional (the server fills defaults). */
export type EndpointTypes<E extends Endpoint> = ([Schema<E, 'query'>] extends [never]
  ? unknown
  : { query: Partial<z.input<Schema<E, 'query'>>> }) &
  ([Schema<E, 'body'>] extends [never] ? unknown : { body: z.input<Schema<E, 'body'>> }) & {
    res: E['response'] extends z.ZodType ? z.output<E['response']> : Blob;
  };

/** A contract as the map `'METHOD /path'` → `{ query?, body?, res }`. */
export type ContractRoutes<C extends Contract> = {
  [K in keyof C['endpoints'] as EndpointKey<C['endpoints'][K]>]: EndpointTypes<C['endpoints'][K]>;
};

/** What the server handler of an endpoint receives, after validation. */
export interface EndpointInput<E extends Endpoint> {
  params: [Schema<E, 'params'>] extends [never] ? Record<string, never> : z.output<Schema<E, 'params'>>;
  query: [Schema<E, 'query'>] extends [never] ? Record<string, never> : z.output<Schema<E, 'query'>>;
  body: [Schema<E, 'body'>] extends [never] ? undefined : z.output<Schema<E, 'body'>>;
}

/** What the server handler returns: the response schema's input (it is serialised through it). */
export type EndpointOutput<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : unknown;
