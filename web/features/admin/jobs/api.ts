import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { i18next } from '../../../app/i18n.ts';
import { jobsEn, jobsFr } from './locales.ts';

const ns = 'jobs';
i18next.addResourceBundle('fr', ns, jobsFr, true, true);
i18next.addResourceBundle('en', ns, jobsEn, true, true);

type PluralSuffix = '_one' | '_other';
type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<`${Prefix}${K}`> : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type JobsKey = Paths<typeof jobsFr>;

const translate = i18next.t.bind(i18next) as unknown as (
  key: string,
  options: Record<string, unknown>,
) => string;

/** `t` for this section, in the current language. */
export function useJobsT() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new function per language re-renders users
  return useCallback(
    (key: JobsKey, options?: Record<string, unknown>) => translate(key, { ...options, ns }),
    [language],
  );
}

export const jobStates = ['pending', 'running', 'done', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

export type Job = {
  id: string;
  kind: string;
  state: JobState;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  abilities: { retry: boolean };
};

export type JobSchedule = { name: string; cron: string; nextRunAt: string; lastRunAt: string | null };

export type JobsPage = {
  items: Job[];
  total: number;
  counts: Record<JobState, number>;
  schedules: JobSchedule[];
};

export function useJobs(filters: { state?: JobState; kind?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['jobs', filters],
    queryFn: () => api.get<JobsPage>('/api/admin/jobs', filters),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/admin/jobs/${id}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
