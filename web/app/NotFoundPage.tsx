import { Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notFound.title')} · Relais`);
  return (
    <Center mih={420}>
      <Stack align="center" gap="md" maw={520} ta="center">
        <IconMapQuestion size={56} stroke={1.4} color="var(--mantine-color-relais-6)" aria-hidden />
        <Text fw={700} c="relais.7" fz="sm" tt="uppercase" lts={1}>
          {t('notFound.code')}
        </Text>
        <Title order={1}>{t('notFound.title')}</Title>
        <Text c="dimmed">{t('notFound.text')}</Text>
        <Group justify="center">
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
          <Button component={Link} to="/network" variant="default">
            {t('nav.network')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
