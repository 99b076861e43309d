import { healthContract } from '../../../core/health/health.contract.ts';
import { defineModule } from '../define-module.ts';
import { healthRoutes } from './health.routes.ts';

/** The public health check (load balancers, monitoring). */
export const healthModule = defineModule({
  name: 'health',
  contracts: [healthContract],
  routes: healthRoutes,
});
