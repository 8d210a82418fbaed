import type { TFunction } from 'i18next';
import type { Locale, RoleName } from '../../shared/roles.ts';
import type { LocalizedName, RoleView } from './types.ts';

export const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** "il y a 3 jours", "in 2 hours"… for recent dates, the date itself beyond a month. */
export function formatRelative(iso: string | null | undefined, locale: Locale, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return formatDate(iso, locale);
}

export const localized = (name: LocalizedName, locale: Locale) => (locale === 'en' ? name.en : name.fr);

export const roleLabel = (t: TFunction, role: RoleName | string) => t(`roles.${role as RoleName}`);

/** "Correspondant·e communication · IJCLab" */
export function roleWithScope(t: TFunction, grant: RoleView): string {
  const scope = grant.lab?.acronym ?? grant.delegation?.code;
  return scope ? `${roleLabel(t, grant.role)} · ${scope}` : roleLabel(t, grant.role);
}

/** Name of a language from its ISO 639-1 code, in the UI language ("de" → "allemand"). */
export function languageName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(code);
    return name ?? code;
  } catch {
    return code;
  }
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
