import type { CampaignKind, Placeholder } from '../../shared/campaigns.ts';
import { placeholders } from '../../shared/campaigns.ts';

/**
 * Campaign mail is rendered ONCE per campaign (MJML → responsive HTML, html-to-text → the text
 * part) with its {{placeholders}} left in; each recipient's values are then substituted into the
 * two compiled templates, escaped in the HTML part. Rendering costs ~10 ms; substitution, microseconds.
 */

const placeholderPattern = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const known = new Set<string>(placeholders);

/** The placeholders a text uses that Relais does not know (a typo would reach every inbox). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1]!).filter((name) => !known.has(name));
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => escapes[char]!);

/** A template split once into literal parts and placeholder names. */
export type CompiledTemplate = { parts: string[]; names: Placeholder[] };

export function compileTemplate(template: string): CompiledTemplate {
  const parts: string[] = [];
  const names: Placeholder[] = [];
  let last = 0;
  // mjml may percent-encode braces inside attributes (href="%7B%7BunsubscribeUrl%7D%7D"): accept both.
  const pattern = /\{\{\s*([A-Za-z]+)\s*\}\}|%7B%7B([A-Za-z]+)%7D%7D/g;
  for (const match of template.matchAll(pattern)) {
    const name = match[1] ?? match[2]!;
    if (!known.has(name)) continue;
    parts.push(template.slice(last, match.index));
    names.push(name as Placeholder);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return { parts, names };
}

export type RecipientValues = Record<Placeholder, string>;

export function fillTemplate(
  template: CompiledTemplate,
  values: RecipientValues,
  escapeValue: (value: string) => string,
): string {
  let out = template.parts[0]!;
  for (let index = 0; index < template.names.length; index++) {
    out += escapeValue(values[template.names[index]!]) + template.parts[index + 1]!;
  }
  return out;
}

export const campaignLabels: Record<CampaignKind, { fr: string; en: string }> = {
  newsletter: { fr: 'Lettre d’information', en: 'Newsletter' },
  greeting: { fr: 'Carte de vœux', en: 'Greeting card' },
  press: { fr: 'Communiqué de presse', en: 'Press release' },
};

/** The head of every campaign mail (title, fonts). */
export function campaignHeadMjml(subject: string): string {
  return `<mj-head>
    <mj-title>${escapeHtml(subject)}</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.55" color="#1f2933" />
    </mj-attributes>
  </mj-head>`;
}

/** The footer every campaign mail ends with: the visible unsubscribe and preference links (EMAIL.md, rule 3). */
export function campaignFooterMjml(): string {
  return `<mj-section padding="16px 0 32px">
      <mj-column>
        <mj-text font-size="12px" color="#52606d" align="center">
          Vous recevez ce message à l’adresse {{email}}.
          <a href="{{unsubscribeUrl}}" style="color:#52606d">Se désinscrire</a> ·
          <a href="{{preferencesUrl}}" style="color:#52606d">Gérer mes abonnements</a><br />
          <span lang="en">Sent to {{email}}. <a href="{{unsubscribeUrl}}" style="color:#52606d">Unsubscribe</a> · <a href="{{preferencesUrl}}" style="color:#52606d">Manage subscriptions</a></span>
        </mj-text>
      </mj-column>
    </mj-section>`;
}

/** The responsive layout around the body, with the visible unsubscribe and preference links. */
export function campaignMjml(input: { kind: CampaignKind; subject: string; bodyHtml: string }): string {
  const label = campaignLabels[input.kind];
  return `<mjml lang="fr">
  ${campaignHeadMjml(input.subject)}
  <mj-body background-color="#f3f5f8" width="640px">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text font-size="13px" color="#52606d" text-transform="uppercase" letter-spacing="1px">${escapeHtml(label.fr)}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px 16px" border-radius="6px">
      <mj-column>
        <mj-text>${input.bodyHtml}</mj-text>
      </mj-column>
    </mj-section>
    ${campaignFooterMjml()}
  </mj-body>
</mjml>`;
}

export type RenderedCampaign = { html: string; text: string };

/** MJML and html-to-text are loaded on first use (they cost ~150 ms to import). */
export async function renderCampaign(input: {
  kind: CampaignKind;
  subject: string;
  bodyHtml: string;
  bodyText: string;
  /** the whole MJML document, when the campaign's owner (a newsletter issue…) has its own layout */
  mjml?: string | null | undefined;
}): Promise<RenderedCampaign> {
  const [{ default: mjml2html }, { convert }] = await Promise.all([import('mjml'), import('html-to-text')]);
  const result = await mjml2html(input.mjml ?? campaignMjml(input), {
    validationLevel: 'soft',
    keepComments: false,
  });
  const heading = { options: { uppercase: false } };
  const body =
    input.bodyText.trim() ||
    convert(input.bodyHtml, {
      wordwrap: 78,
      selectors: [
        { selector: 'h1', ...heading },
        { selector: 'h2', ...heading },
        { selector: 'h3', ...heading },
        { selector: 'h4', ...heading },
        { selector: 'img', format: 'skip' },
      ],
    });
  const text = `${body.trim()}

--
Se désinscrire / Unsubscribe : {{unsubscribeUrl}}
Gérer mes abonnements / Manage subscriptions : {{preferencesUrl}}
`;
  return { html: result.html, text };
}
