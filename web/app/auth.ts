import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/roles.ts';
import { ApiError, api } from './api.ts';
import { i18next, storedLocale, storeLocale } from './i18n.ts';
import type { Me, MeAbility } from './types.ts';

export const meQueryKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in person (`null` when signed out), shared by every component. */
export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useMe(): Me | null {
  return useMeQuery().data ?? null;
}

/** What the app may offer the signed-in person; never re-derive these from roles. */
export function useAbilities(): Partial<Record<MeAbility, boolean>> {
  return useMe()?.abilities ?? {};
}

/**
 * After a sign-in: a language picked on this device wins (and is saved to the profile);
 * otherwise the profile's language is applied.
 */
async function reconcileLocale(me: Me): Promise<void> {
  const chosen = storedLocale();
  if (chosen && chosen !== me.locale) {
    await api.patch(`/api/people/${me.id}`, { locale: chosen }).catch(() => undefined);
  } else if (!chosen && (me.locale === 'fr' || me.locale === 'en')) {
    await i18next.changeLanguage(me.locale);
  }
}

/** Puts a freshly signed-in person in the cache and refetches what depended on being anonymous. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return async (me: Me) => {
    await reconcileLocale(me);
    queryClient.setQueryData(meQueryKey, { ...me, locale: storedLocale() ?? me.locale });
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  };
}

export function useSignIn() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<Me>('/api/session', input),
    onSuccess: signedIn,
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/session'),
    onSettled: () => {
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
  });
}

/** Switches the interface language, remembers it on this device and, when signed in, on the profile. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const me = useMe();
  return async (locale: Locale) => {
    storeLocale(locale);
    await i18next.changeLanguage(locale);
    if (me && me.locale !== locale) {
      queryClient.setQueryData<Me | null>(meQueryKey, (old) => (old ? { ...old, locale } : old));
      await api.patch(`/api/people/${me.id}`, { locale }).catch(() => undefined);
    }
  };
}
