import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { useSignedIn } from '../../app/auth.ts';
import type { DemoAccount, Me } from '../../app/types.ts';

/** The demo accounts, or an empty list when the server is not in demo mode (404). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demoAccounts'],
    queryFn: async () => {
      try {
        return await api.get<DemoAccount[]>('/api/demo/accounts');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post('/api/password-resets', { email }) });
}

/** A reset or invitation link: whom it is for, and choosing the password through it. */
export type LinkKind = 'password-resets' | 'invitations';
export type LinkOwner = { email: string; firstName: string; lastName: string };

export function useLinkOwner(kind: LinkKind, token: string) {
  return useQuery({
    queryKey: ['link', kind, token],
    queryFn: () => api.get<LinkOwner>(`/api/${kind}/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useChoosePassword(kind: LinkKind, token: string) {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (password: string) => api.post<Me>(`/api/${kind}/${encodeURIComponent(token)}`, { password }),
    onSuccess: signedIn,
  });
}
