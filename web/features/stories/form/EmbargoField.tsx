import { Alert, Collapse, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { IconLock } from '@tabler/icons-react';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useMemo } from 'react';
import { formatDateTime } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { useStoriesT } from '../i18n.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

export type EmbargoValue = { isOn: boolean; date: string; time: string; timeZone: string };

export const defaultTimeZone = 'Europe/Paris';

/** The instant an embargo lifts, or null while incomplete. */
export function embargoInstant(value: EmbargoValue): string | null {
  if (!value.isOn || !/^\d{4}-\d{2}-\d{2}$/.test(value.date) || !/^\d{2}:\d{2}$/.test(value.time))
    return null;
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

type Props = {
  value: EmbargoValue;
  onChange: (value: EmbargoValue) => void;
  errors: { date?: string | null; time?: string | null; timeZone?: string | null };
};

/** Optional embargo: date, time and time zone, with what it means and when it lifts for the viewer. */
export function EmbargoField({ value, onChange, errors }: Props) {
  const t = useStoriesT();
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(value.timeZone) ? all : [value.timeZone, ...all];
  }, [value.timeZone]);
  const instant = embargoInstant(value);
  return (
    <Stack gap="sm">
      <Switch
        label={t('form.embargo')}
        checked={value.isOn}
        onChange={(event) => onChange({ ...value, isOn: event.currentTarget.checked })}
        thumbIcon={value.isOn ? <IconLock size={10} aria-hidden /> : undefined}
        description={t('embargo.hint')}
      />
      <Collapse expanded={value.isOn}>
        <Stack gap="sm">
          <Alert color="red" variant="light" icon={<IconLock size={18} aria-hidden />} p="sm">
            <Text size="sm">{t('form.embargoHint')}</Text>
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DatePickerInput
              label={t('form.embargoDate')}
              value={value.date || null}
              onChange={(date) => onChange({ ...value, date: date ?? '' })}
              valueFormat="D MMMM YYYY"
              minDate={dayjs().format('YYYY-MM-DD')}
              required={value.isOn}
              error={errors.date}
              clearable
              clearButtonProps={{ 'aria-label': t('clear') }}
            />
            <TimeInput
              label={t('form.embargoTime')}
              value={value.time}
              onChange={(event) => onChange({ ...value, time: event.currentTarget.value })}
              required={value.isOn}
              error={errors.time}
            />
            <Select
              label={t('form.embargoZone')}
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
            <Text size="sm" fw={600} c="red.9" aria-live="polite">
              {Date.parse(instant) <= Date.now()
                ? t('form.embargoPast')
                : t('form.embargoPreview', { date: formatDateTime(instant, currentLocale()) })}
            </Text>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}
