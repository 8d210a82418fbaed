/** Stories, relays and tips: the names and states shared by server and web. */
export const storyKinds = [
  'result',
  'image',
  'event',
  'award',
  'visit',
  'publication',
  'anniversary',
  'media_interest',
  'other',
] as const;
export type StoryKind = (typeof storyKinds)[number];

export const storyStates = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'accepted',
  'declined',
] as const;
export type StoryState = (typeof storyStates)[number];

/** The transitions, each a named endpoint: POST /api/stories/:id/<name>. */
export const storyTransitions = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted' },
  review: { from: ['submitted'], to: 'in_review' },
  'request-changes': { from: ['submitted', 'in_review'], to: 'changes_requested' },
  accept: { from: ['submitted', 'in_review'], to: 'accepted' },
  decline: { from: ['submitted', 'in_review'], to: 'declined' },
} as const satisfies Record<string, { from: readonly StoryState[]; to: StoryState }>;
export type StoryTransition = keyof typeof storyTransitions;

export const relayStates = ['proposed', 'sent', 'published', 'not_taken'] as const;
export type RelayState = (typeof relayStates)[number];

export const tipStates = ['open', 'converted', 'dismissed'] as const;
export type TipState = (typeof tipStates)[number];

export const notificationModes = ['immediate', 'daily', 'off'] as const;
export type NotificationMode = (typeof notificationModes)[number];
