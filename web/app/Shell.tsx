import {
  ActionIcon,
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Container,
  Group,
  Kbd,
  NavLink,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useOs } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconBulb,
  IconHome,
  IconLogin2,
  IconNetwork,
  IconSearch,
  IconSettings,
  IconUserCircle,
} from '@tabler/icons-react';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSendingNavItems } from '../features/campaigns/nav.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { useRequestNavItems } from '../features/requests/nav.ts';
import { useStoryNavItems } from '../features/stories/nav.ts';
import { PageSkeleton } from '../shared/States.tsx';
import { useAbilities, useMeQuery } from './auth.ts';
import { i18next, storedLocale } from './i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { SearchSpotlight } from './SearchSpotlight.tsx';
import classes from './shell.module.css';
import { UserMenu } from './UserMenu.tsx';

type NavItem = {
  to: string;
  label: string;
  icon: typeof IconHome;
  end?: boolean;
  /** Something waiting for the person (a count), and its words for screen readers. */
  badge?: number;
  badgeLabel?: string;
};

function NavBadge({ item }: { item: NavItem }) {
  if (!item.badge) return null;
  return (
    <>
      <Badge size="xs" circle={item.badge < 10} color="orange.8" variant="filled" ml={6} aria-hidden>
        {item.badge > 99 ? '99+' : item.badge}
      </Badge>
      <span className="sr-only"> ({item.badgeLabel ?? item.badge})</span>
    </>
  );
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const storyItems = useStoryNavItems();
  const requestItems = useRequestNavItems();
  const sendingItems = useSendingNavItems();
  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: IconHome, end: true },
    { to: '/network', label: t('nav.network'), icon: IconNetwork },
    { to: '/skills', label: t('nav.skills'), icon: IconBulb },
    ...storyItems,
    ...requestItems,
    ...sendingItems,
  ];
  if (abilities.manageUsers || abilities.manageSkills || abilities.manageJobs)
    items.push({ to: '/admin', label: t('nav.admin'), icon: IconSettings });
  return items;
}

/** When a session exists and no language was picked on this device, use the profile's. */
function useProfileLocale() {
  const { data: me } = useMeQuery();
  const applied = useRef(false);
  useEffect(() => {
    if (!me || applied.current) return;
    applied.current = true;
    if (
      !storedLocale() &&
      (me.locale === 'fr' || me.locale === 'en') &&
      me.locale !== i18next.resolvedLanguage
    ) {
      void i18next.changeLanguage(me.locale);
    }
  }, [me]);
}

/** Moves focus to the new page's title after a navigation, as a screen reader user would expect. */
function useFocusOnNavigate() {
  const location = useLocation();
  const lastPath = useRef(location.pathname);
  useEffect(() => {
    if (lastPath.current === location.pathname) return;
    lastPath.current = location.pathname;
    if (location.hash) return;
    window.scrollTo({ top: 0 });
    // The page may still be loading its chunk: look for its title for a short while.
    let tries = 0;
    const timer = window.setInterval(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      tries += 1;
      if (heading || tries > 30) window.clearInterval(timer);
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [location.pathname, location.hash]);
}

export function Shell() {
  const { t } = useTranslation();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { data: me, isPending } = useMeQuery();
  const items = useNavItems();
  const location = useLocation();
  const os = useOs();
  useProfileLocale();
  useFocusOnNavigate();

  // Close the phone menu after every navigation.
  const lastPath = useRef(location.pathname);
  useEffect(() => {
    if (lastPath.current === location.pathname) return;
    lastPath.current = location.pathname;
    closeNav();
  }, [location.pathname, closeNav]);

  const signIn = (
    <Button
      component={Link}
      to="/login"
      state={{ from: `${location.pathname}${location.search}` }}
      leftSection={<IconLogin2 size={18} aria-hidden />}
      size="sm"
    >
      {t('nav.signIn')}
    </Button>
  );

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !isNavOpen, desktop: true } }}
      padding={0}
    >
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header className={classes.header}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="lg" wrap="nowrap">
              <Burger
                opened={isNavOpen}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={isNavOpen ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={isNavOpen}
                aria-controls="mobile-navigation"
              />
              <Logo />
              <Group component="nav" aria-label={t('nav.main')} gap={4} visibleFrom="sm" wrap="nowrap">
                {items.map((item) => (
                  <RouterNavLink key={item.to} to={item.to} end={item.end} className={classes.navLink}>
                    {item.label}
                    <NavBadge item={item} />
                  </RouterNavLink>
                ))}
              </Group>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <UnstyledButton
                className={classes.searchButton}
                onClick={() => spotlight.open()}
                visibleFrom="lg"
              >
                <IconSearch size={16} aria-hidden />
                <span style={{ flex: 1, textAlign: 'left' }}>{t('search.button')}</span>
                <Kbd size="xs">{os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl'} K</Kbd>
              </UnstyledButton>
              <ActionIcon
                variant="subtle"
                color="dark"
                size="lg"
                onClick={() => spotlight.open()}
                aria-label={t('search.button')}
                hiddenFrom="lg"
              >
                <IconSearch size={20} aria-hidden />
              </ActionIcon>
              {me && <NotificationBell />}
              <LanguageSwitch visibleFrom="sm" />
              {isPending ? (
                <Skeleton circle height={34} />
              ) : me ? (
                <UserMenu me={me} />
              ) : (
                <span>{signIn}</span>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>

      {isNavOpen && (
        <AppShell.Navbar p="md" id="mobile-navigation">
          <Stack component="nav" aria-label={t('nav.main')} gap={4}>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.end}
                label={
                  <>
                    {item.label}
                    <NavBadge item={item} />
                  </>
                }
                leftSection={<item.icon size={20} aria-hidden />}
                active={item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)}
                style={{ borderRadius: 8 }}
              />
            ))}
            {me && (
              <NavLink
                component={RouterNavLink}
                to="/profile"
                label={t('nav.profile')}
                leftSection={<IconUserCircle size={20} aria-hidden />}
                active={location.pathname === '/profile'}
                style={{ borderRadius: 8 }}
              />
            )}
          </Stack>
          <LanguageSwitch mt="md" justify="flex-start" />
        </AppShell.Navbar>
      )}

      <AppShell.Main id="main" className={classes.main}>
        <SearchSpotlight />
        <Container size="xl" w="100%" py={{ base: 'lg', sm: 32 }} px={{ base: 'md', sm: 'xl' }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
      <footer className={classes.footer}>
        <Container size="xl" py="lg" px={{ base: 'md', sm: 'xl' }}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('footer.tagline')}
            </Text>
            <Anchor href="/api/docs" size="sm" c="gray.7">
              {t('footer.api')}
            </Anchor>
          </Group>
        </Container>
      </footer>
    </AppShell>
  );
}
