import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconList, IconMap2, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAbilities } from '../../app/auth.ts';
import type { Lab, LabKind } from '../../app/types.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, TableSkeleton } from '../../shared/States.tsx';
import { useDelegations, useLabs } from '../labs/api.ts';
import { FranceMap } from './FranceMap.tsx';

function KindBadge({ kind }: { kind: LabKind }) {
  const { t } = useTranslation();
  return kind === 'platform' ? (
    <Badge color="teal" size="sm">
      {t('labs.kind.platform')}
    </Badge>
  ) : null;
}

function Correspondents({ lab }: { lab: Lab }) {
  const { t } = useTranslation();
  if (lab.correspondents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('network.noCorrespondent')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {lab.correspondents.map((person) => (
        <Anchor key={person.id} component={Link} to={`/people/${person.id}`} size="sm">
          {person.name}
        </Anchor>
      ))}
    </Stack>
  );
}

function LabsTable({ labs }: { labs: Lab[] }) {
  const { t } = useTranslation();
  return (
    <Card p={0} visibleFrom="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left', padding: '12px 16px 0' }}>
            <VisuallyHidden>{t('network.tableCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col">{t('labs.acronym')}</Table.Th>
              <Table.Th scope="col">{t('labs.name')}</Table.Th>
              <Table.Th scope="col">{t('labs.city')}</Table.Th>
              <Table.Th scope="col">{t('labs.delegation')}</Table.Th>
              <Table.Th scope="col">{t('labs.correspondents')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('labs.people')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {labs.map((lab) => (
              <Table.Tr key={lab.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/labs/${lab.id}`} fw={700}>
                      {lab.acronym}
                    </Anchor>
                    <KindBadge kind={lab.kind} />
                  </Group>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm">{lab.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{lab.city}</Text>
                </Table.Td>
                <Table.Td>
                  {lab.delegation && (
                    <Text size="sm">
                      <Text span fw={600} size="sm">
                        {lab.delegation.code}
                      </Text>{' '}
                      {lab.delegation.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Correspondents lab={lab} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={600}>
                    {lab.peopleCount}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function LabCards({
  labs,
  compact = false,
  headingOrder = 2,
}: {
  labs: Lab[];
  compact?: boolean;
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={compact ? 1 : { base: 1, sm: 2 }} spacing="sm">
      {labs.map((lab) => (
        <Card key={lab.id} padding={compact ? 'sm' : 'md'} className="hover-card" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Title order={headingOrder} fz="md">
                  <Anchor component={Link} to={`/labs/${lab.id}`} inherit>
                    {lab.acronym}
                  </Anchor>
                </Title>
                <KindBadge kind={lab.kind} />
              </Group>
              <Text size="sm" lineClamp={2}>
                {lab.name}
              </Text>
              <Text size="sm" c="dimmed">
                {lab.city}
                {lab.delegation ? ` · ${lab.delegation.code}` : ''}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap" c="gray.7">
              <IconUsers size={16} aria-hidden />
              <Text size="sm" fw={600}>
                <VisuallyHidden>{t('network.peopleCountLabel')} </VisuallyHidden>
                {lab.peopleCount}
              </Text>
            </Group>
          </Group>
          {!compact && lab.correspondents.length > 0 && (
            <Text size="sm" mt="xs">
              <Text span size="sm" c="dimmed">
                {t('network.correspondentsLabel')}{' '}
              </Text>
              {lab.correspondents.map((person, index) => (
                <span key={person.id}>
                  {index > 0 && ', '}
                  <Anchor component={Link} to={`/people/${person.id}`} size="sm">
                    {person.name}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

export default function NetworkPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const delegation = params.get('delegation') ?? '';
  const kindParam = params.get('kind');
  const kind: LabKind | '' = kindParam === 'lab' || kindParam === 'platform' ? kindParam : '';
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const [text, setText] = useState(q);

  const update = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const updateQuery = useDebouncedCallback((value: string) => update({ q: value.trim() }), 250);

  const labs = useLabs({ q, delegation, kind });
  const delegations = useDelegations();
  const items = [...(labs.data?.items ?? [])].sort((a, b) => a.acronym.localeCompare(b.acronym));
  const isFiltered = Boolean(q || delegation || kind);

  return (
    <>
      <PageHeader
        title={t('network.title')}
        description={t('network.description')}
        actions={
          abilities.manageDirectory && (
            <Button
              component={Link}
              to="/admin/labs?new=1"
              leftSection={<IconPlus size={18} aria-hidden />}
              variant="light"
            >
              {t('labs.add')}
            </Button>
          )
        }
      />

      <Card mb="lg" padding="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('network.search')}
            placeholder={t('network.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              updateQuery(event.currentTarget.value);
            }}
            style={{ flex: '2 1 240px' }}
            type="search"
          />
          <Select
            label={t('labs.delegation')}
            placeholder={t('network.allDelegations')}
            data={(delegations.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.code} · ${item.name}`,
            }))}
            value={delegation || null}
            onChange={(value) => update({ delegation: value ?? '' })}
            clearable
            searchable
            style={{ flex: '1 1 220px' }}
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={4} style={{ flex: '0 0 auto' }}>
            <Text size="sm" fw={500} id="kind-label">
              {t('network.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="kind-label"
              value={kind || 'all'}
              onChange={(value) => update({ kind: value === 'all' ? '' : value })}
              data={[
                { value: 'all', label: t('network.kindAll') },
                { value: 'lab', label: t('network.kindLab') },
                { value: 'platform', label: t('network.kindPlatform') },
              ]}
            />
          </Stack>
          <Stack gap={4} style={{ flex: '0 0 auto' }} ml={{ md: 'auto' }}>
            <Text size="sm" fw={500} id="view-label">
              {t('network.view')}
            </Text>
            <SegmentedControl
              aria-labelledby="view-label"
              value={view}
              onChange={(value) => update({ view: value === 'map' ? 'map' : '' })}
              data={[
                {
                  value: 'list',
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      <IconList size={16} aria-hidden />
                      <span>{t('network.viewList')}</span>
                    </Group>
                  ),
                },
                {
                  value: 'map',
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      <IconMap2 size={16} aria-hidden />
                      <span>{t('network.viewMap')}</span>
                    </Group>
                  ),
                },
              ]}
            />
          </Stack>
        </Group>
      </Card>

      <Text size="sm" c="dimmed" mb="sm" role="status">
        {labs.data ? t('network.count', { count: items.length }) : ' '}
      </Text>

      {labs.isError ? (
        <ErrorState error={labs.error} onRetry={() => void labs.refetch()} />
      ) : labs.isPending ? (
        <TableSkeleton rows={8} />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('network.emptyTitle')}
          description={isFiltered ? t('network.emptyFiltered') : t('network.emptyText')}
          action={
            isFiltered && (
              <Button
                variant="light"
                onClick={() => {
                  setText('');
                  update({ q: '', delegation: '', kind: '' });
                }}
              >
                {t('common.clearFilters')}
              </Button>
            )
          }
        />
      ) : view === 'map' ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card padding="lg">
              <Title order={2} fz="lg" mb="sm">
                {t('network.mapTitle')}
              </Title>
              <FranceMap labs={items} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Card padding="md">
              <Title order={2} fz="lg" mb="sm">
                {t('network.listTitle')}
              </Title>
              <ScrollArea.Autosize mah={{ base: 'none', lg: 760 }} type="auto" offsetScrollbars>
                <LabCards labs={items} compact headingOrder={3} />
              </ScrollArea.Autosize>
            </Card>
          </Grid.Col>
        </Grid>
      ) : (
        <>
          <LabsTable labs={items} />
          <Stack hiddenFrom="md">
            <LabCards labs={items} />
          </Stack>
        </>
      )}
    </>
  );
}
