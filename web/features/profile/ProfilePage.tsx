import { Anchor, Card, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconKey, IconLanguage, IconLock, IconUserCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChangeLocale, useMe } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { currentLocale, i18next } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { RoleBadges } from '../../shared/RoleBadges.tsx';
import { ErrorState, PageSkeleton } from '../../shared/States.tsx';
import { NotificationModeControl } from '../notifications/NotificationModeControl.tsx';
import { usePerson } from '../people/api.ts';
import { PersonForm } from '../people/PersonForm.tsx';
import { useStoriesT } from '../stories/i18n.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { TokensPanel } from './TokensPanel.tsx';

function Section({
  id,
  icon,
  title,
  description,
  children,
}: {
  id: string;
  icon: ReactNode;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card id={id} component="section" aria-labelledby={`${id}-title`} p={{ base: 'lg', sm: 'xl' }}>
      <Group gap="sm" mb={description ? 4 : 'md'} wrap="nowrap">
        {icon}
        <Title order={2} id={`${id}-title`} fz="lg">
          {title}
        </Title>
      </Group>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const st = useStoriesT();
  const me = useMe();
  const person = usePerson(me?.id);
  const changeLocale = useChangeLocale();
  const locale = currentLocale();

  if (!me) return null;
  const sections = [
    { id: 'profile', label: t('profile.sectionProfile') },
    { id: 'language', label: t('profile.sectionLanguage') },
    { id: 'notifications', label: st('notifications.mode.title') },
    { id: 'password', label: t('profile.sectionPassword') },
    { id: 'tokens', label: t('profile.sectionTokens') },
  ];

  return (
    <>
      <PageHeader
        title={t('profile.title')}
        description={
          <Stack gap={8}>
            <span>{t('profile.description')}</span>
            <RoleBadges roles={me.roles} />
          </Stack>
        }
        actions={
          <Anchor component={Link} to={`/people/${me.id}`} size="sm">
            {t('profile.seePublic')}
          </Anchor>
        }
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
          <nav aria-label={t('profile.sections')} style={{ position: 'sticky', top: 88 }}>
            <Stack gap={4}>
              {sections.map((section) => (
                <Anchor key={section.id} href={`#${section.id}`} size="sm" c="gray.8" py={4}>
                  {section.label}
                </Anchor>
              ))}
            </Stack>
          </nav>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="lg">
            <Section
              id="profile"
              icon={<IconUserCircle size={22} color="var(--mantine-color-relais-7)" aria-hidden />}
              title={t('profile.sectionProfile')}
              description={t('profile.profileHint')}
            >
              {person.isError ? (
                <ErrorState error={person.error} onRetry={() => void person.refetch()} />
              ) : person.data ? (
                <PersonForm person={person.data} canEditAccount={false} />
              ) : (
                <PageSkeleton />
              )}
            </Section>
            <Section
              id="language"
              icon={<IconLanguage size={22} color="var(--mantine-color-relais-7)" aria-hidden />}
              title={t('profile.sectionLanguage')}
              description={t('profile.languageHint')}
            >
              <SegmentedControl
                aria-label={t('profile.sectionLanguage')}
                value={locale}
                onChange={(value) => {
                  // After the switch, i18next.t speaks the new language.
                  void changeLocale(value === 'en' ? 'en' : 'fr').then(() => notifySaved(i18next.t));
                }}
                data={[
                  { value: 'fr', label: 'Français' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Section>
            <Section
              id="notifications"
              icon={<IconBell size={22} color="var(--mantine-color-relais-7)" aria-hidden />}
              title={st('notifications.mode.title')}
              description={st('notifications.mode.hint')}
            >
              <NotificationModeControl />
            </Section>
            <Section
              id="password"
              icon={<IconLock size={22} color="var(--mantine-color-relais-7)" aria-hidden />}
              title={t('profile.sectionPassword')}
              description={t('profile.passwordHint')}
            >
              <PasswordForm email={me.email} />
            </Section>
            <Section
              id="tokens"
              icon={<IconKey size={22} color="var(--mantine-color-relais-7)" aria-hidden />}
              title={t('profile.sectionTokens')}
            >
              <TokensPanel />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
