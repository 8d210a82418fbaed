import { Group, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** Heading of an admin section, with its main action. */
export function SectionHeader({ title, action }: { title: string; action?: ReactNode }) {
  useDocumentTitle(`${title} · Administration · Relais`);
  return (
    <Group justify="space-between" mb="md" gap="sm">
      <Title order={2}>{title}</Title>
      {action}
    </Group>
  );
}
