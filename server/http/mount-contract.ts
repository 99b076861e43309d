import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Contract, Endpoint, EndpointInput, EndpointOutput } from '../../core/contract.ts';
import { ErrorBody } from '../../core/schemas/common.schema.ts';
import { ctxOf } from './context.ts';
import type { AppServices, Ctx } from '../kernel/context.ts';
import type { Api } from './api.ts';

/** The error responses every JSON endpoint documents. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  429: ErrorBody,
} as const;

/** What a handler gets: the validated input, the use-case context, and (rarely needed) the raw request and reply. */
export type HandlerArgs<E extends Endpoint> = EndpointInput<E> & {
  ctx: Ctx;
  req: FastifyRequest;
  reply: FastifyReply;
};

export type Handler<E extends Endpoint> = (args: HandlerArgs<E>) => Promise<EndpointOutput<E>>;

/** One handler per endpoint of the contract, by the endpoint's name; a missing one does not compile. */
export type Handlers<C extends Contract> = { [K in keyof C['endpoints']]: Handler<C['endpoints'][K]> };

/**
 * Mounts a contract's endpoints: the Zod schemas validate params, query and body and serialise
 * the answer; `access` goes into the route config, where the authentication hook enforces it
 * before the body is read (deny by default).
 */
export function mountContract<C extends Contract>(api: Api, services: AppServices, contract: C, handlers: Handlers<C>): void {
  for (const [name, e] of Object.entries(contract.endpoints)) {
    const handler = (handlers as Record<string, Handler<Endpoint>>)[name];
    if (!handler) throw new Error(`contract ${contract.tag}: no handler for ${name}`);
    api.route({
      method: e.method,
      url: e.path,
      config: { access: e.access, ...(e.allowPendingPasswordChange ? { allowPendingPasswordChange: true } : {}) },
      ...(e.bodyLimit ? { bodyLimit: e.bodyLimit } : {}),
      schema: {
        tags: [contract.tag],
        summary: e.summary,
        ...(e.description ? { description: e.description } : {}),
        ...(e.params ? { params: e.params } : {}),
        ...(e.query ? { querystring: e.query } : {}),
        ...(e.body ? { body: e.body } : {}),
        ...(e.response === 'file'
          ? {}
          : {
              response: { 200: e.response, ...errorResponses, ...Object.fromEntries((e.errorStatuses ?? []).map((s) => [s, ErrorBody])) },
            }),
      },
      handler: async (req, reply) =>
        handler({
          params: (req.params ?? {}) as never,
          query: (req.query ?? {}) as never,
          body: req.body as never,
          ctx: ctxOf(req, services),
          req,
          reply,
        }),
    });
  }
}
