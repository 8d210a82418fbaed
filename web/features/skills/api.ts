import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Items, Skill } from '../../app/types.ts';

export function useSkills() {
  return useQuery({
    queryKey: ['skills'],
    queryFn: () => api.get<Items<Skill>>('/api/skills'),
    staleTime: 60_000,
  });
}

export type SkillInput = { nameFr?: string; nameEn?: string; category?: string };

function useInvalidateSkills() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) => ['skills', 'people', 'person'].includes(String(query.queryKey[0])),
    });
}

export function useSaveSkill(id: string | null) {
  const invalidate = useInvalidateSkills();
  return useMutation({
    mutationFn: (input: SkillInput) =>
      id ? api.patch<Skill>(`/api/skills/${id}`, input) : api.post<Skill>('/api/skills', input),
    onSuccess: invalidate,
  });
}

export function useDeleteSkill() {
  const invalidate = useInvalidateSkills();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/skills/${id}`), onSuccess: invalidate });
}
