import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { RoleName } from '../../../shared/roles.ts';
import { api } from '../../app/api.ts';
import type { HistoryEntry, Items, PeoplePage, Person } from '../../app/types.ts';

export type PeopleFilters = {
  q?: string;
  skill?: string;
  lab?: string;
  delegation?: string;
  role?: RoleName | '';
  limit?: number;
  offset?: number;
};

export function usePeople(filters: PeopleFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['people', filters],
    queryFn: () => api.get<PeoplePage>('/api/people', filters),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

const pageSize = 24;

/** People matching filters, loaded page by page ("Afficher plus"). */
export function usePeopleInfinite(filters: Omit<PeopleFilters, 'limit' | 'offset'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['people', 'infinite', filters],
    queryFn: ({ pageParam }) =>
      api.get<PeoplePage>('/api/people', { ...filters, limit: pageSize, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: () => api.get<Person>(`/api/people/${id}`),
    enabled: Boolean(id),
  });
}

export function usePersonHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['history', 'person', id],
    queryFn: () => api.get<Items<HistoryEntry>>(`/api/people/${id}/history`),
    enabled,
  });
}

export type RoleInput = { role: RoleName; labId?: string | null; delegationId?: string | null };

/** Body of PATCH /api/people/:id (profile fields; email, labId and roles are for admins). */
export type PersonInput = {
  firstName?: string;
  lastName?: string;
  jobTitle?: string;
  phone?: string | null;
  languages?: string[];
  isMediaTrained?: boolean;
  locale?: 'fr' | 'en';
  skillIds?: string[];
  email?: string;
  labId?: string | null;
  roles?: RoleInput[];
};

export type NewPersonInput = PersonInput & {
  email: string;
  firstName: string;
  lastName: string;
  sendInvitation?: boolean;
};

function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) =>
        ['people', 'person', 'labs', 'lab', 'history', 'skills', 'me', 'outbox'].includes(
          String(query.queryKey[0]),
        ),
    });
}

export function useUpdatePerson(id: string) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (input: PersonInput) => api.patch<Person>(`/api/people/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (input: NewPersonInput) => api.post<Person>('/api/people', input),
    onSuccess: invalidate,
  });
}

export type AccountAction = 'invitation' | 'disable' | 'enable';

export function usePersonAction() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: AccountAction }) =>
      api.post<Person>(`/api/people/${id}/${action}`),
    onSuccess: invalidate,
  });
}

export function useDeletePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/people/${id}`), onSuccess: invalidate });
}
