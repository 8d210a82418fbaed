import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Drawer,
  Grid,
  Group,
  List,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconExternalLink,
  IconHistory,
  IconLock,
  IconMail,
  IconPencil,
  IconPhone,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import { initials } from '../../app/format.ts';
import type { Lab, Person } from '../../app/types.ts';
import { ConfirmButton } from '../../shared/ConfirmButton.tsx';
import { HistoryList } from '../../shared/HistoryList.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState, PageSkeleton } from '../../shared/States.tsx';
import { LabLocator } from '../network/LabLocator.tsx';
import { usePeople } from '../people/api.ts';
import { PersonCard } from '../people/PersonCard.tsx';
import { useDeleteLab, useLab, useLabHistory } from './api.ts';
import { LabForm } from './LabForm.tsx';

function CorrespondentCard({
  correspondent,
  person,
  isSignedIn,
}: {
  correspondent: Lab['correspondents'][number];
  person: Person | undefined;
  isSignedIn: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card
      padding="md"
      style={{ borderColor: 'var(--mantine-color-relais-2)', background: 'var(--mantine-color-relais-0)' }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar color="relais" variant="filled" radius="xl" size={46} aria-hidden>
          {initials(correspondent.name)}
        </Avatar>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} fz="md">
            <Anchor component={Link} to={`/people/${correspondent.id}`} inherit c="relais.8">
              {correspondent.name}
            </Anchor>
          </Title>
          {correspondent.jobTitle && (
            <Text size="sm" c="dimmed">
              {correspondent.jobTitle}
            </Text>
          )}
          {isSignedIn ? (
            <Stack gap={2} mt={4}>
              {person?.email && (
                <Anchor href={`mailto:${person.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <IconMail size={14} aria-hidden style={{ verticalAlign: -2 }} /> {person.email}
                </Anchor>
              )}
              {person?.phone && (
                <Anchor href={`tel:${person.phone.replace(/[^+\d]/g, '')}`} size="sm">
                  <IconPhone size={14} aria-hidden style={{ verticalAlign: -2 }} /> {person.phone}
                </Anchor>
              )}
            </Stack>
          ) : (
            <Text size="xs" c="dimmed" mt={4}>
              <IconLock size={12} aria-hidden style={{ verticalAlign: -1 }} /> {t('people.signInForContact')}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

function InfoRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export default function LabPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const lab = useLab(id);
  const people = usePeople({ lab: id, limit: 100 }, { enabled: lab.isSuccess });
  const canReadHistory = lab.data ? (lab.data.abilities.readHistory ?? me !== null) : false;
  const history = useLabHistory(id, canReadHistory);
  const [isEditing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const deleteLab = useDeleteLab();

  if (lab.isPending) return <PageSkeleton />;
  if (lab.isError) {
    if (lab.error instanceof ApiError && lab.error.status === 404) {
      return (
        <>
          <PageHeader
            title={t('labs.notFound')}
            breadcrumbs={[{ label: t('nav.network'), to: '/network' }]}
          />
          <EmptyState
            title={t('labs.notFoundText')}
            action={
              <Button component={Link} to="/network">
                {t('labs.backToNetwork')}
              </Button>
            }
          />
        </>
      );
    }
    return <ErrorState error={lab.error} onRetry={() => void lab.refetch()} />;
  }

  const data = lab.data;
  const peopleById = new Map((people.data?.items ?? []).map((person) => [person.id, person]));
  const members = people.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={data.acronym}
        documentTitle={`${data.acronym} — ${data.name}`}
        breadcrumbs={[{ label: t('nav.network'), to: '/network' }]}
        eyebrow={
          <Group gap={6}>
            <Badge color={data.kind === 'platform' ? 'teal' : 'relais'}>{t(`labs.kind.${data.kind}`)}</Badge>
            {data.delegation && (
              <Badge color="gray" variant="outline">
                {data.delegation.code} · {data.delegation.name}
              </Badge>
            )}
          </Group>
        }
        description={
          <>
            <Text fz="lg" c="dark.7" fw={500}>
              {data.name}
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              {[data.site || data.city, data.region].filter(Boolean).join(' · ')}
            </Text>
          </>
        }
        actions={
          <>
            {data.website && (
              <Button
                component="a"
                href={data.website}
                target="_blank"
                rel="noreferrer"
                variant="default"
                leftSection={<IconExternalLink size={16} aria-hidden />}
              >
                {t('labs.websiteButton')}
              </Button>
            )}
            {data.abilities.update && (
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={openEdit}>
                {t('labs.edit')}
              </Button>
            )}
            {data.abilities.delete && (
              <ConfirmButton
                variant="light"
                leftSection={<IconTrash size={16} aria-hidden />}
                title={t('labs.deleteTitle', { acronym: data.acronym })}
                message={t('labs.deleteMessage')}
                confirmLabel={t('common.delete')}
                onConfirm={() =>
                  deleteLab.mutateAsync(data.id).then(
                    () => {
                      notifySaved(t, t('labs.deleted'));
                      navigate('/network');
                    },
                    (error: unknown) => {
                      notifyError(t, error);
                      throw error;
                    },
                  )
                }
              >
                {t('common.delete')}
              </ConfirmButton>
            )}
          </>
        }
      />

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <section aria-labelledby="correspondents-title">
              <Title order={2} id="correspondents-title" mb="sm">
                {t('labs.correspondentsTitle')}
              </Title>
              {data.correspondents.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('labs.noCorrespondent')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  {data.correspondents.map((correspondent) => (
                    <CorrespondentCard
                      key={correspondent.id}
                      correspondent={correspondent}
                      person={peopleById.get(correspondent.id)}
                      isSignedIn={me !== null}
                    />
                  ))}
                </SimpleGrid>
              )}
            </section>

            <Tabs defaultValue="people" keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="people" leftSection={<IconUsers size={16} aria-hidden />}>
                  {t('labs.peopleTab', { count: people.data?.total ?? data.peopleCount })}
                </Tabs.Tab>
                {canReadHistory && (
                  <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
                    {t('history.title')}
                  </Tabs.Tab>
                )}
              </Tabs.List>
              <Tabs.Panel value="people">
                {people.isError ? (
                  <ErrorState error={people.error} onRetry={() => void people.refetch()} />
                ) : people.isPending ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <CardsSkeleton count={4} />
                  </SimpleGrid>
                ) : members.length === 0 ? (
                  <EmptyState title={t('labs.noPeople')} icon={<IconUsers size={28} aria-hidden />} />
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    {members.map((person) => (
                      <PersonCard
                        key={person.id}
                        person={person}
                        showContact={me !== null}
                        headingLevel="h2"
                        hideLab
                      />
                    ))}
                  </SimpleGrid>
                )}
              </Tabs.Panel>
              {canReadHistory && (
                <Tabs.Panel value="history">
                  {history.isError ? (
                    <ErrorState error={history.error} />
                  ) : history.data ? (
                    <HistoryList items={history.data.items} />
                  ) : (
                    <CardsSkeleton count={2} />
                  )}
                </Tabs.Panel>
              )}
            </Tabs>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Card>
              <Stack gap="md">
                <Group gap="xs">
                  <IconBuildingCommunity size={20} color="var(--mantine-color-relais-7)" aria-hidden />
                  <Title order={2} fz="md">
                    {t('labs.about')}
                  </Title>
                </Group>
                {data.latitude !== null && data.longitude !== null && (
                  <LabLocator latitude={data.latitude} longitude={data.longitude} />
                )}
                <InfoRow label={t('labs.city')}>{data.city}</InfoRow>
                {data.site && data.site !== data.city && (
                  <InfoRow label={t('labs.site')}>{data.site}</InfoRow>
                )}
                {data.delegation && (
                  <InfoRow label={t('labs.delegation')}>
                    <Anchor component={Link} to={`/network?delegation=${data.delegation.id}`} size="sm">
                      {data.delegation.code} · {data.delegation.name}
                    </Anchor>
                  </InfoRow>
                )}
                {data.website && (
                  <InfoRow label={t('labs.website')}>
                    <Anchor
                      href={data.website}
                      target="_blank"
                      rel="noreferrer"
                      size="sm"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {data.website.replace(/^https?:\/\//, '')}
                    </Anchor>
                  </InfoRow>
                )}
              </Stack>
            </Card>
            {data.themes.length > 0 && (
              <Card>
                <Title order={2} fz="md" mb="sm">
                  {t('labs.themes')}
                </Title>
                <Group gap={6}>
                  {data.themes.map((theme) => (
                    <Badge key={theme} variant="light" color="indigo">
                      {theme}
                    </Badge>
                  ))}
                </Group>
              </Card>
            )}
            {data.partners.length > 0 && (
              <Card>
                <Title order={2} fz="md" mb="sm">
                  {t('labs.partners')}
                </Title>
                <List size="sm" spacing={4}>
                  {data.partners.map((partner) => (
                    <List.Item key={partner}>{partner}</List.Item>
                  ))}
                </List>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <Drawer
        opened={isEditing}
        onClose={closeEdit}
        title={t('labs.editTitle', { acronym: data.acronym })}
        position="right"
        size="lg"
      >
        {isEditing && (
          <LabForm
            lab={data}
            canEditIdentity={data.abilities.updateIdentity === true}
            onDone={closeEdit}
            onCancel={closeEdit}
          />
        )}
      </Drawer>
    </>
  );
}
