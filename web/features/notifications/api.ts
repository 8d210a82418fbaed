import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { NotificationsPage } from '../stories/types.ts';

export const notificationsKey = ['notifications'] as const;

/** The bell: recent notifications and the unread count, refreshed every 30 s. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get<NotificationsPage>('/api/notifications', { limit: 20 }),
    enabled,
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

/** Marks some notifications (or all, without ids) as read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post('/api/notifications/read', ids ? { ids } : {}),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: notificationsKey });
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationsPage>(notificationsKey, (old) => {
        if (!old) return old;
        const items = old.items.map((item) =>
          !item.readAt && (!ids || ids.includes(item.id)) ? { ...item, readAt: now } : item,
        );
        const marked = old.items.filter((item) => !item.readAt && (!ids || ids.includes(item.id))).length;
        return { items, unreadCount: ids ? Math.max(0, old.unreadCount - marked) : 0 };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
