import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/client.ts';
import { ME_KEY, signedOut } from '../features/auth/hooks/use-session.ts';

/**
 * One QueryClient for the app. A 401 on any call means the session ended (idle timeout,
 * logout elsewhere): the user is sent back to the login page. A 403 asking for a password
 * change re-reads `me`, which routes to the forced change-password page.
 */
export function createQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (!isApiError(err)) return;
    if (err.status === 401 && err.code === 'unauthenticated') {
      if (qc.getQueryData(ME_KEY)) signedOut(qc);
    } else if (err.code === 'password_change_required' || err.code === 'password_expired') {
      void qc.invalidateQueries({ queryKey: ME_KEY });
    }
  };
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return qc;
}
