import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import '@mantine/dates/styles.css';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignLimits } from '../../../shared/campaigns.ts';
import { isApiError } from '../../app/api.ts';
import { errorMessage, translateFieldMessage } from '../../app/errors.ts';
import { formatDateTime } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { useCampaignAction, useTestSend } from './api.ts';
import { useCampaignsT } from './i18n.ts';
import type { Campaign, TestResult } from './types.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Up to ten addresses; the results say which were sent, suppressed or failed. */
export function TestSendModal({
  campaign,
  opened,
  onClose,
  defaultEmail,
}: {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  defaultEmail: string;
}) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const testSend = useTestSend(campaign.id);
  const [text, setText] = useState(defaultEmail);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<TestResult[] | null>(null);

  const send = async () => {
    const emails = [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    ];
    const bad = emails.find((email) => !emailPattern.test(email));
    if (emails.length === 0) return setError(tc('fieldErrors.required'));
    if (bad) return setError(t('test.invalid', { value: bad }));
    if (emails.length > campaignLimits.testRecipients) return setError(t('test.tooMany'));
    setError(null);
    try {
      const answer = await testSend.mutateAsync(emails);
      setResults(answer.results);
    } catch (failure) {
      const field = isApiError(failure) ? Object.entries(failure.fields)[0] : undefined;
      setError(field ? `${field[0]}: ${translateFieldMessage(tc, field[1])}` : errorMessage(tc, failure));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('test.title')} centered>
      <Stack gap="md">
        <Textarea
          label={t('test.addresses')}
          description={t('test.addressesHint')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setResults(null);
          }}
          error={error}
          autosize
          minRows={2}
          data-autofocus
        />
        {results && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm" fw={600}>
              {t('test.results')}
            </Text>
            <List spacing={4} size="sm" listStyleType="none" p={0}>
              {results.map((result) => (
                <List.Item key={result.email}>
                  <Group gap="xs" wrap="nowrap">
                    <Badge
                      size="sm"
                      variant="light"
                      color={
                        result.state === 'sent' ? 'teal' : result.state === 'suppressed' ? 'orange' : 'red'
                      }
                    >
                      {t(`test.${result.state}`)}
                    </Badge>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {result.email}
                      {result.error ? ` — ${result.error}` : ''}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('common.close')}
          </Button>
          <Button onClick={() => void send()} loading={testSend.isPending}>
            {t('test.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function timeZones(current: string): string[] {
  let all: string[];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = ['Europe/Paris', 'UTC'];
  }
  return all.includes(current) ? all : [current, ...all];
}

/** What the confirmation says about the audience: the lists and the most people they reach. */
export function audienceOf(campaign: Campaign, activeByList: Map<string, number>) {
  const count = campaign.lists.reduce((sum, list) => sum + (activeByList.get(list.id) ?? 0), 0);
  const lists = campaign.lists
    .map((list) => list.name)
    .filter(Boolean)
    .join(', ');
  return { count, lists };
}

/** Date, time and zone, then a confirmation that states the audience size. */
export function ScheduleModal({
  campaign,
  opened,
  onClose,
  audience,
}: {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  audience: { count: number; lists: string };
}) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const action = useCampaignAction(campaign.id);
  const initial = campaign.scheduledAt
    ? dayjs(campaign.scheduledAt).tz('Europe/Paris')
    : dayjs().tz('Europe/Paris').add(1, 'day').hour(9).minute(0);
  const [date, setDate] = useState(initial.format('YYYY-MM-DD'));
  const [time, setTime] = useState(initial.format('HH:mm'));
  const [zone, setZone] = useState('Europe/Paris');
  const [error, setError] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(zone), [zone]);
  let instant: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time)) {
    try {
      instant = dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', zone).toISOString();
    } catch {
      instant = null;
    }
  }
  const isPast = instant !== null && Date.parse(instant) <= Date.now();

  const submit = async () => {
    if (!instant || isPast) return setError(t('schedule.past'));
    try {
      const updated = await action.mutateAsync({ name: 'schedule', body: { at: instant } });
      notifications.show({
        color: 'teal',
        message: t('schedule.done', { date: formatDateTime(updated.scheduledAt, locale) }),
      });
      onClose();
    } catch (failure) {
      const fields = isApiError(failure) ? failure.fields : {};
      setError(
        fields.listIds
          ? t('sendNow.needsLists')
          : fields.at
            ? t('schedule.past')
            : fields.bodyHtml
              ? translateFieldMessage(tc, fields.bodyHtml)
              : errorMessage(tc, failure),
      );
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('schedule.title')} centered size="lg">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DatePickerInput
            label={t('schedule.date')}
            value={date || null}
            onChange={(value) => setDate(value ?? '')}
            valueFormat="D MMMM YYYY"
            minDate={dayjs().format('YYYY-MM-DD')}
            required
            data-autofocus
          />
          <TimeInput
            label={t('schedule.time')}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            required
          />
          <Select
            label={t('schedule.zone')}
            data={zones}
            value={zone}
            onChange={(value) => setZone(value ?? 'Europe/Paris')}
            searchable
            allowDeselect={false}
            limit={50}
          />
        </SimpleGrid>
        {instant && !isPast && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('schedule.preview', { date: formatDateTime(instant, locale) })}
          </Text>
        )}
        <Alert variant="light" color="blue" p="sm">
          <Text size="sm">{t('schedule.message', audience)}</Text>
        </Alert>
        {error && (
          <Alert variant="light" color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={action.isPending} disabled={!instant || isPast}>
            {t('schedule.confirm', { count: audience.count })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Send now": says to how many people, and that nothing can be recalled. */
export function SendNowModal({
  campaign,
  opened,
  onClose,
  audience,
}: {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  audience: { count: number; lists: string };
}) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const action = useCampaignAction(campaign.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await action.mutateAsync({ name: 'send-now' });
      onClose();
    } catch (failure) {
      const fields = isApiError(failure) ? failure.fields : {};
      setError(
        fields.listIds
          ? t('sendNow.needsLists')
          : fields.bodyHtml
            ? translateFieldMessage(tc, fields.bodyHtml)
            : errorMessage(tc, failure),
      );
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('sendNow.title')} centered>
      <Stack gap="md">
        <Text>{t('sendNow.message', { subject: campaign.subject, ...audience })}</Text>
        {error && (
          <Alert variant="light" color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={action.isPending}
            disabled={campaign.lists.length === 0}
          >
            {t('sendNow.confirm', { count: audience.count })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
