import { z } from 'zod';
import { defineContract } from '../contract.ts';

export const HealthResponse = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() });

/** Liveness: the database answers; which engine and which build. */
export const healthContract = defineContract('system', {
  health: {
    method: 'GET',
    path: '/health',
    summary: '健康检查 Health check',
    access: 'public',
    response: HealthResponse,
  },
});
