// The signed-in user, as the server sees them. `null` means signed out.
import type { TLocale, TMe } from '@opencourt/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../api/client.ts';

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<TMe | null> {
  try {
    return await api.get<TMe>('/me');
  } catch (err) {
    if (isApiError(err, 401)) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** After a sign-in step: reload who we are (the stage may have moved on). */
export const refreshMe = (client: QueryClient) => client.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });

/** Forget everything cached for the previous user and mark the session as gone. */
export function forgetSession(client: QueryClient) {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  client.setQueryData(meQueryKey, null);
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) =>
      everywhere ? api.post<{ revokedSessions: number }>('/auth/logout-everywhere') : api.post('/auth/logout').then(() => undefined),
    onSettled: () => forgetSession(client),
  });
}

/** Saves the language choice to the account, so other devices and server messages follow it. */
export async function saveAccountLocale(client: QueryClient, locale: TLocale) {
  const me = client.getQueryData<TMe | null>(meQueryKey);
  if (!me || me.stage !== 'full' || me.locale === locale) return;
  await api.put('/me/locale', { locale });
  client.setQueryData(meQueryKey, (old: TMe | null | undefined) => (old ? { ...old, locale } : old));
}
