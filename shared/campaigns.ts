/**
 * Audiences and campaigns: names shared by the server and the web app (no node:*, no DOM).
 * See docs/api-campaigns.md.
 */

/** What a campaign is; the newsletter, greeting cards and press releases plug in here. */
export const campaignKinds = ['newsletter', 'greeting', 'press'] as const;
export type CampaignKind = (typeof campaignKinds)[number];

/** One mail stream per kind (its own List-Id): an unsubscribe from a stream stops that stream. */
export const campaignStreams = ['newsletter', 'greetings', 'press'] as const;
export type CampaignStream = (typeof campaignStreams)[number];
export const streamOfKind: Record<CampaignKind, CampaignStream> = {
  newsletter: 'newsletter',
  greeting: 'greetings',
  press: 'press',
};

/**
 * draft ─schedule/send-now─▶ scheduled ─(job starts: audience frozen)─▶ sending ─▶ sent
 *                                   sending ⇄ paused (by a person, or auto-paused after errors)
 * scheduled | sending | paused ─cancel─▶ cancelled. A sent campaign goes back to sending when a
 * person resends its uncertain or failed recipients.
 */
export const campaignStates = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type CampaignState = (typeof campaignStates)[number];

/**
 * The per-recipient ledger: pending ─claim (lease)─▶ claimed ─▶ sent | failed | suppressed, or back
 * to pending after a 4xx (later, bounded attempts). A row found claimed after its lease expired
 * (the worker died mid-send) becomes uncertain: never resent automatically.
 */
export const recipientStates = ['pending', 'claimed', 'sent', 'failed', 'suppressed', 'uncertain'] as const;
export type RecipientState = (typeof recipientStates)[number];

/** A person on a list: waiting for the double opt-in, subscribed, or gone. */
export const memberStates = ['pending', 'active', 'unsubscribed'] as const;
export type MemberState = (typeof memberStates)[number];
export const memberSources = ['manual', 'import', 'subscribe'] as const;
export type MemberSource = (typeof memberSources)[number];

/** Why an address is never mailed; scope '*' is every stream, otherwise one stream. */
export const suppressionReasons = ['unsubscribe', 'hard_bounce', 'complaint', 'manual'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];
export const suppressionScopes = ['*', ...campaignStreams] as const;
export type SuppressionScope = (typeof suppressionScopes)[number];

/** Per-recipient values a template may use, as {{name}}; escaped in the HTML part. */
export const placeholders = ['firstName', 'lastName', 'email', 'unsubscribeUrl', 'preferencesUrl'] as const;
export type Placeholder = (typeof placeholders)[number];

export const campaignLimits = {
  subject: 200,
  /** the editor's HTML; the rendered mail must stay under ~100 KB (Gmail clips above) */
  bodyHtml: 90_000,
  renderedHtml: 100_000,
  listName: 120,
  testRecipients: 10,
  /** CSV import: characters in one request */
  csv: 900_000,
  csvRows: 20_000,
} as const;
