import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type Crumb = { label: string; to: string };

type Props = {
  title: string;
  /** Shown before the title, e.g. the lab's acronym as a badge. */
  eyebrow?: ReactNode;
  description?: ReactNode;
  breadcrumbs?: Crumb[];
  actions?: ReactNode;
  /** Text of the browser tab, when it should differ from the title. */
  documentTitle?: string;
};

/** The one h1 of a page, with its breadcrumbs and actions; also sets the tab title. */
export function PageHeader({ title, eyebrow, description, breadcrumbs, actions, documentTitle }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(`${documentTitle ?? title} · Relais`);
  return (
    <Box component="header" mb="xl">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <Box component="nav" aria-label={t('common.breadcrumbs')} mb="xs">
          <Breadcrumbs separatorMargin={6} styles={{ separator: { color: 'var(--mantine-color-gray-6)' } }}>
            {breadcrumbs.map((crumb) => (
              <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm" c="relais.7">
                {crumb.label}
              </Anchor>
            ))}
          </Breadcrumbs>
        </Box>
      )}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          {eyebrow}
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="md" maw={760} component="div">
              {description}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Box>
  );
}
