import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** Sign-in and the forced change of the initial password (outside the shell; no menu items). */
export const authModule = defineWebModule({
  name: 'auth',
  routes: [
    { path: '/login', page: lazyPage(() => import('./pages/login-page.tsx'), 'LoginPage'), frame: 'signed-out' },
    { path: '/change-password', page: lazyPage(() => import('./pages/forced-password-page.tsx'), 'ForcedPasswordPage'), frame: 'password-change' },
  ],
});
