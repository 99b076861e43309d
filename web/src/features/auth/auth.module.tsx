import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { healthContract } from '../../../../core/health/health.contract.ts';
import type { authContract } from '../../../../core/auth/auth.contract.ts';

/** Sign-in and the forced change of the initial password (outside the shell; no menu items). */
export const authModule: WebModule<typeof healthContract | typeof authContract> = defineWebModule({
  name: 'auth',
  routes: [
    { path: '/login', page: lazyPage(() => import('./pages/login-page.tsx'), 'LoginPage'), frame: 'signed-out' },
    {
      path: '/change-password',
      page: lazyPage(() => import('./pages/forced-password-page.tsx'), 'ForcedPasswordPage'),
      frame: 'password-change',
    },
  ],
});
