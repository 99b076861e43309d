import { lazy, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '../../../core/permissions.ts';
import { can, homePath, passwordChangePending, syncLocaleWithUser, useMe } from '../features/auth/hooks/use-session.ts';
import { FullPageSpin } from '../shared/components/full-page-spin.tsx';
import { LoadError } from '../shared/components/load-error.tsx';

const ForbiddenPage = lazy(() => import('./status-pages.tsx').then((m) => ({ default: m.ForbiddenPage })));

/**
 * Lets signed-in users through. Without a session the user goes to /login (and comes back
 * afterwards); with a pending password change only the change-password page is reachable.
 */
export function RequireAuth({ children, passwordChange = false }: { children: ReactNode; passwordChange?: boolean }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  const userLocale = me?.locale;
  useEffect(() => {
    void syncLocaleWithUser(userLocale);
  }, [userLocale]);

  if (isPending) return <FullPageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} fullPage />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const pending = passwordChangePending(me);
  if (pending && !passwordChange) return <Navigate to="/change-password" replace />;
  if (!pending && passwordChange) return <Navigate to={homePath(me)} replace />;
  return <>{children}</>;
}

/** The login page is for signed-out visitors only. */
export function RequireSignedOut({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (me) {
    const next = new URLSearchParams(location.search).get('next');
    const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
    return <Navigate to={passwordChangePending(me) ? '/change-password' : (safeNext ?? homePath(me))} replace />;
  }
  return <>{children}</>;
}

/** Shows the 403 page instead of a module the user's roles do not grant. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { data: me } = useMe();
  if (!can(me, permission)) return <ForbiddenPage />;
  return <>{children}</>;
}
