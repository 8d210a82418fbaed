import type { Me } from '../../app/types.ts';
import type { StoryFilters } from './api.ts';

export type ViewId = 'review' | 'mine' | 'lab' | 'delegation' | 'national' | 'accepted' | 'all';
export type StoryView = { id: ViewId; filters: StoryFilters };

/**
 * The saved views of the stories list, by what each role works on. This picks which lists to
 * offer, not what may be seen: the server returns only what the person may read.
 */
export function viewsFor(me: Me | null): StoryView[] {
  const roles = me?.roles ?? [];
  const has = (role: string) => roles.some((grant) => grant.role === role);
  const views: StoryView[] = [];
  if (has('cell')) {
    views.push({ id: 'review', filters: { state: ['submitted', 'in_review'], sort: 'recent' } });
  }
  const correspondentLab = roles.find((grant) => grant.role === 'correspondent' && grant.lab)?.lab;
  if (correspondentLab) {
    views.push({ id: 'mine', filters: { mine: true } });
    views.push({ id: 'lab', filters: { lab: correspondentLab.id } });
  }
  const delegation = roles.find((grant) => grant.role === 'dr_officer' && grant.delegation)?.delegation;
  if (delegation) views.push({ id: 'delegation', filters: { delegation: delegation.id } });
  // The Dircom contacts work on what the cell relayed to national channels.
  if (has('dircom')) views.push({ id: 'national', filters: { relayScope: 'national' } });
  else views.push({ id: 'accepted', filters: { state: ['accepted'] } });
  views.push({ id: 'all', filters: {} });
  return views;
}
