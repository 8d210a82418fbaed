import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconPlus, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../shared/States.tsx';
import classes from '../campaigns/campaigns.module.css';
import { useCampaignsT } from '../campaigns/i18n.ts';
import { SendingNav } from '../campaigns/SendingNav.tsx';
import type { MailingList } from '../campaigns/types.ts';
import { useLists } from './api.ts';
import { ListFormModal } from './ListFormModal.tsx';
import { SubscribeLink } from './SubscribeLink.tsx';

function ListCard({ list }: { list: MailingList }) {
  const t = useCampaignsT();
  return (
    <Card withBorder padding="lg" className={classes.clickCard} component="li">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
            <Link to={`/campaigns/lists/${list.id}`} className={classes.cardLink}>
              {list.name}
            </Link>
          </Title>
          {list.isPublic ? (
            <Tooltip label={t('lists.publicHint')}>
              <Badge variant="light" color="teal" leftSection={<IconWorld size={12} aria-hidden />}>
                {t('lists.public')}
              </Badge>
            </Tooltip>
          ) : (
            <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
              {t('lists.private')}
            </Badge>
          )}
        </Group>
        {list.description && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {list.description}
          </Text>
        )}
        <Group gap="md" mt="auto" pt="xs">
          <Text fw={700} size="xl" c="relais.8">
            {t('lists.active', { count: list.counts.active })}
          </Text>
        </Group>
        <Group gap="md">
          {list.counts.pending > 0 && (
            <Text size="sm" c="dimmed">
              {t('lists.pending', { count: list.counts.pending })}
            </Text>
          )}
          {list.counts.unsubscribed > 0 && (
            <Text size="sm" c="dimmed">
              {t('lists.unsubscribed', { count: list.counts.unsubscribed })}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The mailing lists with their counts, a new list, the public subscribe link. */
export default function ListsPage() {
  const t = useCampaignsT();
  const lists = useLists();
  const navigate = useNavigate();
  const [isCreating, { open, close }] = useDisclosure(false);

  const newButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
      {t('lists.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('lists.title')} description={t('lists.description')} actions={newButton} />
      <SendingNav />
      <Stack gap="lg">
        {lists.isError ? (
          <ErrorState error={lists.error} onRetry={() => void lists.refetch()} />
        ) : lists.isPending ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true">
            <Skeleton height={150} radius="lg" />
            <Skeleton height={150} radius="lg" />
            <Skeleton height={150} radius="lg" />
          </SimpleGrid>
        ) : lists.data.items.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup size={28} aria-hidden />}
            title={t('lists.empty')}
            description={t('lists.emptyHint')}
            action={newButton}
          />
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {lists.data.items.map((list) => (
              <ListCard key={list.id} list={list} />
            ))}
          </SimpleGrid>
        )}
        <SubscribeLink />
      </Stack>
      <ListFormModal
        opened={isCreating}
        onClose={close}
        onCreated={(list) => navigate(`/campaigns/lists/${list.id}`)}
      />
    </>
  );
}
