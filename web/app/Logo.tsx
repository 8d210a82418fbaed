import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The Relais mark and name, linking home. */
export function Logo() {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to="/"
      underline="never"
      c="inherit"
      aria-label={t('nav.logo')}
      style={{ borderRadius: 8 }}
    >
      <Group gap={8} wrap="nowrap">
        <svg width="30" height="30" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <rect width="64" height="64" rx="14" fill="#1c3f8c" />
          <circle cx="20" cy="40" r="7" fill="#fff" />
          <circle cx="44" cy="24" r="7" fill="#fff" />
          <path d="M24 36 40 28" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
        </svg>
        <Text component="span" fw={800} fz={20} c="relais.8" lts={-0.3}>
          Relais
        </Text>
      </Group>
    </Anchor>
  );
}
