import { campaignFooterMjml, campaignHeadMjml, escapeHtml } from './campaign-template.ts';

/**
 * The newsletter issue as mail: MJML rendered once per campaign (the engine's contract), with the
 * campaign footer's {{placeholders}} left in. Story texts are escaped (and their braces too, so a
 * title can never become a placeholder); the edito is rich text sanitized when it was saved.
 */

export type NewsletterMailItem = {
  title: string;
  summary: string;
  labs: string;
  url: string;
  /** shown as a placeholder block: the viewer may not read this story yet (embargo) */
  isHidden?: boolean;
};
export type NewsletterMailInput = {
  number: number;
  title: string;
  editoHtml: string;
  archiveUrl: string;
  sections: Array<{ title: string; items: NewsletterMailItem[] }>;
};

/** Escaped, with `{` written as an entity: stored text never forms a {{placeholder}}. */
export const escapeText = (value: string) => escapeHtml(value).replace(/\{/g, '&#123;');

const hiddenItem = {
  title: 'Sujet sous embargo',
  summary: 'Ce sujet n’est pas visible pour vous avant la levée de son embargo.',
};

function itemMjml(item: NewsletterMailItem): string {
  const shown = item.isHidden ? { ...hiddenItem, labs: '', url: '' } : item;
  return `<mj-text padding="12px 24px 4px" font-size="19px" font-weight="bold" line-height="1.3" color="#102a43">${
    shown.url
      ? `<a href="${escapeText(shown.url)}" style="color:#102a43;text-decoration:none">${escapeText(shown.title)}</a>`
      : escapeText(shown.title)
  }</mj-text>${
    shown.labs
      ? `
        <mj-text padding="0 24px" font-size="13px" color="#52606d">${escapeText(shown.labs)}</mj-text>`
      : ''
  }
        <mj-text padding="6px 24px 4px">${escapeText(shown.summary)}</mj-text>${
          shown.url
            ? `
        <mj-text padding="0 24px 12px" font-size="14px"><a href="${escapeText(shown.url)}" style="color:#1c4f9c">Lire la suite →</a></mj-text>`
            : ''
        }`;
}

export function newsletterMjml(input: NewsletterMailInput): string {
  const subject = `${input.title} — n° ${input.number}`;
  const sections = input.sections
    .filter((section) => section.items.length > 0)
    .map(
      (section) => `
    <mj-section background-color="#ffffff" padding="8px 0 16px">
      <mj-column>
        <mj-text padding="16px 24px 4px" font-size="13px" font-weight="bold" color="#1c4f9c" text-transform="uppercase" letter-spacing="1px">${escapeText(section.title)}</mj-text>
        <mj-divider padding="4px 24px" border-width="2px" border-color="#1c4f9c" />
        ${section.items.map(itemMjml).join('\n        <mj-divider padding="4px 24px" border-width="1px" border-color="#e4e7eb" />\n        ')}
      </mj-column>
    </mj-section>`,
    )
    .join('');
  return `<mjml lang="fr">
  ${campaignHeadMjml(subject)}
  <mj-body background-color="#f3f5f8" width="640px">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text font-size="13px" color="#52606d" text-transform="uppercase" letter-spacing="1px">Lettre d’information · n° ${input.number}</mj-text>
        <mj-text font-size="26px" font-weight="bold" line-height="1.25" color="#102a43">${escapeText(input.title)}</mj-text>
        <mj-text font-size="13px" padding-top="0"><a href="${escapeText(input.archiveUrl)}" style="color:#52606d">Voir cette lettre dans votre navigateur</a></mj-text>
      </mj-column>
    </mj-section>${
      input.editoHtml.trim()
        ? `
    <mj-section background-color="#ffffff" padding="16px 0 8px" border-bottom="1px solid #e4e7eb">
      <mj-column>
        <mj-text padding="8px 24px">${input.editoHtml}</mj-text>
      </mj-column>
    </mj-section>`
        : ''
    }${sections}
    ${campaignFooterMjml()}
  </mj-body>
</mjml>`;
}

/** The same issue as plain HTML: the campaign's body (shown in lists) and the source of its text part. */
export function newsletterBodyHtml(input: NewsletterMailInput): string {
  const parts = [`<h2>${escapeText(input.title)} — n° ${input.number}</h2>`];
  if (input.editoHtml.trim()) parts.push(input.editoHtml);
  for (const section of input.sections) {
    if (section.items.length === 0) continue;
    parts.push(`<h3>${escapeText(section.title)}</h3>`);
    for (const raw of section.items) {
      const item = raw.isHidden ? { ...hiddenItem, labs: '', url: '' } : raw;
      parts.push(
        `<h4>${escapeText(item.title)}</h4>${item.labs ? `<p>${escapeText(item.labs)}</p>` : ''}<p>${escapeText(item.summary)}</p>${
          item.url ? `<p><a href="${escapeText(item.url)}">Lire la suite</a></p>` : ''
        }`,
      );
    }
  }
  parts.push(`<p><a href="${escapeText(input.archiveUrl)}">Cette lettre en ligne</a></p>`);
  return parts.join('\n');
}
