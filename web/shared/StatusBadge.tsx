import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../shared/roles.ts';

const colors: Record<AccountStatus, string> = {
  none: 'gray',
  invited: 'yellow',
  active: 'teal',
  disabled: 'red',
};

/** Account status of a person: no account, invited, active, disabled. */
export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
