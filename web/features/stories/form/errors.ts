import type { TFunction } from 'i18next';
import { ApiError } from '../../../app/api.ts';
import { showFormError } from '../../../app/errors.ts';
import { storiesT } from '../i18n.ts';

type FormLike = { setErrors: (errors: Record<string, string>) => void };

/** Server messages of the story form that the shared table does not know. */
const storyMessages: ReadonlyArray<[RegExp, () => string]> = [
  [/must not be before the start date/, () => storiesT('form.endBeforeStart')],
];

/**
 * `showFormError` for the story form: translates the story-specific messages, and drops the
 * "embargo must be null" that the API adds next to the real embargo field errors.
 */
export function showStoryFormError(t: TFunction, form: FormLike, error: unknown, knownFields: string[]) {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    const fields: Record<string, string> = {};
    for (const [field, message] of Object.entries(error.fields)) {
      if (field === 'embargo' && Object.keys(error.fields).some((key) => key.startsWith('embargo.')))
        continue;
      const known = storyMessages.find(([pattern]) => pattern.test(message));
      fields[field === 'bodyHtml' ? 'body' : field] = known ? known[1]() : message;
    }
    const cleaned = new ApiError(error.status, error.code, error.message, fields, error.retryAfter);
    showFormError(t, form, cleaned, { knownFields });
    return;
  }
  showFormError(t, form, error, { knownFields });
}
