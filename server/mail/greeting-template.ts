import { campaignFooterMjml, campaignHeadMjml, escapeHtml } from './campaign-template.ts';

/**
 * A greeting card as mail: the image (a public URL of its re-encoded WebP, with its alt text), the
 * message (rich text sanitized when saved), the institute's signature, and the campaign footer.
 */
export type GreetingMailInput = {
  institute: string;
  title: string;
  messageHtml: string;
  imageUrl: string | null;
  imageAlt: string;
};

const t = (value: string) => escapeHtml(value).replace(/\{/g, '&#123;');

export function greetingMjml(input: GreetingMailInput): string {
  return `<mjml lang="fr">
  ${campaignHeadMjml(input.title)}
  <mj-body background-color="#f3f5f8" width="640px">
    <mj-section padding="24px 0 0">
      <mj-column>
        <mj-text font-size="13px" color="#52606d" text-transform="uppercase" letter-spacing="1px" align="center">${t(input.institute)}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 0 24px" border-radius="6px">
      <mj-column>${
        input.imageUrl
          ? `
        <mj-image src="${t(input.imageUrl)}" alt="${t(input.imageAlt)}" padding="0" fluid-on-mobile="true" />`
          : ''
      }
        <mj-text font-size="26px" font-weight="bold" align="center" color="#102a43" padding-top="24px">${t(input.title)}</mj-text>
        <mj-text align="center" font-size="17px">${input.messageHtml}</mj-text>
      </mj-column>
    </mj-section>
    ${campaignFooterMjml()}
  </mj-body>
</mjml>`;
}

export function greetingBodyHtml(input: GreetingMailInput): string {
  return [
    `<h2>${t(input.title)}</h2>`,
    input.imageUrl ? `<p><img src="${t(input.imageUrl)}" alt="${t(input.imageAlt)}" /></p>` : '',
    input.messageHtml,
    `<p>${t(input.institute)}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}
