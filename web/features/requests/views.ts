import type { RequestState } from '../../../shared/requests.ts';
import type { Me } from '../../app/types.ts';
import type { RequestFilters } from './api.ts';

export type ViewId = 'to_route' | 'mine' | 'for_my_lab' | 'open' | 'archive';
export type RequestView = { id: ViewId; filters: RequestFilters };

const archived: RequestState[] = ['closed', 'answered_by_cell', 'declined'];

/** The saved views of the requests page, by what the person does (from `me.abilities`). */
export function viewsFor(me: Me | null): RequestView[] {
  if (!me) return [];
  const can = me.abilities as Record<string, boolean | undefined>;
  const views: RequestView[] = [];
  if (can.routeRequests) views.push({ id: 'to_route', filters: { box: 'to_route' } });
  if (can.askLabs) views.push({ id: 'mine', filters: { box: 'mine', state: ['to_route', 'open'] } });
  if (can.answerRequests || me.roles.some((grant) => grant.lab))
    views.push({ id: 'for_my_lab', filters: { box: 'for_my_lab', state: ['open'] } });
  if (can.routeRequests) views.push({ id: 'open', filters: { box: 'all', state: ['open'] } });
  views.push({ id: 'archive', filters: { state: archived } });
  return views;
}
