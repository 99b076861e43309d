import { z } from 'zod';
import { databaseAnswers } from '../../queries/health.ts';
import type { AppServices } from '../../kernel/context.ts';
import type { Api } from '../types.ts';

const Health = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() });

export async function healthRoutes(api: Api, services: AppServices) {
  api.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: '健康检查 Health check', response: { 200: Health } },
  }, async () => {
    await databaseAnswers(services.db);
    return { status: 'ok' as const, db: services.engine, version: services.version };
  });
}
