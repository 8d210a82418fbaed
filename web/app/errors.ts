import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

/** Server field messages are short English predicates ("is required"); these give them in the UI language. */
const fieldPatterns: ReadonlyArray<[RegExp, (t: TFunction, match: RegExpMatchArray) => string]> = [
  [/^is required for this role$/, (t) => t('fieldErrors.requiredForRole')],
  [/^is required$/, (t) => t('fieldErrors.required')],
  [/^must not be empty$/, (t) => t('fieldErrors.required')],
  [/^must be at least (\d+) characters$/, (t, m) => t('fieldErrors.minLength', { count: Number(m[1]) })],
  [/^must be at most (\d+) characters$/, (t, m) => t('fieldErrors.maxLength', { count: Number(m[1]) })],
  [/^must be a valid email address$/, (t) => t('fieldErrors.email')],
  [/^must be a valid (uri|url)$/, (t) => t('fieldErrors.url')],
  [/^has an invalid format$/, (t) => t('fieldErrors.format')],
  [/^is already used$/, (t) => t('fieldErrors.taken')],
  [/^is wrong$/, (t) => t('fieldErrors.wrong')],
  [/^is not a known lab$/, (t) => t('fieldErrors.unknownLab')],
  [/^is not a known delegation$/, (t) => t('fieldErrors.unknownDelegation')],
  [/^contains an unknown skill$/, (t) => t('fieldErrors.unknownSkill')],
  [/^must have at most (\d+) items$/, (t, m) => t('fieldErrors.maxItems', { count: Number(m[1]) })],
  [/^must be at least (-?[\d.]+)$/, (t, m) => t('fieldErrors.min', { value: m[1] })],
  [/^must be at most (-?[\d.]+)$/, (t, m) => t('fieldErrors.max', { value: m[1] })],
  [/^must not repeat items$/, (t) => t('fieldErrors.unique')],
];

export function translateFieldMessage(t: TFunction, message: string): string {
  for (const [pattern, translate] of fieldPatterns) {
    const match = message.match(pattern);
    if (match) return translate(t, match);
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Known server messages of errors that carry no field, by their English text. */
const knownMessages: ReadonlyArray<[RegExp, string]> = [
  [/still has people/, 'errors.labHasPeople'],
  [/still has labs or officers/, 'errors.delegationInUse'],
  [/already has this acronym/, 'errors.acronymTaken'],
  [/already has this code/, 'errors.codeTaken'],
  [/skill already exists/, 'errors.skillTaken'],
  [/already has this email/, 'errors.emailTaken'],
  [/active tokens/, 'errors.tooManyTokens'],
  [/current password is wrong/, 'errors.wrongPassword'],
];

/** A sentence for any error, in the UI language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'invalid_credentials':
      return t('errors.invalidCredentials');
    case 'rate_limited':
      return t('errors.rateLimited', { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
    case 'link_invalid':
      return t('errors.linkInvalid');
    case 'link_used':
      return t('errors.linkUsed');
    case 'link_expired':
      return t('errors.linkExpired');
    case 'account_disabled':
      return t('errors.accountDisabled');
    case 'unauthorized':
      return t('errors.unauthorized');
    case 'forbidden':
    case 'cross_site':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.notFound');
    case 'invalid':
      if (Object.keys(error.fields).length > 0 && !/current password/.test(error.message))
        return t('errors.invalid');
      break;
    case 'internal':
      return t('errors.internal');
    case 'embargo': {
      // "« Title » is under embargo until 3 décembre 2026 à 10 h 00 (heure de Paris) (ISO): …"
      const match = error.message.match(/^« (.+) » is under embargo until (.+) \(\S+\):/);
      if (match) return t('errors.embargo', { title: match[1], until: match[2] });
      break;
    }
  }
  const known = knownMessages.find(([pattern]) => pattern.test(error.message));
  if (known) return t(known[1] as 'errors.unexpected');
  return error.status >= 500 ? t('errors.internal') : error.message;
}

export function notifyError(t: TFunction, error: unknown, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? t('errors.title'),
    message: errorMessage(t, error),
    autoClose: 8000,
  });
}

export function notifySaved(t: TFunction, message?: string): void {
  notifications.show({ color: 'teal', message: message ?? t('common.saved'), autoClose: 3000 });
}

type FormLike = { setErrors: (errors: Record<string, string>) => void };

/**
 * Shows an API error on a form: field messages under their fields (mapped through
 * `fieldMap` when the form names a field differently), everything else as a notification.
 */
export function showFormError(
  t: TFunction,
  form: FormLike,
  error: unknown,
  options: { fieldMap?: Record<string, string>; knownFields?: readonly string[] } = {},
): void {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    const errors: Record<string, string> = {};
    const orphans: string[] = [];
    for (const [field, message] of Object.entries(error.fields)) {
      const name = options.fieldMap?.[field] ?? field;
      const text = translateFieldMessage(t, message);
      if (options.knownFields && !options.knownFields.includes(name)) orphans.push(`${field}: ${text}`);
      else errors[name] = text;
    }
    form.setErrors(errors);
    if (orphans.length > 0 || Object.keys(errors).length === 0) {
      notifications.show({
        color: 'red',
        title: errorMessage(t, error),
        message: orphans.join(' · ') || undefined,
      });
    } else if (error.status === 409) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
    return;
  }
  notifyError(t, error);
}
