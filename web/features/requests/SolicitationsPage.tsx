import '@mantine/dates/styles.css';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconEar, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type RequestKind,
  requestKinds,
  type SolicitationState,
  solicitationStates,
} from '../../../shared/requests.ts';
import { useMe } from '../../app/auth.ts';
import { notifyError } from '../../app/errors.ts';
import { formatDate } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState } from '../../shared/States.tsx';
import { MessageModal } from '../stories/story/MessageModal.tsx';
import { useDismissSolicitation, useRouteSolicitation, useSolicitations } from './api.ts';
import { formatDay, solicitationStateColors } from './badges.tsx';
import { DeadlineField, defaultDeadline, defaultReminders, RemindersField } from './form/DeadlineField.tsx';
import { useRequestsT } from './i18n.ts';
import { RecordSolicitationButton } from './SolicitationForm.tsx';
import type { DeadlineInput, Solicitation } from './types.ts';

const pageSize = 20;

function RouteModal({ item, onClose }: { item: Solicitation | null; onClose: () => void }) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const route = useRouteSolicitation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<RequestKind>('other');
  const [deadline, setDeadline] = useState<DeadlineInput>(defaultDeadline(5));
  const [reminderDays, setReminderDays] = useState<number[]>(defaultReminders);
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (item && shownFor !== item.id) {
    setShownFor(item.id);
    setTitle(item.subject);
    setKind('other');
    setDeadline(defaultDeadline(5));
    setReminderDays(defaultReminders);
  }
  const submit = async () => {
    if (!item) return;
    try {
      const result = await route.mutateAsync({
        id: item.id,
        input: { title: title.trim() || undefined, kind, deadline, reminderDays },
      });
      notifications.show({ color: 'teal', message: t('solicitations.routed') });
      onClose();
      navigate(`/requests/${result.requestId}`);
    } catch (error) {
      notifyError(tc, error);
    }
  };
  return (
    <Modal opened={item !== null} onClose={onClose} title={t('solicitations.routeTitle')} size="lg" centered>
      <DatesProvider settings={{ locale: currentLocale() === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('solicitations.routeText', { lab: item?.lab.acronym ?? '' })}</Text>
            <TextInput
              label={t('form.titleLabel')}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              maxLength={200}
              required
              data-autofocus
            />
            <Select
              label={t('form.kind')}
              data={requestKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
              value={kind}
              onChange={(value) => setKind((value as RequestKind) ?? 'other')}
              allowDeselect={false}
            />
            <DeadlineField value={deadline} onChange={setDeadline} />
            <RemindersField value={reminderDays} onChange={setReminderDays} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {tc('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={route.isPending}
                rightSection={<IconArrowRight size={16} aria-hidden />}
              >
                {t('solicitations.route')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </Modal>
  );
}

function SolicitationCard({
  item,
  onRoute,
  onDismiss,
}: {
  item: Solicitation;
  onRoute: (item: Solicitation) => void;
  onDismiss: (item: Solicitation) => void;
}) {
  const t = useRequestsT();
  const locale = currentLocale();
  const contact = item.contactedPerson?.name || item.contactedName;
  return (
    <Card padding="md" component="article" aria-labelledby={`solicitation-${item.id}`}>
      <Stack gap={8}>
        <Group gap={6} wrap="wrap">
          <Badge color={solicitationStateColors[item.state]} variant="light">
            {t(`solicitations.state.${item.state}`)}
          </Badge>
          <Badge color="relais" variant="outline">
            {item.lab.acronym}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('solicitations.contactedOnDate', { date: formatDay(item.contactedOn) })}
          </Text>
        </Group>
        <Title order={2} fz="md" fw={650} id={`solicitation-${item.id}`} style={{ overflowWrap: 'anywhere' }}>
          {item.subject}
        </Title>
        <Text size="sm" fw={600}>
          {[item.requesterName, item.requesterOrganisation].filter(Boolean).join(', ')}
        </Text>
        {item.asked && (
          <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.asked}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {[
            t('solicitations.recordedBy', { name: item.recordedBy.name }),
            contact ? t('solicitations.contactedWho', { name: contact }) : null,
            item.handledBy && item.handledAt
              ? t('solicitations.handledBy', {
                  name: item.handledBy.name,
                  date: formatDate(item.handledAt, locale),
                })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {(item.abilities.route || item.abilities.dismiss || item.requestId) && (
          <Group gap="sm" mt={4}>
            {item.requestId && (
              <Anchor component={Link} to={`/requests/${item.requestId}`} size="sm" fw={600}>
                {t('solicitations.openRequest')} →
              </Anchor>
            )}
            {item.abilities.route && (
              <Button
                size="xs"
                onClick={() => onRoute(item)}
                rightSection={<IconArrowRight size={14} aria-hidden />}
              >
                {t('solicitations.route')}
              </Button>
            )}
            {item.abilities.dismiss && (
              <Button size="xs" variant="default" onClick={() => onDismiss(item)}>
                {t('solicitations.dismiss')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Direct contacts that bypassed the cell: logged by the labs, routed or dismissed by the cell. */
export default function SolicitationsPage() {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const abilities = (me?.abilities ?? {}) as Record<string, boolean | undefined>;
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') ?? (abilities.routeRequests ? 'new' : 'all')) as
    | SolicitationState
    | 'all';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const solicitations = useSolicitations({
    state: state === 'all' ? undefined : state,
    q: q || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const dismiss = useDismissSolicitation();
  const [routing, setRouting] = useState<Solicitation | null>(null);
  const [dismissing, setDismissing] = useState<Solicitation | null>(null);
  const total = solicitations.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);

  return (
    <>
      <PageHeader
        title={t('solicitations.title')}
        description={t('solicitations.description')}
        breadcrumbs={[{ label: t('nav.requests'), to: '/requests' }]}
        actions={abilities.recordSolicitations && <RecordSolicitationButton />}
      />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Text size="sm" fw={500} mb={4} id="solicitation-state-label">
            {t('solicitations.stateFilter')}
          </Text>
          <SegmentedControl
            aria-labelledby="solicitation-state-label"
            value={state}
            onChange={(value) => {
              setPage(1);
              setParams(new URLSearchParams({ state: value }), { replace: true });
            }}
            data={[...solicitationStates, 'all' as const].map((value) => ({
              value,
              label: t(`solicitations.states.${value}`),
            }))}
          />
        </div>
        <TextInput
          label={t('solicitations.search')}
          placeholder={t('solicitations.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 240px' }}
          maw={420}
        />
        <Text size="sm" c="dimmed" aria-live="polite" pb={8}>
          {solicitations.data ? t('solicitations.count', { count: total }) : tc('common.loading')}
        </Text>
      </Group>
      {solicitations.isError ? (
        <ErrorState error={solicitations.error} onRetry={() => void solicitations.refetch()} />
      ) : solicitations.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={tc('common.loading')}>
          <CardsSkeleton count={3} />
        </Stack>
      ) : solicitations.data.items.length === 0 ? (
        <EmptyState
          icon={<IconEar size={28} aria-hidden />}
          title={q || state !== 'all' ? t('solicitations.emptyFiltered') : t('solicitations.empty')}
          description={t('solicitations.emptyHint')}
          action={abilities.recordSolicitations && <RecordSolicitationButton variant="default" />}
        />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {solicitations.data.items.map((item) => (
            <li key={item.id}>
              <SolicitationCard item={item} onRoute={setRouting} onDismiss={setDismissing} />
            </li>
          ))}
        </Stack>
      )}
      {pages > 1 && (
        <Group justify="center" mt="lg">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous'
                  ? tc('common.previousPage')
                  : control === 'next'
                    ? tc('common.nextPage')
                    : control,
            })}
            getItemProps={(item) => ({ 'aria-label': tc('common.page', { page: item }) })}
          />
        </Group>
      )}
      <RouteModal item={routing} onClose={() => setRouting(null)} />
      <MessageModal
        opened={dismissing !== null}
        onClose={() => setDismissing(null)}
        title={t('solicitations.dismissTitle')}
        text={t('solicitations.dismissText')}
        label={t('solicitations.dismissMessage')}
        confirmLabel={t('solicitations.confirmDismiss')}
        isRequired={false}
        onConfirm={async (message) => {
          if (!dismissing) return;
          try {
            await dismiss.mutateAsync({ id: dismissing.id, message: message || undefined });
            notifications.show({ color: 'teal', message: t('solicitations.dismissed') });
          } catch (error) {
            notifyError(tc, error);
            throw error;
          }
        }}
      />
    </>
  );
}
