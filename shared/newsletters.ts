/**
 * The newsletter, greeting cards and press releases: names shared by the server and the web app
 * (no node:*, no DOM). See docs/api-newsletters.md.
 */

/** The sections a new issue starts with; the cell renames, adds, removes and reorders them. */
export const defaultNewsletterSections = [
  { key: 'une', title: 'À la une' },
  { key: 'labos', title: 'Vie des labos' },
  { key: 'prix', title: 'Prix et distinctions' },
  { key: 'agenda', title: 'Agenda' },
] as const;

/** Relay states of the newsletter channel a story may be picked from. */
export const pickableRelayStates = ['proposed', 'sent'] as const;

/** An issue's life follows its campaign's; `published` once the campaign is sent. */
export const issueStates = ['draft', 'scheduled', 'sending', 'paused', 'published', 'cancelled'] as const;
export type IssueState = (typeof issueStates)[number];

export const newsletterLimits = {
  title: 200,
  edito: 20_000,
  sections: 12,
  sectionTitle: 80,
  items: 40,
  greetingMessage: 20_000,
  pressBody: 60_000,
  pressSummary: 2_000,
  pressContacts: 2_000,
  previewWidth: { min: 300, max: 1400 },
} as const;

/** The path of an issue's public archive page. */
export const archivePath = (number: number) => `/lettre/${number}`;
