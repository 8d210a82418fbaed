import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestBox, RequestState, SolicitationState } from '../../../shared/requests.ts';
import { api } from '../../app/api.ts';
import type { HistoryEntry, Items } from '../../app/types.ts';
import { postForm } from '../stories/api.ts';
import type {
  AnswerFile,
  AnswerInput,
  DeadlineInput,
  RequestDetail,
  RequestInput,
  RequestsPage,
  Solicitation,
  SolicitationInput,
  SolicitationsPage,
  TargetsInput,
} from './types.ts';

export type RequestFilters = {
  box?: RequestBox;
  state?: RequestState[];
  q?: string;
  lab?: string;
  waiting?: boolean;
  limit?: number;
  offset?: number;
};

/** `state` repeats (`?state=open&state=to_route`), which `withQuery` does not do. */
export function requestsPath(filters: RequestFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/api/requests?${text}` : '/api/requests';
}

export function useRequests(filters: RequestFilters, options: { enabled?: boolean; refetch?: number } = {}) {
  return useQuery({
    queryKey: ['requests', filters],
    queryFn: () => api.get<RequestsPage>(requestsPath(filters)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetch,
  });
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: ['request', id],
    queryFn: () => api.get<RequestDetail>(`/api/requests/${id}`),
    enabled: Boolean(id),
  });
}

export function useRequestHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['history', 'request', id],
    queryFn: () => api.get<Items<HistoryEntry>>(`/api/requests/${id}/history`),
    enabled,
  });
}

/** After any change: the lists, the page, its history, the bell, the solicitations. */
export function useInvalidateRequests() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) =>
        ['requests', 'request', 'history', 'notifications', 'solicitations'].includes(
          String(query.queryKey[0]),
        ),
    });
}

/** Puts the answer of a state change in the cache at once, then refreshes the rest. */
function useSetRequest() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRequests();
  return (detail: RequestDetail) => {
    queryClient.setQueryData(['request', detail.id], detail);
    void invalidate();
  };
}

export function useCreateRequest() {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: (input: RequestInput) => api.post<RequestDetail>('/api/requests', input),
    onSuccess: () => void invalidate(),
  });
}

export type ForwardInput = Partial<TargetsInput> & { context?: string; deadline?: DeadlineInput };

export type RequestAction =
  | { name: 'forward'; body: ForwardInput }
  | { name: 'answer-by-cell' | 'decline'; body: { message: string } }
  | { name: 'close'; body: { message?: string } }
  | { name: 'seen'; body?: undefined };

export function useRequestAction(id: string) {
  const setRequest = useSetRequest();
  return useMutation({
    mutationFn: (action: RequestAction) =>
      api.post<RequestDetail>(`/api/requests/${id}/${action.name}`, action.body ?? {}),
    onSuccess: setRequest,
  });
}

export function useMarkAnswerUsed(requestId: string) {
  const setRequest = useSetRequest();
  return useMutation({
    mutationFn: ({ answerId, isUsed }: { answerId: string; isUsed: boolean }) =>
      api.post<RequestDetail>(`/api/requests/${requestId}/answers/${answerId}/${isUsed ? 'used' : 'unused'}`),
    onSuccess: setRequest,
  });
}

export function useReminderAction(requestId: string) {
  const setRequest = useSetRequest();
  return useMutation({
    mutationFn: ({ reminderId, name }: { reminderId: string; name: 'resend' | 'mark-sent' }) =>
      api.post<RequestDetail>(`/api/requests/${requestId}/reminders/${reminderId}/${name}`),
    onSuccess: setRequest,
  });
}

export function useAddAnswer(requestId: string) {
  const setRequest = useSetRequest();
  return useMutation({
    mutationFn: (input: AnswerInput) =>
      api.post<{ answerId: string; request: RequestDetail }>(`/api/requests/${requestId}/answers`, input),
    onSuccess: (result) => setRequest(result.request),
  });
}

export function useUploadAnswerFile(requestId: string) {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: ({ answerId, file }: { answerId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return postForm<AnswerFile>(`/api/requests/${requestId}/answers/${answerId}/files`, form);
    },
    onSuccess: () => void invalidate(),
  });
}

export type SolicitationFilters = {
  state?: SolicitationState;
  q?: string;
  lab?: string;
  limit?: number;
  offset?: number;
};

export function useSolicitations(filters: SolicitationFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['solicitations', filters],
    queryFn: () => api.get<SolicitationsPage>('/api/solicitations', filters),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useRecordSolicitation() {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: (input: SolicitationInput) => api.post<Solicitation>('/api/solicitations', input),
    onSuccess: () => void invalidate(),
  });
}

export type RouteSolicitationInput = {
  kind?: string;
  title?: string;
  deadline: DeadlineInput;
  reminderDays?: number[];
};

export function useRouteSolicitation() {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RouteSolicitationInput }) =>
      api.post<{ solicitation: Solicitation; requestId: string }>(`/api/solicitations/${id}/route`, input),
    onSuccess: () => void invalidate(),
  });
}

export function useDismissSolicitation() {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: ({ id, message }: { id: string; message?: string }) =>
      api.post<Solicitation>(`/api/solicitations/${id}/dismiss`, message ? { message } : {}),
    onSuccess: () => void invalidate(),
  });
}
