import { Anchor, Avatar, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconMicrophone, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { initials, localized } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import type { Person } from '../../app/types.ts';
import { RoleBadges } from '../../shared/RoleBadges.tsx';

type Props = {
  person: Person;
  /** Skills to show first and highlighted (the ones searched for). */
  highlightSkillIds?: readonly string[];
  showContact?: boolean;
  headingLevel?: 'h2' | 'h3';
  /** On a lab's own page the lab goes without saying. */
  hideLab?: boolean;
};

/** A person of the directory as a card: name, lab, roles, skills, contact when signed in. */
export function PersonCard({
  person,
  highlightSkillIds = [],
  showContact = false,
  headingLevel = 'h3',
  hideLab = false,
}: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const skills = [...person.skills].sort(
    (a, b) => Number(highlightSkillIds.includes(b.id)) - Number(highlightSkillIds.includes(a.id)),
  );
  const shown = skills.slice(0, 5);
  return (
    <Card className="hover-card" h="100%">
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar color="relais" radius="xl" size={44} aria-hidden>
            {initials(person.name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title
              order={headingLevel === 'h2' ? 2 : 3}
              fz="md"
              fw={650}
              style={{ overflowWrap: 'anywhere' }}
            >
              <Anchor component={Link} to={`/people/${person.id}`} c="dark.8" inherit>
                {person.name}
              </Anchor>
            </Title>
            {person.jobTitle && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {person.jobTitle}
              </Text>
            )}
            {person.lab && !hideLab && (
              <Text size="sm">
                <Anchor component={Link} to={`/labs/${person.lab.id}`} size="sm" fw={600}>
                  {person.lab.acronym}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Group>
        <RoleBadges roles={person.roles} size="sm" />
        {shown.length > 0 && (
          <Group gap={6}>
            {shown.map((skill) => (
              <Badge
                key={skill.id}
                size="sm"
                variant={highlightSkillIds.includes(skill.id) ? 'filled' : 'outline'}
                color={highlightSkillIds.includes(skill.id) ? 'relais' : 'gray'}
              >
                {localized(skill.name, locale)}
              </Badge>
            ))}
            {skills.length > shown.length && (
              <Text size="xs" c="dimmed">
                {t('people.moreSkills', { count: skills.length - shown.length })}
              </Text>
            )}
          </Group>
        )}
        <Group gap="xs" mt="auto">
          {person.isMediaTrained && (
            <Badge color="teal" size="sm" leftSection={<IconMicrophone size={12} aria-hidden />}>
              {t('people.mediaTrained')}
            </Badge>
          )}
        </Group>
        {showContact && (person.email || person.phone) && (
          <Stack gap={4}>
            {person.email && (
              <Anchor href={`mailto:${person.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Group gap={6} wrap="nowrap">
                  <IconMail size={16} aria-hidden />
                  {person.email}
                </Group>
              </Anchor>
            )}
            {person.phone && (
              <Anchor href={`tel:${person.phone.replace(/[^+\d]/g, '')}`} size="sm">
                <Group gap={6} wrap="nowrap">
                  <IconPhone size={16} aria-hidden />
                  {person.phone}
                </Group>
              </Anchor>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
