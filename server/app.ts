import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { AppServices } from './kernel/context.ts';
import { installErrorHandler, sendError } from './http/error-handler.ts';
import { installSecurity } from './http/security.ts';
import { installAuthentication } from './http/authenticate.ts';
import { mountModules } from './modules/install.ts';
import { APP_VERSION } from './version.ts';

export type App = FastifyInstance;

/** One registered route with its declared access, for the access test and the docs. */
export interface RouteEntry {
  method: string;
  url: string;
  access: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface BuildOptions {
  database: Database;
  config: Config;
  clock?: () => Date;
  logger?: boolean;
  /** serve the built web app from config.webDist when present (default true) */
  serveWeb?: boolean;
}

/** Builds the HTTP application; the caller owns the database and listening. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { database, config } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    forceCloseConnections: false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services: AppServices = {
    db: database.db,
    config,
    engine: database.engine,
    clock: opts.clock ?? (() => new Date()),
    version: APP_VERSION,
  };

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      routeTable.push({ method: m, url: r.url, access: (r.config as { access?: unknown } | undefined)?.access });
    }
  });

  installErrorHandler(app);
  await app.register(cookie);
  installSecurity(app);
  installAuthentication(app, services);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Bidflow API', description: 'Bidflow 售前项目管理系统 API', version: APP_VERSION },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (bf_…)' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'bf_sid' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  await app.register(
    async (api) => {
      mountModules(api.withTypeProvider<ZodTypeProvider>(), services);
    },
    { prefix: '/api' },
  );

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const serveWeb = opts.serveWeb !== false && existsSync(path.join(config.webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('Cache-Control', 'public, max-age=31536000, immutable');
        } else {
          res.header('Cache-Control', 'no-cache');
        }
      },
    });
  }
  // Client-side routes fall back to index.html; unknown /api paths stay JSON 404s.
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !path.extname(req.url.split('?')[0] ?? '')) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return sendError(req, reply, 'not_found');
  });

  return app;
}
