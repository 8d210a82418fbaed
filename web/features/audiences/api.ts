import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberState, SuppressionReason, SuppressionScope } from '../../../shared/campaigns.ts';
import { api, withQuery } from '../../app/api.ts';
import type {
  ImportReport,
  ListInput,
  MailingList,
  Page,
  Subscriber,
  SubscriberInput,
  Suppression,
} from '../campaigns/types.ts';

/** Everything that shows list counts: the lists, one list, its subscribers, campaigns' audiences. */
export function useInvalidateAudiences() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) =>
        ['lists', 'list', 'subscribers', 'suppressions'].includes(String(query.queryKey[0])),
    });
}

export function useLists(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['lists'],
    queryFn: () => api.get<{ items: MailingList[] }>('/api/lists'),
    enabled: options.enabled ?? true,
  });
}

export function useList(id: string) {
  return useQuery({
    queryKey: ['list', id],
    queryFn: () => api.get<MailingList>(`/api/lists/${id}`),
    enabled: Boolean(id),
  });
}

export function useCreateList() {
  const invalidate = useInvalidateAudiences();
  return useMutation({
    mutationFn: (input: ListInput) => api.post<MailingList>('/api/lists', input),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateList(id: string) {
  const invalidate = useInvalidateAudiences();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ListInput>) => api.patch<MailingList>(`/api/lists/${id}`, input),
    onSuccess: (list) => {
      queryClient.setQueryData(['list', id], list);
      void invalidate();
    },
  });
}

export function useDeleteList() {
  const invalidate = useInvalidateAudiences();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/lists/${id}`),
    onSuccess: () => void invalidate(),
  });
}

export type SubscriberFilters = { q?: string; state?: MemberState; limit: number; offset: number };

export function useSubscribers(listId: string, filters: SubscriberFilters) {
  return useQuery({
    queryKey: ['subscribers', listId, filters],
    queryFn: () => api.get<Page<Subscriber>>(`/api/lists/${listId}/subscribers`, filters),
    placeholderData: keepPreviousData,
  });
}

export function useAddSubscriber(listId: string) {
  const invalidate = useInvalidateAudiences();
  return useMutation({
    mutationFn: (input: SubscriberInput) => api.post<Subscriber>(`/api/lists/${listId}/subscribers`, input),
    onSuccess: () => void invalidate(),
  });
}

export function useRemoveSubscriber(listId: string) {
  const invalidate = useInvalidateAudiences();
  return useMutation({
    mutationFn: (contactId: string) => api.delete(`/api/lists/${listId}/subscribers/${contactId}`),
    onSuccess: () => void invalidate(),
  });
}

export function useImport(listId: string) {
  const invalidate = useInvalidateAudiences();
  return useMutation({
    mutationFn: (input: { csv: string; commit: boolean }) =>
      api.post<ImportReport>(`/api/lists/${listId}/import`, input),
    onSuccess: (report) => {
      if (report.committed) void invalidate();
    },
  });
}

export const exportUrl = (listId: string, state?: MemberState) =>
  withQuery(`/api/lists/${listId}/export`, { state });

export type SuppressionFilters = { q?: string; reason?: SuppressionReason; limit: number; offset: number };

export function useSuppressions(filters: SuppressionFilters) {
  return useQuery({
    queryKey: ['suppressions', filters],
    queryFn: () => api.get<Page<Suppression>>('/api/suppressions', filters),
    placeholderData: keepPreviousData,
  });
}

export type SuppressionInput = {
  email: string;
  scope?: SuppressionScope;
  reason?: 'manual' | 'complaint';
  detail?: string;
};

export function useAddSuppression() {
  const invalidate = useInvalidateAudiences();
  return useMutation({
    mutationFn: (input: SuppressionInput) => api.post<Suppression>('/api/suppressions', input),
    onSuccess: () => void invalidate(),
  });
}

export function useLiftSuppression() {
  const invalidate = useInvalidateAudiences();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/suppressions/${id}`),
    onSuccess: () => void invalidate(),
  });
}
