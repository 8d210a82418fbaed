import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import type { OutboxItem, OutboxMessage } from '../../../app/types.ts';

export function useOutbox(filters: { to?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['outbox', filters],
    queryFn: () => api.get<{ items: OutboxItem[]; total: number; mode: string }>('/api/outbox', filters),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMessage(id: string) {
  return useQuery({
    queryKey: ['outbox', 'message', id],
    queryFn: () => api.get<OutboxMessage>(`/api/outbox/${id}`),
  });
}
