import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RelayState, StoryKind, StoryState } from '../../../shared/stories.ts';
import { ApiError, api, type FieldErrors } from '../../app/api.ts';
import type { HistoryEntry, Items } from '../../app/types.ts';
import type {
  Attachment,
  AttachmentFields,
  Channel,
  StoriesPage,
  Story,
  StoryComment,
  StoryInput,
} from './types.ts';

export type StorySort = 'recent' | 'waiting' | 'relevance';

export type StoryFilters = {
  q?: string;
  state?: StoryState[];
  lab?: string;
  delegation?: string;
  kind?: StoryKind | '';
  theme?: string;
  mine?: boolean;
  relayScope?: 'institute' | 'national' | 'regional' | 'other';
  relayState?: RelayState[];
  sort?: StorySort;
  limit?: number;
  offset?: number;
};

/** `state` repeats (`?state=submitted&state=in_review`), which `withQuery` does not do. */
export function storiesPath(filters: StoryFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/api/stories?${text}` : '/api/stories';
}

export function useStories(filters: StoryFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['stories', filters],
    queryFn: () => api.get<StoriesPage>(storiesPath(filters)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useStory(id: string | undefined) {
  return useQuery({
    queryKey: ['story', id],
    queryFn: () => api.get<Story>(`/api/stories/${id}`),
    enabled: Boolean(id),
  });
}

export function useStoryHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['history', 'story', id],
    queryFn: () => api.get<Items<HistoryEntry>>(`/api/stories/${id}/history`),
    enabled,
  });
}

export function useChannels() {
  return useQuery({
    queryKey: ['channels'],
    queryFn: () => api.get<Items<Channel>>('/api/channels'),
    staleTime: 5 * 60_000,
  });
}

/** After any change to a story: its page, the lists, its history, the bell. */
export function useInvalidateStories() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) =>
        ['stories', 'story', 'history', 'attachments', 'comments', 'notifications', 'tips'].includes(
          String(query.queryKey[0]),
        ),
    });
}

export function useSaveStory(id: string | null) {
  const invalidate = useInvalidateStories();
  return useMutation({
    mutationFn: (input: Partial<StoryInput>) =>
      id ? api.patch<Story>(`/api/stories/${id}`, input) : api.post<Story>('/api/stories', input),
    onSuccess: invalidate,
  });
}

export function useDeleteStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/stories/${id}`),
    onSuccess: (_, id) => {
      // Gone: drop it rather than ask again (404), then refresh the lists.
      for (const key of ['story', 'attachments', 'comments'])
        queryClient.removeQueries({ queryKey: [key, id] });
      queryClient.removeQueries({ queryKey: ['history', 'story', id] });
      return queryClient.invalidateQueries({ queryKey: ['stories'] });
    },
  });
}

export type StoryTransitionName = 'submit' | 'review' | 'request-changes' | 'accept' | 'decline';

export function useStoryTransition(id: string) {
  const invalidate = useInvalidateStories();
  return useMutation({
    mutationFn: ({ name, message }: { name: StoryTransitionName; message?: string }) =>
      api.post<Story>(`/api/stories/${id}/${name}`, message === undefined ? {} : { message }),
    onSuccess: invalidate,
  });
}

export function useRelayStory(id: string) {
  const invalidate = useInvalidateStories();
  return useMutation({
    mutationFn: (input: { channelIds: string[]; note?: string }) =>
      api.post<Story>(`/api/stories/${id}/relays`, input),
    onSuccess: invalidate,
  });
}

export type RelayOutcome =
  | { name: 'sent' }
  | { name: 'published'; url: string; publishedOn?: string }
  | { name: 'not-taken'; reason: string };

export function useRelayOutcome() {
  const invalidate = useInvalidateStories();
  return useMutation({
    mutationFn: ({ relayId, outcome }: { relayId: string; outcome: RelayOutcome }) => {
      const { name, ...body } = outcome;
      return api.post<Story>(`/api/relays/${relayId}/${name}`, body);
    },
    onSuccess: invalidate,
  });
}

export function useComments(storyId: string, enabled = true) {
  return useQuery({
    queryKey: ['comments', storyId],
    queryFn: () => api.get<Items<StoryComment>>(`/api/stories/${storyId}/comments`),
    enabled,
  });
}

export function useAddComment(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; mentionIds: string[] }) =>
      api.post<Items<StoryComment>>(`/api/stories/${storyId}/comments`, input),
    onSuccess: (data) => {
      queryClient.setQueryData(['comments', storyId], data);
      void queryClient.invalidateQueries({ queryKey: ['history', 'story', storyId] });
    },
  });
}

export function useDeleteComment(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => api.delete(`/api/comments/${commentId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['comments', storyId] }),
  });
}

export function useAttachments(storyId: string | undefined) {
  return useQuery({
    queryKey: ['attachments', storyId],
    queryFn: () => api.get<Items<Attachment>>(`/api/stories/${storyId}/attachments`),
    enabled: Boolean(storyId),
  });
}

/** Multipart POST with the API's error shape (the shared client speaks JSON only). */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; fields?: FieldErrors } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? response.statusText,
      error?.fields ?? {},
    );
  }
  return payload as T;
}

export function useUploadAttachment(storyId: string) {
  const invalidate = useInvalidateStories();
  return useMutation({
    mutationFn: ({ file, fields }: { file: File; fields: AttachmentFields }) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) form.append(key, String(value));
      }
      // Fields first: the server reads them before the file's stream.
      form.append('file', file, file.name);
      return postForm<Attachment>(`/api/stories/${storyId}/attachments`, form);
    },
    onSuccess: invalidate,
  });
}

export function useUpdateAttachment(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fields }: { id: string; fields: AttachmentFields }) =>
      api.patch<Attachment>(`/api/stories/${storyId}/attachments/${id}`, fields),
    onSuccess: (saved) => {
      queryClient.setQueryData<Items<Attachment>>(['attachments', storyId], (old) =>
        old ? { items: old.items.map((item) => (item.id === saved.id ? saved : item)) } : old,
      );
    },
  });
}

export function useDeleteAttachment(storyId: string) {
  const invalidate = useInvalidateStories();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/stories/${storyId}/attachments/${id}`),
    onSuccess: invalidate,
  });
}
