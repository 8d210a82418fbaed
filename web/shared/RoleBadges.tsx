import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleName } from '../../shared/roles.ts';
import { roleWithScope } from '../app/format.ts';
import type { RoleView } from '../app/types.ts';

/** One colour per role, readable on white with the light badge variant. */
export const roleColors: Record<RoleName, string> = {
  contributor: 'gray',
  correspondent: 'relais',
  dr_officer: 'grape',
  cell: 'teal',
  dircom: 'orange',
  admin: 'red',
};

export function RoleBadges({
  roles,
  withScope = true,
  size = 'md',
}: {
  roles: RoleView[];
  withScope?: boolean;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  if (roles.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap">
      {roles.map((grant) => (
        <Badge
          key={`${grant.role}-${grant.lab?.id ?? grant.delegation?.id ?? ''}`}
          color={roleColors[grant.role] ?? 'gray'}
          size={size}
          style={{ maxWidth: '100%' }}
        >
          {withScope ? roleWithScope(t, grant) : t(`roles.${grant.role}`)}
        </Badge>
      ))}
    </Group>
  );
}
