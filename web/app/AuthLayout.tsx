import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { PageSkeleton } from '../shared/States.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';

/** Sign-in, password and invitation pages: a calm, centred layout without the navigation. */
export function AuthLayout() {
  const { t } = useTranslation();
  return (
    <Box
      mih="100dvh"
      style={{
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, #eef2fb 0%, #f6f7fb 340px)',
      }}
    >
      <Box component="header" py="md">
        <Container size="lg">
          <Group justify="space-between">
            <Logo />
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container
        component="main"
        id="main"
        size="lg"
        w="100%"
        py={{ base: 'md', sm: 40 }}
        style={{ flex: 1 }}
      >
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </Container>
      <Box component="footer" py="lg">
        <Container size="lg">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('footer.tagline')}
            </Text>
            <Anchor component={Link} to="/network" size="sm" c="gray.7">
              {t('footer.directory')}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
