import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignKind, CampaignState } from '../../../shared/campaigns.ts';
import { api } from '../../app/api.ts';
import type { Campaign, CampaignInput, Page, Progress, TestResult, UncertainRecipient } from './types.ts';

export type CampaignFilters = { state?: CampaignState; kind?: CampaignKind; limit?: number; offset?: number };

export function useCampaigns(filters: CampaignFilters, options: { refetch?: number | false } = {}) {
  return useQuery({
    queryKey: ['campaigns', filters],
    queryFn: () => api.get<Page<Campaign>>('/api/campaigns', filters),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetch,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['campaign', id],
    queryFn: () => api.get<Campaign>(`/api/campaigns/${id}`),
    enabled: Boolean(id),
  });
}

/** The mail as a subscriber receives it, rendered by the server (the reader's name as sample). */
export function useCampaignPreview(id: string | undefined, version: string) {
  return useQuery({
    queryKey: ['campaign-preview', id, version],
    queryFn: () => api.get<{ subject: string; html: string; text: string }>(`/api/campaigns/${id}/preview`),
    enabled: Boolean(id),
    retry: false,
  });
}

/** While a campaign is on its way: every 2 s (docs/api-campaigns.md). */
export function useProgress(id: string, isLive: boolean) {
  return useQuery({
    queryKey: ['campaign-progress', id],
    queryFn: () => api.get<Progress>(`/api/campaigns/${id}/progress`),
    refetchInterval: isLive ? 2000 : false,
  });
}

export function useUncertain(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['campaign-uncertain', id],
    queryFn: () => api.get<Page<UncertainRecipient>>(`/api/campaigns/${id}/uncertain`, { limit: 100 }),
    enabled,
  });
}

export function useInvalidateCampaigns() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) => String(query.queryKey[0]).startsWith('campaign') || query.queryKey[0] === 'lists',
    });
}

function useSetCampaign() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCampaigns();
  return (campaign: Campaign) => {
    queryClient.setQueryData(['campaign', campaign.id], campaign);
    void invalidate();
  };
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (input: CampaignInput) => api.post<Campaign>('/api/campaigns', input),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateCampaign(id: string) {
  const setCampaign = useSetCampaign();
  return useMutation({
    mutationFn: (input: Partial<Omit<CampaignInput, 'kind'>>) =>
      api.patch<Campaign>(`/api/campaigns/${id}`, input),
    onSuccess: setCampaign,
  });
}

export function useDeleteCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/campaigns/${id}`),
    onSuccess: () => void invalidate(),
  });
}

export function useTestSend(id: string) {
  return useMutation({
    mutationFn: (emails: string[]) =>
      api.post<{ results: TestResult[] }>(`/api/campaigns/${id}/test-send`, { emails }),
  });
}

export type CampaignAction =
  | { name: 'schedule'; body: { at: string } }
  | { name: 'send-now' | 'pause' | 'resume' | 'cancel' | 'retry-remaining'; body?: undefined }
  | { name: 'uncertain/resolve'; body: { as: 'sent' | 'resend'; contactIds?: string[] } };

export function useCampaignAction(id: string) {
  const setCampaign = useSetCampaign();
  return useMutation({
    mutationFn: (action: CampaignAction) =>
      api.post<Campaign>(`/api/campaigns/${id}/${action.name}`, action.body ?? {}),
    onSuccess: setCampaign,
  });
}
