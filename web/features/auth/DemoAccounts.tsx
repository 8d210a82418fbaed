import { Avatar, Box, Card, Group, Loader, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { initials } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import type { DemoAccount } from '../../app/types.ts';
import classes from './demo.module.css';

type Props = { accounts: DemoAccount[]; pendingEmail: string | null; onPick: (account: DemoAccount) => void };

/** One-click sign-in as each role, shown only when the server runs in demo mode. */
export function DemoAccounts({ accounts, pendingEmail, onPick }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card p={{ base: 'lg', sm: 'xl' }} className={classes.panel}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <IconFlask size={22} color="var(--mantine-color-relais-7)" aria-hidden />
          <Title order={2} fz="lg">
            {t('auth.demoTitle')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('auth.demoIntro')}
        </Text>
        <Stack gap={8}>
          {accounts.map((account) => {
            const label = locale === 'en' ? account.label.en : account.label.fr;
            return (
              <UnstyledButton
                key={account.email}
                className={classes.account}
                onClick={() => onPick(account)}
                disabled={pendingEmail !== null}
              >
                <Group gap="sm" wrap="nowrap">
                  <Avatar color="relais" radius="xl" size={38} aria-hidden>
                    {initials(account.name)}
                  </Avatar>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={650} size="sm">
                      {label}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {account.name}
                      {account.lab && !label.includes(account.lab) ? ` · ${account.lab}` : ''}
                    </Text>
                  </div>
                  {pendingEmail === account.email ? (
                    <Loader size="sm" />
                  ) : (
                    <>
                      <Text size="xs" fw={600} c="relais.7" className={classes.cta} visibleFrom="sm">
                        {t('auth.demoGo')}
                      </Text>
                      <Box hiddenFrom="sm" c="relais.7" lh={0}>
                        <IconChevronRight size={18} aria-hidden />
                      </Box>
                    </>
                  )}
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}
