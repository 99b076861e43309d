import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { FullPageSpin } from '../shared/components/full-page-spin.tsx';
import { AppLayout } from './app-layout.tsx';
import { RequireAuth, RequirePermission, RequireSignedOut } from './guards.tsx';
import { WEB_MODULES } from './module-list.ts';
import type { WebRoute } from './web-module.ts';

// Every page is its own chunk (the modules' lazy pages): the first load carries only the shell and the login page.
const NotFoundPage = lazy(() => import('./status-pages.tsx').then((m) => ({ default: m.NotFoundPage })));

const ROUTES: readonly WebRoute[] = WEB_MODULES.flatMap((m) => m.routes);
const framed = (frame: NonNullable<WebRoute['frame']>) => ROUTES.filter((r) => (r.frame ?? 'shell') === frame);

/** The page, behind the 403 page when the route needs a permission. */
function guarded(route: WebRoute): ReactNode {
  const Page = route.page;
  return route.permission ? (
    <RequirePermission permission={route.permission}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
}

/** A page outside the shell, with its own loading state. */
function standalone(route: WebRoute): ReactNode {
  return <Suspense fallback={<FullPageSpin />}>{guarded(route)}</Suspense>;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        {framed('signed-out').map((r) => (
          <Route key={r.path} path={r.path} element={<RequireSignedOut>{standalone(r)}</RequireSignedOut>} />
        ))}
        {framed('password-change').map((r) => (
          <Route key={r.path} path={r.path} element={<RequireAuth passwordChange>{standalone(r)}</RequireAuth>} />
        ))}
        <Route
          path="/"
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          {framed('shell').map((r) =>
            r.path === '/' ? (
              <Route key={r.path} index element={guarded(r)} />
            ) : (
              <Route key={r.path} path={r.path.slice(1)} element={guarded(r)} />
            ),
          )}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
