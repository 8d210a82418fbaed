import type { StoryKind } from '../../../../shared/stories.ts';
import type { Researcher, Story, StoryInput, StoryLink } from '../types.ts';
import { defaultTimeZone, type EmbargoValue } from './EmbargoField.tsx';
import { htmlToMarkup, markupToHtml } from './markup.ts';

export type StoryFormValues = {
  kind: StoryKind;
  title: string;
  summary: string;
  /** Light markup, saved as HTML. */
  body: string;
  eventDate: string | null;
  isPeriod: boolean;
  eventEndDate: string | null;
  labIds: string[];
  themes: string[];
  projects: string[];
  researchers: Researcher[];
  links: StoryLink[];
  proposedChannels: string[];
  embargo: EmbargoValue;
};

export const summaryMax = 600;
export const titleMax = 200;

export function initialValues(story: Story | null, defaultLabIds: string[]): StoryFormValues {
  return {
    kind: story?.kind ?? 'result',
    title: story?.title ?? '',
    summary: story?.summary ?? '',
    body: htmlToMarkup(story?.bodyHtml ?? ''),
    eventDate: story?.eventDate ?? null,
    isPeriod: Boolean(story?.eventEndDate),
    eventEndDate: story?.eventEndDate ?? null,
    labIds: story ? story.labs.map((lab) => lab.id) : defaultLabIds,
    themes: story?.themes ?? [],
    projects: story?.projects ?? [],
    researchers: story?.researchers.map((row) => ({ ...row })) ?? [],
    links: story?.links.map((row) => ({ ...row })) ?? [],
    proposedChannels: story?.proposedChannels ?? [],
    embargo: story?.embargo
      ? { isOn: true, date: story.embargo.date, time: story.embargo.time, timeZone: story.embargo.timeZone }
      : { isOn: false, date: '', time: '09:00', timeZone: defaultTimeZone },
  };
}

/** The API body: empty rows dropped, text trimmed, markup turned into HTML. */
export function toInput(values: StoryFormValues): StoryInput {
  return {
    kind: values.kind,
    title: values.title.trim(),
    summary: values.summary.trim(),
    bodyHtml: markupToHtml(values.body),
    eventDate: values.eventDate || null,
    eventEndDate: values.isPeriod && values.eventDate ? values.eventEndDate || null : null,
    labIds: values.labIds,
    themes: values.themes,
    projects: values.projects,
    researchers: values.researchers
      .map((row) => ({ name: row.name.trim(), email: row.email.trim() }))
      .filter((row) => row.name || row.email),
    links: values.links
      .map((row) => ({ label: row.label.trim(), url: row.url.trim() }))
      .filter((row) => row.label || row.url),
    proposedChannels: values.proposedChannels,
    embargo: values.embargo.isOn
      ? { date: values.embargo.date, time: values.embargo.time, timeZone: values.embargo.timeZone }
      : null,
  };
}

/** Form paths the API may name in `error.fields`. */
export function knownFields(values: StoryFormValues): string[] {
  return [
    'kind',
    'title',
    'summary',
    'body',
    'eventDate',
    'eventEndDate',
    'labIds',
    'themes',
    'projects',
    'proposedChannels',
    'embargo.date',
    'embargo.time',
    'embargo.timeZone',
    ...values.researchers.flatMap((_, i) => [`researchers.${i}.name`, `researchers.${i}.email`]),
    ...values.links.flatMap((_, i) => [`links.${i}.label`, `links.${i}.url`]),
  ];
}
