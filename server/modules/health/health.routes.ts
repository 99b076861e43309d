import { healthContract } from '../../../core/health/health.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { databaseAnswers } from './queries/health.ts';

/** Health check: answers once the database does. */
export function healthRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, healthContract, {
    health: async ({ ctx }) => {
      await databaseAnswers(ctx.db);
      return { status: 'ok' as const, db: services.engine, version: services.version };
    },
  });
}
