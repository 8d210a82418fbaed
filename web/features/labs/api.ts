import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Delegation, HistoryEntry, Items, Lab, LabKind } from '../../app/types.ts';

export type LabFilters = { q?: string; delegation?: string; kind?: LabKind | '' };

export function useLabs(filters: LabFilters = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['labs', filters],
    queryFn: () => api.get<Items<Lab>>('/api/labs', filters),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useLab(id: string) {
  return useQuery({ queryKey: ['lab', id], queryFn: () => api.get<Lab>(`/api/labs/${id}`) });
}

export function useLabHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['history', 'lab', id],
    queryFn: () => api.get<Items<HistoryEntry>>(`/api/labs/${id}/history`),
    enabled,
  });
}

export function useDelegations() {
  return useQuery({
    queryKey: ['delegations'],
    queryFn: () => api.get<Items<Delegation>>('/api/delegations'),
    staleTime: 5 * 60_000,
  });
}

/** Body of POST/PATCH /api/labs. */
export type LabInput = {
  acronym?: string;
  name?: string;
  kind?: LabKind;
  city?: string;
  site?: string;
  region?: string;
  delegationId?: string;
  partners?: string[];
  themes?: string[];
  website?: string;
  latitude?: number | null;
  longitude?: number | null;
};

function useInvalidateDirectory() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) =>
        ['labs', 'lab', 'delegations', 'history', 'people', 'person'].includes(String(query.queryKey[0])),
    });
}

export function useSaveLab(id: string | null) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: LabInput) =>
      id ? api.patch<Lab>(`/api/labs/${id}`, input) : api.post<Lab>('/api/labs', input),
    onSuccess: invalidate,
  });
}

export function useDeleteLab() {
  const invalidate = useInvalidateDirectory();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/labs/${id}`), onSuccess: invalidate });
}

export type DelegationInput = { code?: string; name?: string; city?: string };

export function useSaveDelegation(id: string | null) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: DelegationInput) =>
      id
        ? api.patch<Delegation>(`/api/delegations/${id}`, input)
        : api.post<Delegation>('/api/delegations', input),
    onSuccess: invalidate,
  });
}

export function useDeleteDelegation() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/delegations/${id}`),
    onSuccess: invalidate,
  });
}
