import { campaignFooterMjml, campaignHeadMjml, escapeHtml } from './campaign-template.ts';

/**
 * A press release as mail: the embargo notice first (and in the subject) when the story is still
 * under embargo, the title, the summary, the text, the contacts, and the link to the PDF version.
 * Texts are escaped (braces too: stored text never forms a {{placeholder}}); the body is rich
 * text sanitized when it was saved.
 */
export type PressMailInput = {
  institute: string;
  title: string;
  summary: string;
  bodyHtml: string;
  contacts: string;
  /** "EMBARGO jusqu’au …", or null */
  embargoNotice: string | null;
  pdfUrl: string;
};

const t = (value: string) => escapeHtml(value).replace(/\{/g, '&#123;');
const lines = (value: string) => t(value).replace(/\r?\n/g, '<br />');

export const pressSubject = (title: string, notice: string | null) =>
  notice ? `${notice} — ${title}` : title;

export function pressMjml(input: PressMailInput): string {
  return `<mjml lang="fr">
  ${campaignHeadMjml(pressSubject(input.title, input.embargoNotice))}
  <mj-body background-color="#f3f5f8" width="640px">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text font-size="13px" color="#52606d" text-transform="uppercase" letter-spacing="1px">${t(input.institute)} · Communiqué de presse</mj-text>
      </mj-column>
    </mj-section>${
      input.embargoNotice
        ? `
    <mj-section background-color="#fdecea" padding="12px 16px" border-left="4px solid #b42318">
      <mj-column>
        <mj-text font-size="15px" font-weight="bold" color="#b42318">${t(input.embargoNotice)}</mj-text>
        <mj-text font-size="13px" color="#7a271a" padding-top="0">Ces informations ne doivent pas être publiées avant cette date. · Not to be published before this time.</mj-text>
      </mj-column>
    </mj-section>`
        : ''
    }
    <mj-section background-color="#ffffff" padding="16px 8px">
      <mj-column>
        <mj-text font-size="24px" font-weight="bold" line-height="1.3" color="#102a43">${t(input.title)}</mj-text>
        <mj-text font-size="17px" font-weight="bold" color="#323f4b">${t(input.summary)}</mj-text>
        <mj-text>${input.bodyHtml}</mj-text>${
          input.contacts.trim()
            ? `
        <mj-text font-size="14px" color="#323f4b"><strong>Contacts</strong><br />${lines(input.contacts)}</mj-text>`
            : ''
        }
        <mj-button href="${t(input.pdfUrl)}" background-color="#1c4f9c" align="left">Le communiqué en PDF</mj-button>
      </mj-column>
    </mj-section>
    ${campaignFooterMjml()}
  </mj-body>
</mjml>`;
}

/** The same release as plain HTML: the campaign's body and the source of its text part. */
export function pressBodyHtml(input: PressMailInput): string {
  return [
    input.embargoNotice ? `<p><strong>${t(input.embargoNotice)}</strong></p>` : '',
    `<h2>${t(input.title)}</h2>`,
    `<p><strong>${t(input.summary)}</strong></p>`,
    input.bodyHtml,
    input.contacts.trim() ? `<h3>Contacts</h3><p>${lines(input.contacts)}</p>` : '',
    `<p>Le communiqué en PDF : <a href="${t(input.pdfUrl)}">${t(input.pdfUrl)}</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
}
