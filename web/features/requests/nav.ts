import { IconMessageQuestion } from '@tabler/icons-react';
import { useMe } from '../../app/auth.ts';
import { useRequests } from './api.ts';
import { useRequestsT } from './i18n.ts';

type RequestNavItem = {
  to: string;
  label: string;
  icon: typeof IconMessageQuestion;
  badge?: number;
  badgeLabel?: string;
};

/**
 * The shell's "Demandes" entry, for those who ask, route or answer requests (from `me.abilities`),
 * with what waits for the person: requests to route for the cell, unanswered ones for a lab.
 */
export function useRequestNavItems(): RequestNavItem[] {
  const t = useRequestsT();
  const me = useMe();
  const can = (me?.abilities ?? {}) as Record<string, boolean | undefined>;
  const isShown = Boolean(can.askLabs || can.routeRequests || can.answerRequests || can.readSolicitations);
  const toRoute = useRequests(
    { box: 'to_route', limit: 1 },
    { enabled: isShown && Boolean(can.routeRequests), refetch: 60_000 },
  );
  const forLab = useRequests(
    { box: 'for_my_lab', waiting: true, limit: 1 },
    { enabled: isShown && !can.routeRequests && Boolean(can.answerRequests), refetch: 60_000 },
  );
  if (!me || !isShown) return [];
  const waiting = can.routeRequests ? (toRoute.data?.total ?? 0) : (forLab.data?.total ?? 0);
  return [
    {
      to: '/requests',
      label: t('nav.requests'),
      icon: IconMessageQuestion,
      badge: waiting > 0 ? waiting : undefined,
      badgeLabel: waiting > 0 ? t('nav.waiting', { count: waiting }) : undefined,
    },
  ];
}
