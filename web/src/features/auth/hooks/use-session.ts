/**
 * The signed-in user (`GET /api/auth/me`), kept in the React Query cache under `['me']`:
 * `null` means nobody is signed in. Login, logout and the language switch update that entry.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../shared/api/client.ts';
import type { Locale, LoginBody, Me } from '../../../shared/api/types.ts';
import type { Permission } from '../../../../../core/permissions.ts';
import { changeLocale, currentLocale } from '../../../i18n/index.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api('GET /auth/me');
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** The user once the shell has checked the session (the route guards guarantee it). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a signed-in route');
  return data;
}

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return Boolean(me && me.grants[permission] !== undefined);
}

/** Whether the user must change the password before doing anything else. */
export function passwordChangePending(me: Me): boolean {
  return me.mustChangePassword || me.passwordExpired;
}

/** Where a user lands after signing in: the workspace (工作台). */
export function homePath(me: Me): string {
  if (passwordChangePending(me)) return '/change-password';
  return '/';
}

/** A language picked on the login page wins over the one saved on the profile. */
let localeChosenBeforeLogin: Locale | null = null;
export function rememberLocaleChoiceBeforeLogin(locale: Locale): void {
  localeChosenBeforeLogin = locale;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api('POST /auth/login', { body }),
    onSuccess: async (me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      let signedIn = me;
      const wanted = localeChosenBeforeLogin;
      localeChosenBeforeLogin = null;
      if (wanted && wanted !== me.locale) {
        try {
          signedIn = await api('PATCH /auth/profile', { body: { locale: wanted } });
        } catch {
          /* keep the profile's language; the UI still shows the chosen one */
        }
      }
      await changeLocale(wanted ?? signedIn.locale);
      qc.setQueryData(ME_KEY, signedIn);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('POST /auth/logout'),
    onSettled: () => signedOut(qc),
  });
}

/** Forgets everything cached for the previous user. */
export function signedOut(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  qc.setQueryData(ME_KEY, null);
}

/**
 * Switches the language; when signed in it is saved on the profile (PATCH /api/auth/profile)
 * and server-localized data (role names, permission labels) is fetched again.
 */
export function useSwitchLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      const me = qc.getQueryData<Me | null>(ME_KEY);
      await changeLocale(locale);
      if (!me) {
        rememberLocaleChoiceBeforeLogin(locale);
        return null;
      }
      if (me.locale === locale) return me;
      return api('PATCH /auth/profile', { body: { locale } });
    },
    onSuccess: async (me) => {
      if (!me) return;
      qc.setQueryData(ME_KEY, me);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** Brings the UI language in line with the signed-in user's saved one. */
export async function syncLocaleWithUser(userLocale: Locale | undefined): Promise<void> {
  if (userLocale && userLocale !== currentLocale()) await changeLocale(userLocale);
}
