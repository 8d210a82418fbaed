import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconBuildingCommunity, IconSearch, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from './api.ts';
import classes from './shell.module.css';
import type { Items, Lab, PeoplePage } from './types.ts';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Ctrl/⌘+K: jump to a lab or a person. */
export function SearchSpotlight() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [debounced] = useDebouncedValue(query.trim(), 200);

  const labs = useQuery({
    queryKey: ['labs', {}],
    queryFn: () => api.get<Items<Lab>>('/api/labs'),
    enabled: isOpen,
    staleTime: 60_000,
  });
  const people = useQuery({
    queryKey: ['people', { q: debounced, limit: 8 }],
    queryFn: () => api.get<PeoplePage>('/api/people', { q: debounced, limit: 8 }),
    enabled: isOpen && debounced.length >= 2,
  });

  const needle = fold(query.trim());
  const matchingLabs = (labs.data?.items ?? [])
    .filter((lab) => !needle || fold(`${lab.acronym} ${lab.name} ${lab.city}`).includes(needle))
    .slice(0, needle ? 6 : 5);
  const matchingPeople = debounced.length >= 2 ? (people.data?.items ?? []) : [];

  const go = (to: string) => {
    navigate(to);
    spotlight.close();
  };

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K', '/']}
      onSpotlightOpen={() => setOpen(true)}
      onSpotlightClose={() => setOpen(false)}
      scrollable
      maxHeight={440}
      // Names the dialog for screen readers; the header itself is not shown.
      title={t('search.title')}
      styles={{ header: { display: 'none' } }}
      classNames={{ action: classes.spotlightAction }}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
      />
      <Spotlight.ActionsList>
        {matchingLabs.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.labs')}>
            {matchingLabs.map((lab) => (
              <Spotlight.Action key={lab.id} onClick={() => go(`/labs/${lab.id}`)}>
                <Group wrap="nowrap" gap="sm" w="100%">
                  <IconBuildingCommunity size={18} aria-hidden />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {lab.acronym}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {lab.name} · {lab.city}
                    </Text>
                  </div>
                  {lab.kind === 'platform' && (
                    <Badge size="xs" color="teal">
                      {t('labs.kind.platform')}
                    </Badge>
                  )}
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matchingPeople.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.people')}>
            {matchingPeople.map((person) => (
              <Spotlight.Action key={person.id} onClick={() => go(`/people/${person.id}`)}>
                <Group wrap="nowrap" gap="sm" w="100%">
                  <IconUser size={18} aria-hidden />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {person.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {[person.jobTitle, person.lab?.acronym].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {matchingLabs.length === 0 && matchingPeople.length === 0 && (
          <Spotlight.Empty>{debounced.length < 2 ? t('search.hint') : t('search.nothing')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
