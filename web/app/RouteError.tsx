import { Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconMoodConfuzed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

function ErrorContent({ isFullPage }: { isFullPage: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const isChunkError =
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed/i.test(error.message);
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <Center mih={isFullPage ? '100vh' : 360} p="xl">
      <Stack align="center" gap="md" maw={520} ta="center">
        <IconMoodConfuzed size={56} stroke={1.4} color="var(--mantine-color-relais-6)" aria-hidden />
        <Title order={1}>{t('errorPage.title')}</Title>
        <Text c="dimmed">{isChunkError ? t('errorPage.newVersion') : t('errorPage.text')}</Text>
        {detail && !isChunkError && (
          <Code block maw="100%" style={{ whiteSpace: 'pre-wrap' }}>
            {detail}
          </Code>
        )}
        <Group>
          <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
          <Button variant="default" component={Link} to="/" reloadDocument>
            {t('errorPage.home')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}

/** Last resort: the shell itself failed. */
export function RootError() {
  return (
    <main>
      <ErrorContent isFullPage />
    </main>
  );
}

/** A page failed: the shell stays, the page shows a friendly message. */
export function PageError() {
  return <ErrorContent isFullPage={false} />;
}
