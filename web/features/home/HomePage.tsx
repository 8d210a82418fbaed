import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconArrowRight,
  IconBuildingCommunity,
  IconBulb,
  IconChecklist,
  IconLogin2,
  IconMapPin,
  IconMessageQuestion,
  IconNetwork,
  IconPencilPlus,
  IconSend,
  IconSettings,
  IconSparkles,
  IconUserCircle,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMeQuery } from '../../app/auth.ts';
import type { Me } from '../../app/types.ts';
import { PageSkeleton } from '../../shared/States.tsx';
import { useLabs } from '../labs/api.ts';
import { usePeople } from '../people/api.ts';
import { RecordSolicitationButton } from '../requests/SolicitationForm.tsx';
import { useSkills } from '../skills/api.ts';
import classes from './home.module.css';

function QuickLink({ to, icon, title, text }: { to: string; icon: ReactNode; title: string; text: string }) {
  return (
    <Card component={Link} to={to} className="card-link" h="100%">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon size={44} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text fw={650} component="h3" m={0} fz="md">
              {title}
            </Text>
            <IconArrowRight size={18} color="var(--mantine-color-relais-7)" aria-hidden />
          </Group>
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

function NetworkStats() {
  const { t } = useTranslation();
  const labs = useLabs();
  const people = usePeople({ limit: 1 });
  const skills = useSkills();
  const stats = [
    { value: labs.data?.items.length, label: t('home.statLabs') },
    { value: people.data?.total, label: t('home.statPeople') },
    { value: skills.data?.items.length, label: t('home.statSkills') },
    {
      value: labs.data ? new Set(labs.data.items.map((lab) => lab.delegation?.id)).size : undefined,
      label: t('home.statDelegations'),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      {stats.map((stat) => (
        <Card key={stat.label} padding="md">
          {stat.value === undefined ? (
            <Skeleton height={30} width={60} mb={6} />
          ) : (
            <Text fz={28} fw={750} c="relais.7" lh={1.1}>
              {stat.value}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {stat.label}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** What this person can start from here, from `me.abilities` (the server's policies). */
function Actions({ me }: { me: Me }) {
  const { t } = useTranslation();
  const can = me.abilities;
  type Action = { to: string; icon: ReactNode; key: 'tip' | 'story' | 'review' | 'ask' | 'requests' };
  const candidates: Array<Action | false | undefined> = [
    can.sendTips && { to: '/tip', icon: <IconSparkles size={24} aria-hidden />, key: 'tip' },
    can.writeStories && { to: '/stories/new', icon: <IconPencilPlus size={24} aria-hidden />, key: 'story' },
    can.reviewStories && { to: '/review', icon: <IconChecklist size={24} aria-hidden />, key: 'review' },
    can.askLabs && { to: '/requests/new', icon: <IconSend size={24} aria-hidden />, key: 'ask' },
    (can.answerRequests || can.routeRequests) && {
      to: '/requests',
      icon: <IconMessageQuestion size={24} aria-hidden />,
      key: 'requests',
    },
  ];
  const actions = candidates.filter((action): action is Action => Boolean(action));
  if (actions.length === 0 && !can.recordSolicitations) return null;
  return (
    <section aria-labelledby="home-actions">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Title order={2} id="home-actions">
          {t('home.actions')}
        </Title>
        {can.recordSolicitations && <RecordSolicitationButton variant="light" />}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(actions.length, 4) || 1 }} spacing="md">
        {actions.map((action) => (
          <QuickLink
            key={action.key}
            to={action.to}
            icon={action.icon}
            title={t(`home.action.${action.key}.title` as const)}
            text={t(`home.action.${action.key}.text` as const)}
          />
        ))}
      </SimpleGrid>
    </section>
  );
}

function SignedInHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.home')} · Relais`);
  const canAdmin = me.abilities.manageUsers || me.abilities.manageSkills;
  return (
    <Stack gap={32}>
      <Box className={classes.welcome}>
        <Stack gap="sm">
          <Text fw={600} c="relais.1" size="sm">
            {t('home.kicker')}
          </Text>
          <Title order={1} c="white">
            {t('home.hello', { name: me.firstName })}
          </Title>
          {me.jobTitle && <Text c="relais.0">{me.jobTitle}</Text>}
          <Group gap="sm" mt={4}>
            {me.roles.map((grant) => (
              <Badge
                key={`${grant.role}-${grant.lab?.id ?? grant.delegation?.id ?? ''}`}
                variant="white"
                color="relais"
                size="lg"
              >
                {t(`roles.${grant.role}`)}
                {grant.lab
                  ? ` · ${grant.lab.acronym}`
                  : grant.delegation
                    ? ` · ${grant.delegation.code}`
                    : ''}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Box>

      {me.lab && (
        <Card>
          <Group justify="space-between" wrap="wrap" gap="md">
            <Group gap="md" wrap="nowrap">
              <ThemeIcon size={48} radius="md" variant="light">
                <IconBuildingCommunity size={26} aria-hidden />
              </ThemeIcon>
              <div>
                <Text size="sm" c="dimmed">
                  {t('home.yourLab')}
                </Text>
                <Title order={2} fz="lg">
                  <Anchor component={Link} to={`/labs/${me.lab.id}`} inherit>
                    {me.lab.acronym}
                  </Anchor>
                </Title>
                <Text size="sm">{me.lab.name}</Text>
              </div>
            </Group>
            <Button
              component={Link}
              to={`/labs/${me.lab.id}`}
              variant="light"
              rightSection={<IconArrowRight size={16} aria-hidden />}
            >
              {t('home.openLab')}
            </Button>
          </Group>
        </Card>
      )}

      <Actions me={me} />

      <section aria-labelledby="quick-links">
        <Title order={2} id="quick-links" mb="md">
          {t('home.quickLinks')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: canAdmin ? 4 : 3 }} spacing="md">
          <QuickLink
            to="/network"
            icon={<IconNetwork size={24} aria-hidden />}
            title={t('nav.network')}
            text={t('home.networkText')}
          />
          <QuickLink
            to="/skills"
            icon={<IconBulb size={24} aria-hidden />}
            title={t('nav.skills')}
            text={t('home.skillsText')}
          />
          <QuickLink
            to="/profile"
            icon={<IconUserCircle size={24} aria-hidden />}
            title={t('nav.profile')}
            text={t('home.profileText')}
          />
          {canAdmin && (
            <QuickLink
              to="/admin"
              icon={<IconSettings size={24} aria-hidden />}
              title={t('nav.admin')}
              text={t('home.adminText')}
            />
          )}
        </SimpleGrid>
      </section>

      <section aria-labelledby="network-stats">
        <Title order={2} id="network-stats" mb="md">
          {t('home.statsTitle')}
        </Title>
        <NetworkStats />
      </section>
    </Stack>
  );
}

function PublicHome() {
  const { t } = useTranslation();
  useDocumentTitle('Relais');
  return (
    <Stack gap={40}>
      <Box className={classes.hero}>
        <Stack gap="md" maw={720}>
          <Text fw={600} c="relais.1" size="sm">
            CNRS Nucléaire &amp; Particules · IN2P3
          </Text>
          <Title order={1} c="white" fz={{ base: 28, sm: 40 }} lh={1.15}>
            {t('home.publicTitle')}
          </Title>
          <Text c="relais.0" fz="lg">
            {t('home.publicText')}
          </Text>
          <Group gap="sm" mt="sm">
            <Button
              component={Link}
              to="/login"
              size="md"
              variant="white"
              leftSection={<IconLogin2 size={18} aria-hidden />}
            >
              {t('nav.signIn')}
            </Button>
            <Button
              component={Link}
              to="/network"
              size="md"
              variant="outline"
              color="white"
              leftSection={<IconMapPin size={18} aria-hidden />}
              className={classes.heroOutline}
            >
              {t('home.exploreNetwork')}
            </Button>
          </Group>
        </Stack>
      </Box>

      <section aria-labelledby="what-for">
        <Title order={2} id="what-for" mb="md">
          {t('home.whatFor')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <QuickLink
            to="/network"
            icon={<IconNetwork size={24} aria-hidden />}
            title={t('nav.network')}
            text={t('home.publicNetwork')}
          />
          <QuickLink
            to="/skills"
            icon={<IconBulb size={24} aria-hidden />}
            title={t('nav.skills')}
            text={t('home.publicSkills')}
          />
          <QuickLink
            to="/login"
            icon={<IconLogin2 size={24} aria-hidden />}
            title={t('home.memberTitle')}
            text={t('home.memberText')}
          />
        </SimpleGrid>
      </section>

      <section aria-labelledby="network-stats">
        <Title order={2} id="network-stats" mb="md">
          {t('home.statsTitle')}
        </Title>
        <NetworkStats />
      </section>
    </Stack>
  );
}

export default function HomePage() {
  const { data: me, isPending } = useMeQuery();
  if (isPending) return <PageSkeleton />;
  return me ? <SignedInHome me={me} /> : <PublicHome />;
}
