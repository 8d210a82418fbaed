import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoryKind, TipState } from '../../../shared/stories.ts';
import { api } from '../../app/api.ts';
import { postForm } from '../stories/api.ts';
import type { Tip, TipsPage } from '../stories/types.ts';

export type TipFilters = { state?: TipState; lab?: string; limit?: number; offset?: number };

export function useTips(filters: TipFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['tips', filters],
    queryFn: () => api.get<TipsPage>('/api/tips', filters),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export type TipInput = { what: string; when: string; who: string; labId?: string; photo?: File | null };

/** JSON without a photo; multipart with one (fields first, then the file). */
export function useSendTip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ photo, ...fields }: TipInput) => {
      const body = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''),
      );
      if (!photo) return api.post<Tip>('/api/tips', body);
      const form = new FormData();
      for (const [key, value] of Object.entries(body)) form.append(key, String(value));
      form.append('photo', photo, photo.name || 'photo.jpg');
      return postForm<Tip>('/api/tips', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tips'] }),
  });
}

function useInvalidateTips() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) => ['tips', 'stories', 'notifications'].includes(String(query.queryKey[0])),
    });
}

export function useConvertTip() {
  const invalidate = useInvalidateTips();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; title?: string; kind?: StoryKind }) =>
      api.post<{ tip: Tip; storyId: string }>(`/api/tips/${id}/convert`, input),
    onSuccess: invalidate,
  });
}

export function useDismissTip() {
  const invalidate = useInvalidateTips();
  return useMutation({
    mutationFn: ({ id, message }: { id: string; message: string }) =>
      api.post<Tip>(`/api/tips/${id}/dismiss`, { message }),
    onSuccess: invalidate,
  });
}
