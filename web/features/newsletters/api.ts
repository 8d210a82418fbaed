import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Page } from '../campaigns/types.ts';
import type { Candidate, Issue, IssuePatch } from './types.ts';

export function useIssues(page: { limit?: number; offset?: number } = {}) {
  return useQuery({
    queryKey: ['newsletters', page],
    queryFn: () => api.get<Page<Issue>>('/api/newsletters', page),
    placeholderData: keepPreviousData,
  });
}

/** While an issue is on its way (or waits for its archive page), every 2 s. */
export function useIssue(id: string) {
  return useQuery({
    queryKey: ['newsletter', id],
    queryFn: () => api.get<Issue>(`/api/newsletters/${id}`),
    refetchInterval: (query) => {
      const issue = query.state.data;
      if (!issue) return false;
      const state = issue.campaign.state;
      const waiting = state === 'scheduled' || state === 'sending' || (state === 'sent' && !issue.archiveUrl);
      return waiting ? 2000 : false;
    },
  });
}

export function useCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['newsletter-candidates', id],
    queryFn: () => api.get<Page<Candidate>>(`/api/newsletters/${id}/candidates`, { limit: 100 }),
    enabled,
  });
}

export function useCreateIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; listIds?: string[] }) => api.post<Issue>('/api/newsletters', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['newsletters'] }),
  });
}

export function useUpdateIssue(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: IssuePatch) => api.patch<Issue>(`/api/newsletters/${id}`, patch),
    onSuccess: (issue) => {
      queryClient.setQueryData(['newsletter', id], issue);
      void queryClient.invalidateQueries({ queryKey: ['newsletter-candidates', id] });
      void queryClient.invalidateQueries({ queryKey: ['campaign', issue.campaign.id] });
      void queryClient.invalidateQueries({ queryKey: ['newsletters'] });
    },
  });
}

export function useDeleteIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/newsletters/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['newsletters'] }),
  });
}
