import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleName } from '../../../../shared/roles.ts';
import { api } from '../../../app/api.ts';
import type { PeoplePage, Person } from '../../../app/types.ts';
import { useRequestsT } from '../i18n.ts';

type Option = { value: string; label: string };

const optionOf = (person: Pick<Person, 'id' | 'name' | 'lab' | 'jobTitle'>): Option => ({
  value: person.id,
  label: [person.name, person.lab?.acronym].filter(Boolean).join(' · '),
});

function usePeopleSearch(search: string, filters: { role?: RoleName; lab?: string }) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  return useQuery({
    queryKey: ['people', { q: debounced, ...filters, limit: 12 }],
    queryFn: () => api.get<PeoplePage>('/api/people', { q: debounced, ...filters, limit: 12 }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

type Common = {
  label: string;
  description?: string;
  placeholder?: string;
  error?: string | null | undefined;
  role?: RoleName;
  lab?: string;
  required?: boolean;
};

/** One person from the directory, searched as one types (two letters or more). */
export function PersonPicker({
  value,
  onChange,
  role,
  lab,
  ...props
}: Common & { value: string | null; onChange: (id: string | null) => void }) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const [search, setSearch] = useState('');
  const known = useRef(new Map<string, Option>());
  const people = usePeopleSearch(search, { role, lab });
  for (const person of people.data?.items ?? []) known.current.set(person.id, optionOf(person));
  const found = search.trim().length >= 2 ? (people.data?.items ?? []).map(optionOf) : [];
  const selected = value ? known.current.get(value) : undefined;
  const data = selected && !found.some((option) => option.value === value) ? [selected, ...found] : found;
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      clearButtonProps={{ 'aria-label': t('clear') }}
      nothingFoundMessage={
        search.trim().length >= 2 && !people.isFetching ? tc('common.nothingFound') : undefined
      }
    />
  );
}

/** Several people from the directory. */
export function PeoplePicker({
  value,
  onChange,
  role,
  lab,
  initial = [],
  ...props
}: Common & { value: string[]; onChange: (ids: string[]) => void; initial?: Option[] }) {
  const { t: tc } = useTranslation();
  const [search, setSearch] = useState('');
  const known = useRef(new Map<string, Option>(initial.map((option) => [option.value, option])));
  const people = usePeopleSearch(search, { role, lab });
  for (const person of people.data?.items ?? []) known.current.set(person.id, optionOf(person));
  const found = search.trim().length >= 2 ? (people.data?.items ?? []).map(optionOf) : [];
  const selected = value.flatMap((id) => {
    const option = known.current.get(id);
    return option ? [option] : [{ value: id, label: id }];
  });
  const data = [...selected, ...found.filter((option) => !value.includes(option.value))];
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={
        search.trim().length >= 2 && !people.isFetching ? tc('common.nothingFound') : undefined
      }
    />
  );
}
