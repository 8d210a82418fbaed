import '@mantine/dates/styles.css';
import { Box, Chip, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useMemo } from 'react';
import { defaultReminderDays } from '../../../../shared/requests.ts';
import { formatDateTime } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { useRequestsT } from '../i18n.ts';
import type { DeadlineInput } from '../types.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

export const defaultTimeZone = 'Europe/Paris';
export const reminderChoices = [14, 7, 3, 2, 1];
export const defaultReminders = [...defaultReminderDays];

/** A week from today at 17:00, Paris time: a sensible first deadline. */
export function defaultDeadline(days = 7): DeadlineInput {
  return { date: dayjs().add(days, 'day').format('YYYY-MM-DD'), time: '17:00', timeZone: defaultTimeZone };
}

/** The instant of a deadline, or null while incomplete. */
export function deadlineInstant(value: DeadlineInput): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.date) || !/^\d{2}:\d{2}$/.test(value.time)) return null;
  try {
    return dayjs.tz(`${value.date} ${value.time}`, 'YYYY-MM-DD HH:mm', value.timeZone).toISOString();
  } catch {
    return null;
  }
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [defaultTimeZone, 'UTC'];
  }
}

type Errors = { date?: string | null; time?: string | null; timeZone?: string | null };

/** Date, time and time zone of a deadline, and what it is in the viewer's own time. */
export function DeadlineField({
  value,
  onChange,
  errors = {},
}: {
  value: DeadlineInput;
  onChange: (value: DeadlineInput) => void;
  errors?: Errors;
}) {
  const t = useRequestsT();
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(value.timeZone) ? all : [value.timeZone, ...all];
  }, [value.timeZone]);
  const instant = deadlineInstant(value);
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DatePickerInput
          label={t('deadlineField.date')}
          value={value.date || null}
          onChange={(date) => onChange({ ...value, date: date ?? '' })}
          valueFormat="D MMMM YYYY"
          minDate={dayjs().format('YYYY-MM-DD')}
          required
          error={errors.date}
        />
        <TimeInput
          label={t('deadlineField.time')}
          value={value.time}
          onChange={(event) => onChange({ ...value, time: event.currentTarget.value })}
          required
          error={errors.time}
        />
        <Select
          label={t('deadlineField.zone')}
          data={zones}
          value={value.timeZone}
          onChange={(zone) => onChange({ ...value, timeZone: zone ?? defaultTimeZone })}
          searchable
          allowDeselect={false}
          error={errors.timeZone}
          limit={50}
        />
      </SimpleGrid>
      {instant && (
        <Text size="sm" c={Date.parse(instant) <= Date.now() ? 'red.9' : 'dimmed'} aria-live="polite">
          {Date.parse(instant) <= Date.now()
            ? t('deadlineField.past')
            : t('deadlineField.preview', { date: formatDateTime(instant, currentLocale()) })}
        </Text>
      )}
    </Stack>
  );
}

/** Days before the deadline when labs without an answer are reminded. */
export function RemindersField({ value, onChange }: { value: number[]; onChange: (days: number[]) => void }) {
  const t = useRequestsT();
  return (
    <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Box component="legend" p={0} mb={6}>
        <Text size="sm" fw={500}>
          {t('deadlineField.reminders')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('deadlineField.remindersHint')}
        </Text>
      </Box>
      <Chip.Group
        multiple
        value={value.map(String)}
        onChange={(days) => onChange(days.map(Number).sort((a, b) => b - a))}
      >
        <Group gap={6}>
          {reminderChoices.map((days) => (
            <Chip key={days} value={String(days)} size="sm" variant="outline">
              {t('deadlineField.daysBefore', { count: days })}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {value.length === 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('deadlineField.noReminder')}
        </Text>
      )}
    </Box>
  );
}
