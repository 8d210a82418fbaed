import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBulb, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth.ts';
import { localized } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import type { Skill } from '../../app/types.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState } from '../../shared/States.tsx';
import { useDelegations, useLabs } from '../labs/api.ts';
import { usePeopleInfinite } from '../people/api.ts';
import { skillOptions } from '../people/options.ts';
import { PersonCard } from '../people/PersonCard.tsx';
import { useSkills } from './api.ts';
import { isSkillCategory, skillCategories } from './categories.ts';

function SkillBrowser({ skills, onPick }: { skills: Skill[]; onPick: (skill: Skill) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section aria-labelledby="browse-title">
      <Title order={2} id="browse-title" mb="xs">
        {t('skills.browseTitle')}
      </Title>
      <Text c="dimmed" size="sm" mb="lg">
        {t('skills.browseText')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {skillCategories.map((category) => {
          const inCategory = skills
            .filter((skill) => (isSkillCategory(skill.category) ? skill.category : 'other') === category)
            .sort((a, b) => localized(a.name, locale).localeCompare(localized(b.name, locale), locale));
          if (inCategory.length === 0) return null;
          return (
            <Card key={category} padding="md">
              <Title order={3} fz="sm" mb="sm" c="relais.8">
                {t(`skillCategories.${category}`)}
              </Title>
              <Group gap={6}>
                {inCategory.map((skill) => (
                  <Button
                    key={skill.id}
                    size="compact-sm"
                    variant="default"
                    radius="xl"
                    onClick={() => onPick(skill)}
                    rightSection={
                      <Badge
                        size="xs"
                        variant="light"
                        color={skill.peopleCount > 0 ? 'relais' : 'gray'}
                        circle={skill.peopleCount < 10}
                      >
                        {skill.peopleCount}
                      </Badge>
                    }
                  >
                    {localized(skill.name, locale)}
                  </Button>
                ))}
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}

export default function SkillsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const skillParam = params.get('skill') ?? '';
  const delegation = params.get('delegation') ?? '';
  const lab = params.get('lab') ?? '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const skills = useSkills();
  const labs = useLabs();
  const delegations = useDelegations();
  const allSkills = skills.data?.items ?? [];
  const selectedSkill =
    allSkills.find((skill) => skill.slug === skillParam || skill.id === skillParam) ?? null;

  const update = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const updateQuery = useDebouncedCallback((value: string) => update({ q: value.trim() }), 300);

  const hasSearch = Boolean(skillParam || delegation || lab || q);
  const results = usePeopleInfinite({ skill: skillParam, delegation, lab, q }, hasSearch);
  const people = results.data?.pages.flatMap((page) => page.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;

  const labOptions = [...(labs.data?.items ?? [])]
    .filter((item) => !delegation || item.delegation?.id === delegation)
    .sort((a, b) => a.acronym.localeCompare(b.acronym))
    .map((item) => ({ value: item.id, label: `${item.acronym} — ${item.city}` }));

  return (
    <>
      <PageHeader
        title={t('skills.title')}
        description={t('skills.description')}
        documentTitle={t('skills.documentTitle')}
      />

      <Card mb="xl" padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Select
            label={t('skills.skill')}
            placeholder={t('skills.skillPlaceholder')}
            data={skillOptions(t, allSkills, locale, true)}
            value={selectedSkill?.id ?? null}
            onChange={(_, option) => {
              const skill = allSkills.find((item) => item.id === option?.value);
              update({ skill: skill?.slug ?? '' });
            }}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            leftSection={<IconBulb size={16} aria-hidden />}
            maxDropdownHeight={360}
          />
          <Select
            label={t('labs.delegation')}
            placeholder={t('network.allDelegations')}
            data={(delegations.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.code} · ${item.name}`,
            }))}
            value={delegation || null}
            onChange={(value) => update({ delegation: value ?? '', lab: '' })}
            searchable
            clearable
          />
          <Select
            label={t('skills.lab')}
            placeholder={t('skills.allLabs')}
            data={labOptions}
            value={lab || null}
            onChange={(value) => update({ lab: value ?? '' })}
            searchable
            clearable
          />
          <TextInput
            label={t('skills.freeText')}
            placeholder={t('skills.freeTextPlaceholder')}
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              updateQuery(event.currentTarget.value);
            }}
          />
        </SimpleGrid>
        {hasSearch && (
          <Group justify="flex-end" mt="sm">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => {
                setText('');
                setParams({}, { replace: true });
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        )}
      </Card>

      {skills.isError && <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />}

      {!hasSearch ? (
        skills.isPending ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <CardsSkeleton count={6} />
          </SimpleGrid>
        ) : (
          <SkillBrowser skills={allSkills} onPick={(skill) => update({ skill: skill.slug })} />
        )
      ) : (
        <section aria-labelledby="results-title">
          <Group justify="space-between" mb="md" align="baseline">
            <Title order={2} id="results-title" aria-live="polite">
              {results.isPending
                ? t('common.loading')
                : selectedSkill
                  ? t('skills.resultsFor', { count: total, skill: localized(selectedSkill.name, locale) })
                  : t('skills.results', { count: total })}
            </Title>
            {!me && (
              <Text size="sm" c="dimmed">
                {t('people.signInForContact')}
              </Text>
            )}
          </Group>
          {results.isError ? (
            <ErrorState error={results.error} onRetry={() => void results.refetch()} />
          ) : results.isPending ? (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <CardsSkeleton count={6} />
            </SimpleGrid>
          ) : people.length === 0 ? (
            <EmptyState
              icon={<IconSearch size={28} aria-hidden />}
              title={t('skills.emptyTitle')}
              description={t('skills.emptyHint')}
              action={
                (delegation || lab || q) && (
                  <Button
                    variant="light"
                    onClick={() => {
                      setText('');
                      update({ delegation: '', lab: '', q: '' });
                    }}
                  >
                    {t('skills.widen')}
                  </Button>
                )
              }
            />
          ) : (
            <Stack gap="lg">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {people.map((person) => (
                  <PersonCard
                    key={person.id}
                    person={person}
                    highlightSkillIds={selectedSkill ? [selectedSkill.id] : []}
                    showContact={me !== null}
                  />
                ))}
              </SimpleGrid>
              {results.hasNextPage && (
                <Button
                  variant="default"
                  style={{ alignSelf: 'center' }}
                  loading={results.isFetchingNextPage}
                  onClick={() => void results.fetchNextPage()}
                >
                  {t('common.showMore', { count: total - people.length })}
                </Button>
              )}
            </Stack>
          )}
        </section>
      )}
    </>
  );
}
