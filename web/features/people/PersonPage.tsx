import { Anchor, Avatar, Badge, Button, Card, Drawer, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconHistory,
  IconLanguage,
  IconLock,
  IconMail,
  IconMicrophone,
  IconPencil,
  IconPhone,
  IconUser,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { formatRelative, initials, languageName, localized } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import type { Person } from '../../app/types.ts';
import { HistoryList } from '../../shared/HistoryList.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { RoleBadges } from '../../shared/RoleBadges.tsx';
import { CardsSkeleton, EmptyState, ErrorState, PageSkeleton } from '../../shared/States.tsx';
import { StatusBadge } from '../../shared/StatusBadge.tsx';
import { AccountActions } from './AccountActions.tsx';
import { usePerson, usePersonHistory } from './api.ts';
import { PersonForm } from './PersonForm.tsx';

function ContactCard({ person, isSignedIn }: { person: Person; isSignedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Card>
      <Title order={2} fz="md" mb="sm">
        {t('people.contact')}
      </Title>
      {!isSignedIn ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">
            <IconLock size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('people.signInForContact')}
          </Text>
          <Button component={Link} to="/login" state={{ from: location.pathname }} size="xs" variant="light">
            {t('nav.signIn')}
          </Button>
        </Stack>
      ) : person.email || person.phone ? (
        <Stack gap="xs">
          {person.email && (
            <Anchor href={`mailto:${person.email}`} style={{ overflowWrap: 'anywhere' }}>
              <Group gap={8} wrap="nowrap">
                <IconMail size={18} aria-hidden />
                {person.email}
              </Group>
            </Anchor>
          )}
          {person.phone && (
            <Anchor href={`tel:${person.phone.replace(/[^+\d]/g, '')}`}>
              <Group gap={8} wrap="nowrap">
                <IconPhone size={18} aria-hidden />
                {person.phone}
              </Group>
            </Anchor>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('people.noContact')}
        </Text>
      )}
    </Card>
  );
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const locale = currentLocale();
  const person = usePerson(id);
  // The server may send `readHistory`; until it does, the people who may edit the profile (self, admins) may read it.
  const canReadHistory = person.data
    ? (person.data.abilities.readHistory ?? person.data.abilities.updateProfile ?? false)
    : false;
  const history = usePersonHistory(id, canReadHistory);
  const [isEditing, { open: openEdit, close: closeEdit }] = useDisclosure(false);

  if (person.isPending) return <PageSkeleton />;
  if (person.isError) {
    if (person.error instanceof ApiError && person.error.status === 404) {
      return (
        <>
          <PageHeader
            title={t('people.notFound')}
            breadcrumbs={[{ label: t('nav.network'), to: '/network' }]}
          />
          <EmptyState
            icon={<IconUser size={28} aria-hidden />}
            title={t('people.notFoundText')}
            action={
              <Button component={Link} to="/skills">
                {t('people.searchPeople')}
              </Button>
            }
          />
        </>
      );
    }
    return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  }

  const data = person.data;
  const isSelf = me?.id === data.id;
  const breadcrumbs = [{ label: t('nav.network'), to: '/network' }];
  if (data.lab) breadcrumbs.push({ label: data.lab.acronym, to: `/labs/${data.lab.id}` });

  return (
    <>
      <PageHeader
        title={data.name}
        breadcrumbs={breadcrumbs}
        eyebrow={
          <Group gap="sm">
            <Avatar color="relais" variant="filled" radius="xl" size={56} aria-hidden>
              {initials(data.name)}
            </Avatar>
            {data.accountStatus && <StatusBadge status={data.accountStatus} />}
            {isSelf && <Badge color="relais">{t('people.itsYou')}</Badge>}
          </Group>
        }
        description={
          <Stack gap={6}>
            {data.jobTitle && (
              <Text fz="lg" c="dark.7" fw={500}>
                {data.jobTitle}
              </Text>
            )}
            {data.lab && (
              <Text size="sm">
                <Anchor component={Link} to={`/labs/${data.lab.id}`} fw={600}>
                  {data.lab.acronym}
                </Anchor>{' '}
                — {data.lab.name}
              </Text>
            )}
          </Stack>
        }
        actions={
          data.abilities.updateProfile && (
            <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={openEdit}>
              {isSelf ? t('people.editMine') : t('people.edit')}
            </Button>
          )
        }
      />

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <section aria-labelledby="roles-title">
              <Title order={2} id="roles-title" mb="sm">
                {t('people.roles')}
              </Title>
              {data.roles.length > 0 ? (
                <RoleBadges roles={data.roles} size="lg" />
              ) : (
                <Text c="dimmed" size="sm">
                  {t('people.noRole')}
                </Text>
              )}
            </section>

            <section aria-labelledby="skills-title">
              <Title order={2} id="skills-title" mb="sm">
                {t('people.skills')}
              </Title>
              {data.skills.length > 0 ? (
                <Group gap={8}>
                  {data.skills.map((skill) => (
                    <Badge
                      key={skill.id}
                      component={Link}
                      to={`/skills?skill=${encodeURIComponent(skill.slug)}`}
                      size="lg"
                      variant="light"
                      style={{ cursor: 'pointer' }}
                    >
                      {localized(skill.name, locale)}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text c="dimmed" size="sm">
                  {t('people.noSkills')}
                </Text>
              )}
            </section>

            {canReadHistory && (
              <section aria-labelledby="history-title">
                <Group gap="xs" mb="sm">
                  <IconHistory size={20} color="var(--mantine-color-relais-7)" aria-hidden />
                  <Title order={2} id="history-title">
                    {t('history.title')}
                  </Title>
                </Group>
                <Card>
                  {history.isError ? (
                    <ErrorState error={history.error} />
                  ) : history.data ? (
                    <HistoryList items={history.data.items} />
                  ) : (
                    <CardsSkeleton count={2} />
                  )}
                </Card>
              </section>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ContactCard person={data} isSignedIn={me !== null} />
            <Card>
              <Stack gap="sm">
                <Title order={2} fz="md">
                  {t('people.about')}
                </Title>
                <Group gap={8} wrap="nowrap" align="flex-start">
                  <IconLanguage size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text size="sm">
                    {data.languages.length > 0
                      ? data.languages.map((code) => languageName(code, locale)).join(', ')
                      : t('people.noLanguages')}
                  </Text>
                </Group>
                {data.isMediaTrained && (
                  <Badge color="teal" size="lg" leftSection={<IconMicrophone size={14} aria-hidden />}>
                    {t('people.mediaTrained')}
                  </Badge>
                )}
                {data.lastLoginAt !== undefined && (
                  <Text size="sm" c="dimmed">
                    {t('people.lastLogin')}{' '}
                    {data.lastLoginAt ? formatRelative(data.lastLoginAt, locale) : t('people.never')}
                  </Text>
                )}
              </Stack>
            </Card>
            {(data.abilities.invite ||
              data.abilities.disable ||
              data.abilities.enable ||
              data.abilities.delete) && (
              <Card>
                <Title order={2} fz="md" mb="sm">
                  {t('people.accountActions')}
                </Title>
                <AccountActions
                  person={data}
                  onDeleted={() => navigate(data.lab ? `/labs/${data.lab.id}` : '/network')}
                />
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <Drawer
        opened={isEditing}
        onClose={closeEdit}
        title={isSelf ? t('people.editMine') : t('people.editTitle', { name: data.name })}
        position="right"
        size="lg"
      >
        {isEditing && (
          <PersonForm
            person={data}
            canEditAccount={data.abilities.updateAccount === true}
            onDone={closeEdit}
            onCancel={closeEdit}
          />
        )}
      </Drawer>
    </>
  );
}
