import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const zones = new Set(Intl.supportedValuesOf('timeZone'));
zones.add('UTC');

export const isTimeZone = (value: string) => zones.has(value);

/** A wall-clock date and time in a time zone (as people state an embargo) → the UTC instant. */
export function zonedToUtc(date: string, time: string, timeZone: string): string {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', timeZone).toISOString();
}

/** The UTC instant back to the wall-clock date and time of a zone. */
export function utcToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const local = dayjs(iso).tz(timeZone);
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm') };
}
