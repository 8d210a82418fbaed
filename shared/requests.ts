/** Requests sent down to the labs, and out-of-band solicitations: names shared by server and web. */
export const requestKinds = [
  'expert',
  'images',
  'annual_report',
  'brochure',
  'event',
  'figures',
  'other',
] as const;
export type RequestKind = (typeof requestKinds)[number];

/**
 * to_route: a Dircom contact's request waiting for the cell; open: at the labs; answered_by_cell
 * and declined: settled by the cell without the labs; closed: done (the archive).
 */
export const requestStates = ['to_route', 'open', 'answered_by_cell', 'declined', 'closed'] as const;
export type RequestState = (typeof requestStates)[number];

/** On whose behalf a request is made: decides whether it goes through the cell. */
export const requestOrigins = ['dircom', 'cell', 'dr_officer', 'admin'] as const;
export type RequestOrigin = (typeof requestOrigins)[number];

/** all_labs; delegation (its labs); labs (chosen); people (named correspondents, through their labs). */
export const requestTargetModes = ['all_labs', 'delegation', 'labs', 'people'] as const;
export type RequestTargetMode = (typeof requestTargetModes)[number];

/** Per targeted lab, on the board. declined = "nothing for this one". */
export const targetStates = ['not_seen', 'seen', 'answered', 'declined'] as const;
export type TargetState = (typeof targetStates)[number];

export const answerKinds = ['content', 'nothing'] as const;
export type AnswerKind = (typeof answerKinds)[number];

/** The reminder ledger: uncertain = the worker stopped mid-send; never resent without a person's say. */
export const reminderStates = ['pending', 'sending', 'sent', 'uncertain', 'cancelled'] as const;
export type ReminderState = (typeof reminderStates)[number];

export const solicitationStates = ['new', 'routed', 'dismissed'] as const;
export type SolicitationState = (typeof solicitationStates)[number];

/** The boxes of GET /api/requests. */
export const requestBoxes = ['to_route', 'mine', 'for_my_lab', 'all'] as const;
export type RequestBox = (typeof requestBoxes)[number];

/** Days before the deadline when labs that have not answered are reminded. */
export const defaultReminderDays = [3, 1] as const;

/** The named state changes: POST /api/requests/:id/<name>, from these states. */
export const requestTransitions = {
  forward: { from: ['to_route'], to: 'open' },
  'answer-by-cell': { from: ['to_route'], to: 'answered_by_cell' },
  decline: { from: ['to_route'], to: 'declined' },
  close: { from: ['to_route', 'open'], to: 'closed' },
} as const satisfies Record<string, { from: readonly RequestState[]; to: RequestState }>;
export type RequestTransition = keyof typeof requestTransitions;
