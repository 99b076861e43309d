import { authContract } from '../../../core/auth/auth.contract.ts';
import { defineModule } from '../define-module.ts';
import { authRoutes } from './auth.routes.ts';

/**
 * Signing in (per-IP limit, lockout, audited attempts), signing out, the own account and
 * personal API tokens. Passwords, sessions, tokens and the password policy themselves are
 * platform services in server/auth/.
 */
export const authModule = defineModule({
  name: 'auth',
  contracts: [authContract],
  routes: authRoutes,
});
